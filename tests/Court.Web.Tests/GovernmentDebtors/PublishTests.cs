using System.Net;
using Court.Web.Tests.Bankruptcy.Support;
using Court.Web.Tests.GovernmentDebtors.Support;
using static Court.Web.Tests.GovernmentDebtors.Support.GovernmentDebtApi;

namespace Court.Web.Tests.GovernmentDebtors;

[Collection(GovernmentDebtCollection.Name)]
public sealed class PublishTests(GovernmentDebtApi api)
{
    [Fact]
    public async Task A_published_listing_appears_on_the_anonymous_public_list_with_its_decision_number()
    {
        var id = await api.ListedAsync(26, amount: 880_000m, publish: true);
        Assert.Equal("(2022)渝0116执26号", (await api.CaseAsync(id)).GetProperty("caseNumber").GetString());

        var list = await Ok(await api.Anonymous().GetAsync("/api/public/government-debtors?q=" + Uri.EscapeDataString("(2022)渝0116执26号")));
        var entry = Assert.Single(list.GetProperty("items").EnumerateArray());
        Assert.Equal((Town, 880_000m, 0m), (entry.GetProperty("creditCode").GetString(), entry.GetProperty("unperformed").GetDecimal(), entry.GetProperty("performed").GetDecimal()));
        Assert.Contains("失信决", entry.GetProperty("decisionNumber").GetString());
    }

    [Fact]
    public async Task The_public_list_prints_the_case_number_with_full_width_brackets_and_the_courts_name()
    {
        await api.ListedAsync(36, publish: true);

        var list = await Ok(await api.Anonymous().GetAsync("/api/public/government-debtors?q=" + Uri.EscapeDataString("（2022）渝0116执36号")));
        var entry = Assert.Single(list.GetProperty("items").EnumerateArray());
        Assert.Equal(
            ("（2022）渝0116执36号", "（2021）渝0116民初36号", "重庆市江津区人民法院"),
            (entry.GetProperty("caseNumber").GetString(), entry.GetProperty("judgmentNumber").GetString(), entry.GetProperty("court").GetString()));
    }

    [Fact]
    public async Task Each_public_entry_carries_the_code_that_verifies_its_listing_decision()
    {
        await api.ListedAsync(37, publish: true);

        var list = await Ok(await api.Anonymous().GetAsync("/api/public/government-debtors?q=" + Uri.EscapeDataString("(2022)渝0116执37号")));
        var entry = Assert.Single(list.GetProperty("items").EnumerateArray());
        var number = entry.GetProperty("decisionNumber").GetString()!;
        var code = entry.GetProperty("decisionCode").GetString();
        Assert.False(string.IsNullOrEmpty(code));
        var verified = await Ok(await api.Anonymous().GetAsync($"/api/verify?number={Uri.EscapeDataString(number)}&code={Uri.EscapeDataString(code!)}"));
        Assert.True(verified.GetProperty("genuine").GetBoolean());
    }

    [Fact]
    public async Task The_clerk_may_not_publish_a_listing()
    {
        var id = await api.ListedAsync(640);
        Assert.Equal(HttpStatusCode.Forbidden, (await (await api.As("clerk")).PostJsonAsync(CasePath(id) + "/listing/publication", new { })).StatusCode);
        Assert.Equal("Listed", (await api.CaseAsync(id)).GetProperty("state").GetString());
    }

    [Fact]
    public async Task A_publication_on_an_unknown_case_is_not_found() =>
        Assert.Equal(HttpStatusCode.NotFound, (await (await api.As("judge")).PostJsonAsync(CasePath(UnknownCase) + "/listing/publication", new { })).StatusCode);

    [Fact]
    public async Task A_publication_with_an_impossible_date_is_refused_on_on_in_chinese_and_in_english() =>
        await AssertRefusedInBothLanguagesAsync(await api.As("judge"), CasePath(await api.ListedAsync(641)) + "/listing/publication", new { on = "2022-02-30" }, "on");

    [Fact]
    public async Task A_publication_on_a_stale_version_fails_the_precondition()
    {
        var id = await api.ListedAsync(642);
        var judge = await api.As("judge");
        var version = (await api.CaseAsync(id)).GetProperty("version").GetInt64();
        var stale = await Problem(await judge.PostJsonAsync(CasePath(id) + "/listing/publication", new { }, ifMatch: $"\"{version - 1}\""), HttpStatusCode.PreconditionFailed);
        Assert.Equal("urn:court:error:concurrency", stale.GetProperty("type").GetString());
        Assert.Equal(version, (await api.CaseAsync(id)).GetProperty("version").GetInt64());
    }
}
