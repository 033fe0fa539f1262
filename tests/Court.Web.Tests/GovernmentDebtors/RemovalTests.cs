using System.Net;
using Court.Web.Tests.Bankruptcy.Support;
using Court.Web.Tests.GovernmentDebtors.Support;
using static Court.Web.Tests.GovernmentDebtors.Support.GovernmentDebtApi;

namespace Court.Web.Tests.GovernmentDebtors;

[Collection(GovernmentDebtCollection.Name)]
public sealed class RemovalTests(GovernmentDebtApi api)
{
    [Fact]
    public async Task Removal_for_performance_is_refused_while_anything_is_owed_and_issues_the_removal_decision_after()
    {
        var id = await api.ListedAsync(27, amount: 100_000m, publish: true);
        var judge = await api.As("judge");
        var early = await Problem(await judge.PostJsonAsync(CasePath(id) + "/listing/removal", new { reason = "performed" }), HttpStatusCode.Conflict);
        Assert.Equal("government-debt.not-performed", early.GetProperty("code").GetString());

        await Ok(await (await api.As("clerk")).PostJsonAsync(CasePath(id) + "/performances", new { amount = 100_000m }));
        Assert.Equal("RemovalDue", (await api.CaseAsync(id)).GetProperty("state").GetString());
        await Ok(await judge.PostJsonAsync(CasePath(id) + "/listing/removal", new { reason = "performed" }));

        var detail = await api.CaseAsync(id);
        Assert.Equal("Removed", detail.GetProperty("state").GetString());
        Assert.Contains(detail.GetProperty("documents").EnumerateArray(), d => d.GetProperty("purpose").GetString() == "RemovalDecision");
        var list = await Ok(await api.Anonymous().GetAsync("/api/public/government-debtors?q=" + Uri.EscapeDataString("(2022)渝0116执27号")));
        Assert.Empty(list.GetProperty("items").EnumerateArray());
    }

    [Fact]
    public async Task A_removal_reason_outside_the_list_names_the_field()
    {
        var id = await api.ListedAsync(28);
        var problem = await Problem(await (await api.As("judge")).PostJsonAsync(CasePath(id) + "/listing/removal", new { reason = "bored" }), HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty("reason", out _));
    }

    [Fact]
    public async Task The_clerk_may_not_remove_a_listing()
    {
        var id = await api.ListedAsync(645);
        Assert.Equal(HttpStatusCode.Forbidden, (await (await api.As("clerk")).PostJsonAsync(CasePath(id) + "/listing/removal", new { reason = "other" })).StatusCode);
        Assert.Equal("Listed", (await api.CaseAsync(id)).GetProperty("state").GetString());
    }

    [Fact]
    public async Task A_removal_on_an_unknown_case_is_not_found() =>
        Assert.Equal(HttpStatusCode.NotFound, (await (await api.As("judge")).PostJsonAsync(CasePath(UnknownCase) + "/listing/removal", new { reason = "other" })).StatusCode);

    [Fact]
    public async Task A_removal_without_a_reason_is_refused_on_reason_in_chinese_and_in_english() =>
        await AssertRefusedInBothLanguagesAsync(await api.As("judge"), CasePath(await api.ListedAsync(646)) + "/listing/removal", new { }, "reason");

    [Fact]
    public async Task A_removal_on_a_stale_version_fails_the_precondition()
    {
        var id = await api.ListedAsync(647);
        var judge = await api.As("judge");
        var version = (await api.CaseAsync(id)).GetProperty("version").GetInt64();
        var stale = await Problem(await judge.PostJsonAsync(CasePath(id) + "/listing/removal", new { reason = "other" }, ifMatch: $"\"{version - 1}\""), HttpStatusCode.PreconditionFailed);
        Assert.Equal("urn:court:error:concurrency", stale.GetProperty("type").GetString());
        Assert.Equal(version, (await api.CaseAsync(id)).GetProperty("version").GetInt64());
    }
}
