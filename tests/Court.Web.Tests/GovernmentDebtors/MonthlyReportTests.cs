using System.Net;
using Court.Web.Tests.Bankruptcy.Support;
using Court.Web.Tests.GovernmentDebtors.Support;
using static Court.Web.Tests.GovernmentDebtors.Support.GovernmentDebtApi;

namespace Court.Web.Tests.GovernmentDebtors;

[Collection(GovernmentDebtCollection.Name)]
public sealed class MonthlyReportTests(GovernmentDebtApi api)
{
    [Fact]
    public async Task The_town_reports_on_its_own_case_a_zero_report_included_and_a_second_report_for_the_month_is_refused()
    {
        var id = await api.SupervisedAsync(14);
        var town = await api.As("town");
        await Ok(await town.PostJsonAsync(CasePath(id) + "/reports", new { month = "2022-04-01", amount = 0m, progress = "资金尚未到位，已报区财政" }));

        var report = (await api.CaseAsync(id, "town")).GetProperty("reports")[0];
        Assert.True(report.GetProperty("submitted").GetBoolean());
        var again = await Problem(await town.PostJsonAsync(CasePath(id) + "/reports", new { month = "2022-04-15", amount = 0m, progress = "重复" }), HttpStatusCode.Conflict);
        Assert.Equal("government-debt.report-exists", again.GetProperty("code").GetString());
    }

    [Fact]
    public async Task Only_the_debtor_unit_reports_and_a_progress_text_is_required()
    {
        var id = await api.SupervisedAsync(15);
        Assert.Equal(HttpStatusCode.Forbidden, (await (await api.As("judge")).PostJsonAsync(CasePath(id) + "/reports", new { month = "2022-04-01", progress = "x" })).StatusCode);
        var problem = await Problem(await (await api.As("town")).PostJsonAsync(CasePath(id) + "/reports", new { month = "2022-04-01" }), HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty("progress", out _));
    }

    [Fact]
    public async Task A_bad_amount_in_a_report_is_refused_on_amount_the_field_the_body_sends_and_nothing_is_recorded()
    {
        var id = await api.SupervisedAsync(510);
        var town = await api.As("town");
        var version = (await api.CaseAsync(id, "town")).GetProperty("version").GetInt64();

        var tooPrecise = await Problem(await town.PostJsonAsync(CasePath(id) + "/reports", new { month = "2022-04-01", amount = 10.001m, progress = "已付部分" }), HttpStatusCode.BadRequest);
        var tooLarge = await Problem(await town.PostJsonAsync(CasePath(id) + "/reports", new { month = "2022-04-01", amount = 2_000_000_000_000m, progress = "已付部分" }), HttpStatusCode.BadRequest);

        foreach (var problem in new[] { tooPrecise, tooLarge })
        {
            var errors = problem.GetProperty("errors");
            Assert.Equal(["amount"], errors.EnumerateObject().Select(e => e.Name));
            Assert.Contains("金额", errors.GetProperty("amount")[0].GetString(), StringComparison.Ordinal);
        }

        var after = await api.CaseAsync(id, "town");
        Assert.Equal(version, after.GetProperty("version").GetInt64());
        Assert.False(after.GetProperty("reports")[0].GetProperty("submitted").GetBoolean());
    }

    [Fact]
    public async Task A_report_on_an_unknown_case_is_not_found() =>
        Assert.Equal(HttpStatusCode.NotFound, (await (await api.As("town")).PostJsonAsync(CasePath(UnknownCase) + "/reports", new { month = "2022-04-01", progress = "x" })).StatusCode);

    [Fact]
    public async Task A_report_without_month_or_progress_is_refused_on_both_fields_in_chinese_and_in_english() =>
        await AssertRefusedInBothLanguagesAsync(await api.As("town"), CasePath(await api.SupervisedAsync(540)) + "/reports", new { amount = 0m }, "month", "progress");

    [Fact]
    public async Task A_report_on_a_stale_version_fails_the_precondition()
    {
        var id = await api.SupervisedAsync(541);
        var town = await api.As("town");
        var version = (await api.CaseAsync(id)).GetProperty("version").GetInt64();
        var stale = await Problem(await town.PostJsonAsync(CasePath(id) + "/reports", new { month = "2022-04-01", amount = 0m, progress = "资金尚未到位" }, ifMatch: $"\"{version - 1}\""), HttpStatusCode.PreconditionFailed);
        Assert.Equal("urn:court:error:concurrency", stale.GetProperty("type").GetString());
        Assert.Equal(version, (await api.CaseAsync(id)).GetProperty("version").GetInt64());
    }
}
