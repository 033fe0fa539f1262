using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Court.Application.Common;
using Court.Application.Demo;
using Court.Web.Tests.Bankruptcy.Support;
using Court.Web.Tests.GovernmentDebtors.Support;
using Court.Web.Tests.SmallClaims;
using Court.Web.Tests.Support;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Court.Web.Tests.Bankruptcy;

/// <summary>The demo court plus a judge and an administrator bound to the Fifth Intermediate Court (渝05).</summary>
public sealed class CourtWithStaffOfAnotherCourt : BankruptcyApi
{
    public const string IntermediateJudge = "judge-05";
    public const string IntermediateAdministrator = "admin-05";

    protected override Task GivenAsync() =>
        AddUsersAsync("渝05", (IntermediateJudge, Roles.Judge, "周明（五中院）"), (IntermediateAdministrator, Roles.Administrator, "钱进（五中院名册）"));
}

/// <summary>
/// A judge, clerk or administrator a command names is a person its documents will print (decision 0093): an id that is
/// no user, a user without that role, or a judge of another court is a 400 naming the field in the caller's language,
/// and nothing is recorded.
/// </summary>
public sealed class NamingStaffOnCasesTests(CourtWithStaffOfAnotherCourt api) : IClassFixture<CourtWithStaffOfAnotherCourt>
{
    private static object Opening(string caseNumber, string administrator) =>
        With(Samples.OpenCase(caseNumber), "administratorUserId", administrator);

    [Theory]
    [InlineData(701, "nobody", "staff.unknown-user", "没有账号为“nobody”的用户")]
    [InlineData(702, "nrb", "staff.not-in-role", "刘芳不是破产管理人")]
    [InlineData(703, "judge", "staff.not-in-role", "王建国不是破产管理人")]
    [InlineData(704, CourtWithStaffOfAnotherCourt.IntermediateAdministrator, "staff.other-court", "钱进（五中院名册）不是重庆市江津区人民法院的破产管理人")]
    public async Task A_case_cannot_be_registered_with_an_administrator_who_is_not_one_of_the_courts_and_nothing_is_recorded(int serial, string administrator, string code, string zh)
    {
        var clerk = await api.AsClerk();
        var caseNumber = $"(2022)渝0116破{serial}号";

        var response = await clerk.PostJsonAsync("/api/bankruptcy-cases", Opening(caseNumber, administrator));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.ReadJsonAsync();
        Assert.Equal(code, problem.GetProperty("code").GetString());
        Assert.Equal("administratorUserId", problem.GetProperty("field").GetString());
        Assert.Contains(zh, problem.GetProperty("errors").GetProperty("administratorUserId")[0].GetString(), StringComparison.Ordinal);

        // Nothing was recorded: the same case with the appointed administrator is created now, not found as a repeat.
        var valid = await clerk.PostJsonAsync("/api/bankruptcy-cases", Opening(caseNumber, DemoUsers.Administrator.UserName));
        Assert.Equal(HttpStatusCode.Created, valid.StatusCode);
    }

    [Fact]
    public async Task The_refusal_is_in_english_when_asked_in_english()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/bankruptcy-cases") { Content = JsonContent.Create(Opening("(2022)渝0116破801号", "nrb"), options: BankruptcyApi.Json) };
        request.Headers.AcceptLanguage.ParseAdd("en");

        var response = await (await api.AsClerk()).SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var message = (await response.ReadJsonAsync()).GetProperty("errors").GetProperty("administratorUserId")[0].GetString();
        Assert.Equal("'administratorUserId': 刘芳 is not a bankruptcy administrator.", message);
    }

    [Fact]
    public async Task An_administrator_bound_to_no_court_may_be_appointed_by_the_court()
    {
        var response = await (await api.AsClerk()).PostJsonAsync("/api/bankruptcy-cases", Opening("(2022)渝0116破802号", BankruptcyApi.OtherAdministrator));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }

    [Theory]
    [InlineData(6101, "nobody", "staff.unknown-user")]
    [InlineData(6102, "clerk", "staff.not-in-role")]
    [InlineData(6103, CourtWithStaffOfAnotherCourt.IntermediateJudge, "staff.other-court")]
    [InlineData(6104, BankruptcyApi.SecondJudge, "staff.other-court")]
    public async Task An_enforcement_case_against_a_government_debtor_names_a_judge_of_its_court_or_is_not_opened(int serial, string judge, string code)
    {
        var clerk = await api.AsClerk();

        var response = await clerk.PostJsonAsync("/api/government-debts/cases", With(GovernmentDebtApi.Opening(serial), "judgeId", judge));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.ReadJsonAsync();
        Assert.Equal(code, problem.GetProperty("code").GetString());
        Assert.True(problem.GetProperty("errors").TryGetProperty("judgeId", out _), problem.ToString());
        var valid = await (await clerk.PostJsonAsync("/api/government-debts/cases", GovernmentDebtApi.Opening(serial))).ReadJsonAsync();
        Assert.True(valid.GetProperty("created").GetBoolean(), valid.ToString());
    }

    [Fact]
    public async Task A_small_claims_case_names_a_judge_of_the_court_or_is_not_filed()
    {
        var clerk = await api.AsClerk();

        var response = await clerk.PostJsonAsync("/api/small-claims/cases", With(SmallClaimsSamples.Case(6201), "judgeId", CourtWithStaffOfAnotherCourt.IntermediateJudge));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.ReadJsonAsync();
        Assert.Equal("staff.other-court", problem.GetProperty("code").GetString());
        Assert.Contains("周明（五中院）不是重庆市江津区人民法院的法官", problem.GetProperty("errors").GetProperty("judgeId")[0].GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await clerk.GetAsync(new Uri("/api/small-claims/cases/" + Court.Application.SmallClaims.SmallClaimsCases.IdFor("(2022)渝0116民初6201号"), UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task The_registration_form_proposes_no_administrator_and_offers_them_by_name()
    {
        using var browser = api.CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = true });
        await CookieSignIn.PostLoginAsync(browser, DemoUsers.Clerk.UserName);

        var page = WebUtility.HtmlDecode(await browser.GetStringAsync(new Uri("/Bankruptcy", UriKind.Relative)));

        var select = page[page.IndexOf("<select", page.IndexOf("管理人负责人", StringComparison.Ordinal), StringComparison.Ordinal)..];
        select = select[..select.IndexOf("</select>", StringComparison.Ordinal)];
        Assert.Contains("<option value=\"admin\">陈志强</option>", select, StringComparison.Ordinal);
        Assert.DoesNotContain("selected", select, StringComparison.Ordinal);
        Assert.DoesNotContain("value=\"admin\" selected", page, StringComparison.Ordinal);
    }

    private static JsonElement With(object body, string name, string value)
    {
        var node = JsonSerializer.SerializeToNode(body, BankruptcyApi.Json)!.AsObject();
        node[name] = value;
        return JsonSerializer.SerializeToElement(node);
    }
}
