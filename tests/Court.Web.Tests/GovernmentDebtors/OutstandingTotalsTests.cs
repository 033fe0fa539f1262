using System.Text.Json;
using Court.Web.Tests.Bankruptcy.Support;
using Court.Web.Tests.GovernmentDebtors.Support;
using static Court.Web.Tests.GovernmentDebtors.Support.GovernmentDebtApi;

namespace Court.Web.Tests.GovernmentDebtors;

/// <summary>A host of its own with no government-debtor case yet, so the month-end totals are this class's cases only.</summary>
public sealed class ApiWithNoGovernmentDebtCase : GovernmentDebtApi;

/// <summary>The supervision office's chart: month-end totals by the business dates, every month from the first case to this one.</summary>
public sealed class OutstandingTotalsTests(ApiWithNoGovernmentDebtCase api) : IClassFixture<ApiWithNoGovernmentDebtCase>
{
    [Fact]
    public async Task Month_end_totals_follow_the_opening_and_payment_dates_and_fill_the_months_without_movements()
    {
        // Everything is recorded on 23 April 2022; the dates it happened on lie months earlier.
        var clerk = await api.As("clerk");
        var older = (await Ok(await clerk.PostJsonAsync("/api/government-debts/cases", OpenedOn(1, "2021-12-15", 500_000m)))).GetProperty("id").GetString()!;
        await Ok(await clerk.PostJsonAsync("/api/government-debts/cases", OpenedOn(2, "2022-03-20", 1_000_000m)));
        await Ok(await clerk.PostJsonAsync(CasePath(older) + "/performances", new { kind = "payment", amount = 200_000m, on = "2022-02-15", description = "第一期" }));
        await Ok(await clerk.PostJsonAsync(CasePath(older) + "/performances", new { kind = "payment", amount = 300_000m, on = "2022-03-05", description = "余款" }));

        Assert.Equal(
            [("2021-12", 500_000m, 1), ("2022-01", 500_000m, 1), ("2022-02", 300_000m, 1), ("2022-03", 1_000_000m, 1), ("2022-04", 1_000_000m, 1)],
            await TotalsAsync());

        // A payment recorded late moves the month it was made in and every month after it.
        var newer = (await Ok(await (await api.As("judge")).GetAsync("/api/government-debts/docket"))).GetProperty("items").EnumerateArray().Single().GetProperty("id").GetString()!;
        await Ok(await clerk.PostJsonAsync(CasePath(newer) + "/performances", new { kind = "payment", amount = 100_000m, on = "2022-03-31", description = "首付" }));
        api.Clock.Advance(TimeSpan.FromDays(40)); // 2 June 2022: May and June had no movement

        Assert.Equal(
            [("2021-12", 500_000m, 1), ("2022-01", 500_000m, 1), ("2022-02", 300_000m, 1), ("2022-03", 900_000m, 1), ("2022-04", 900_000m, 1), ("2022-05", 900_000m, 1), ("2022-06", 900_000m, 1)],
            await TotalsAsync());
    }

    private async Task<(string Month, decimal Outstanding, int OpenCases)[]> TotalsAsync() =>
        [.. (await Ok(await (await api.As("supervisor")).GetAsync("/api/government-debts/totals"))).EnumerateArray()
            .Select(t => (t.GetProperty("month").GetString()!, t.GetProperty("outstanding").GetDecimal(), t.GetProperty("openCases").GetInt32()))];

    private static object OpenedOn(int serial, string openedOn, decimal amount) => new
    {
        caseNumber = $"(2021)渝0116执{serial}号",
        judgmentNumber = $"(2021)渝0116民初{serial}号",
        judgmentDate = "2021-10-10",
        judgmentEffectiveOn = "2021-11-10",
        creditorName = "重庆江津某某建设工程有限公司",
        debtorName = "重庆市江津区白沙镇人民政府",
        debtorCreditCode = Town,
        stateOwned = false,
        localGovernment = false,
        supervisingUnit = "重庆市江津区人民政府",
        amount,
        judgeId = "judge",
        openedOn,
    };

    private static Task<JsonElement> Ok(HttpResponseMessage response) => GovernmentDebtApi.Ok(response);
}
