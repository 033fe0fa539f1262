using System.Net;
using Court.Web.Tests.Bankruptcy.Support;
using Court.Web.Tests.Support;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Court.Web.Tests.Bankruptcy;

/// <summary>
/// Pages speak the definition's words (issue 9): a request's state is shown by its title in the pinned definition, in
/// the UI language, and its diagram labels each transition with its title, never the command name or the raw state.
/// </summary>
public sealed class StateTitlesTests(ApiWithApprovedRelease api) : IClassFixture<ApiWithApprovedRelease>
{
    [Theory]
    [InlineData("zh-CN", "限期解除（查封机关）", "批准解封申请", "逾期督促")]
    [InlineData("en", "Awaiting the seizing bodies", "Approve the release", "Escalate when overdue")]
    public async Task The_request_page_names_the_state_and_labels_the_diagram_by_the_definitions_titles(string culture, string state, string approve, string escalate)
    {
        using var browser = api.CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = true });
        await CookieSignIn.PostLoginAsync(browser, "judge");

        var page = WebUtility.HtmlDecode(await browser.GetStringAsync(new Uri($"/Bankruptcy/Request/{api.RequestId}?culture={culture}&ui-culture={culture}", UriKind.Relative)));

        var stage = page[page.IndexOf("data-testid=\"stage\"", StringComparison.Ordinal)..];
        Assert.StartsWith($"data-testid=\"stage\">{state}", stage, StringComparison.Ordinal);
        var diagram = page[page.IndexOf("stateDiagram-v2", StringComparison.Ordinal)..page.IndexOf("</pre>", page.IndexOf("stateDiagram-v2", StringComparison.Ordinal), StringComparison.Ordinal)];
        Assert.Contains($"Requested --> AwaitingSeizingBodies : {approve}", diagram, StringComparison.Ordinal);
        Assert.Contains($"AwaitingSeizingBodies --> AwaitingSuperiors : {escalate}", diagram, StringComparison.Ordinal);
        Assert.Contains($"AwaitingSeizingBodies : {state}", diagram, StringComparison.Ordinal);
        Assert.DoesNotContain(": ApproveRelease", diagram, StringComparison.Ordinal);
        Assert.DoesNotContain("release-open", diagram, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_judges_queue_and_the_case_page_show_state_titles_not_state_names()
    {
        await api.NewRequestAsync(api.CaseId); // one in the judge's queue
        using var browser = api.CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = true });
        await CookieSignIn.PostLoginAsync(browser, "judge");

        var queue = WebUtility.HtmlDecode(await browser.GetStringAsync(new Uri("/Bankruptcy/Requests", UriKind.Relative)));
        var casePage = WebUtility.HtmlDecode(await browser.GetStringAsync(new Uri($"/Bankruptcy/Case/{api.CaseId}", UriKind.Relative)));

        Assert.Contains("<td>待法官审批</td>", queue, StringComparison.Ordinal);
        Assert.DoesNotContain("<td>Requested</td>", queue, StringComparison.Ordinal);
        Assert.Contains("<td>限期解除（查封机关）</td>", casePage, StringComparison.Ordinal);
        Assert.Contains("<td>待法官审批</td>", casePage, StringComparison.Ordinal);
        Assert.DoesNotContain("<td>AwaitingSeizingBodies</td>", casePage, StringComparison.Ordinal);
    }
}
