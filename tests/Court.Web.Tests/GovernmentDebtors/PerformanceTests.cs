using System.Net;
using Court.Web.Tests.Bankruptcy.Support;
using Court.Web.Tests.GovernmentDebtors.Support;
using static Court.Web.Tests.GovernmentDebtors.Support.GovernmentDebtApi;

namespace Court.Web.Tests.GovernmentDebtors;

[Collection(GovernmentDebtCollection.Name)]
public sealed class PerformanceTests(GovernmentDebtApi api)
{
    [Fact]
    public async Task Payments_lower_the_outstanding_amount_derived_from_them_and_the_last_one_closes_the_case()
    {
        var id = await api.SupervisedAsync(17, amount: 300_000m);
        var clerk = await api.As("clerk");
        await Ok(await clerk.PostJsonAsync(CasePath(id) + "/performances", new { kind = "payment", amount = 100_000m, on = "2022-04-10", description = "第一期" }));
        var partly = await api.CaseAsync(id);
        Assert.Equal((200_000m, 100_000m, "Supervised"), (partly.GetProperty("outstanding").GetDecimal(), partly.GetProperty("performed").GetDecimal(), partly.GetProperty("state").GetString()));

        var over = await Problem(await clerk.PostJsonAsync(CasePath(id) + "/performances", new { amount = 250_000m }), HttpStatusCode.BadRequest);
        Assert.Equal("government-debt.overperformed", over.GetProperty("code").GetString());

        await Ok(await clerk.PostJsonAsync(CasePath(id) + "/performances", new { kind = "in-kind", amount = 200_000m, description = "以房抵债" }));
        var done = await api.CaseAsync(id);
        Assert.Equal((0m, "Performed", true), (done.GetProperty("outstanding").GetDecimal(), done.GetProperty("state").GetString(), done.GetProperty("final").GetBoolean()));
    }

    [Fact]
    public async Task The_supervision_office_may_not_record_a_performance()
    {
        var id = await api.SupervisedAsync(520);
        Assert.Equal(HttpStatusCode.Forbidden, (await (await api.As("supervisor")).PostJsonAsync(CasePath(id) + "/performances", new { amount = 1_000m })).StatusCode);
        Assert.Equal(0m, (await api.CaseAsync(id)).GetProperty("performed").GetDecimal());
    }

    [Fact]
    public async Task A_performance_on_an_unknown_case_is_not_found() =>
        Assert.Equal(HttpStatusCode.NotFound, (await (await api.As("clerk")).PostJsonAsync(CasePath(UnknownCase) + "/performances", new { amount = 1_000m })).StatusCode);

    [Fact]
    public async Task A_performance_without_an_amount_is_refused_on_amount_in_chinese_and_in_english() =>
        await AssertRefusedInBothLanguagesAsync(await api.As("clerk"), CasePath(await api.SupervisedAsync(521)) + "/performances", new { kind = "payment" }, "amount");

    [Fact]
    public async Task A_performance_on_a_stale_version_fails_the_precondition()
    {
        var id = await api.SupervisedAsync(522);
        var clerk = await api.As("clerk");
        var version = (await api.CaseAsync(id)).GetProperty("version").GetInt64();
        var stale = await Problem(await clerk.PostJsonAsync(CasePath(id) + "/performances", new { amount = 1_000m }, ifMatch: $"\"{version - 1}\""), HttpStatusCode.PreconditionFailed);
        Assert.Equal("urn:court:error:concurrency", stale.GetProperty("type").GetString());
        Assert.Equal(version, (await api.CaseAsync(id)).GetProperty("version").GetInt64());
    }
}
