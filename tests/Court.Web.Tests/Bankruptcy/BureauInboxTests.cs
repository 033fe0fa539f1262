using System.Net;
using Court.Application.Demo;
using Court.Web.Tests.Bankruptcy.Support;
using Court.Web.Tests.Support;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Court.Web.Tests.Bankruptcy;

/// <summary>
/// The holding agency's inbox (issue 12): a notice it must handle is one task, not two (the release waiting on that
/// notice is not a second task for the agency), and the task names the notice's number and its asset.
/// </summary>
public sealed class BureauInboxTests(ApiWithNoticeAtTheBureau api) : IClassFixture<ApiWithNoticeAtTheBureau>
{
    [Fact]
    public async Task The_bureau_has_one_task_for_a_notice_and_none_for_the_release_waiting_on_it()
    {
        var tasks = (await (await api.AsBureau()).GetJsonAsync("/api/tasks")).GetProperty("items").EnumerateArray().ToList();

        Assert.Single(tasks, t => t.GetProperty("streamId").GetString()!.EndsWith(api.NoticeId, StringComparison.Ordinal));
        Assert.DoesNotContain(tasks, t => t.GetProperty("streamId").GetString()!.Contains(api.RequestId, StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_notice_task_names_the_document_number_and_the_asset()
    {
        var notice = (await (await api.AsBureau()).GetJsonAsync($"/api/notices/{api.NoticeId}")).GetProperty("notice");
        var number = notice.GetProperty("documentNumber").GetString()!;
        var asset = notice.GetProperty("content").GetProperty("assetDescription").GetString()!;

        var task = (await (await api.AsBureau()).GetJsonAsync("/api/tasks")).GetProperty("items").EnumerateArray()
            .Single(t => t.GetProperty("streamId").GetString()!.EndsWith(api.NoticeId, StringComparison.Ordinal));

        Assert.Equal($"{number} {asset}", task.GetProperty("subject").GetString());
    }

    [Theory]
    [InlineData("zh-CN", "协助执行通知书办理：")]
    [InlineData("en", "Assisted-enforcement notice: ")]
    public async Task The_home_inbox_row_links_the_notice_by_its_number(string culture, string title)
    {
        var number = (await (await api.AsBureau()).GetJsonAsync($"/api/notices/{api.NoticeId}")).GetProperty("notice").GetProperty("documentNumber").GetString()!;
        using var browser = api.CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = true });
        await CookieSignIn.PostLoginAsync(browser, DemoUsers.NaturalResources.UserName);

        var page = WebUtility.HtmlDecode(await browser.GetStringAsync(new Uri($"/?culture={culture}&ui-culture={culture}", UriKind.Relative)));

        var rows = page.Split("<tr", StringSplitOptions.None).Where(r => r.Contains(number, StringComparison.Ordinal)).ToList();
        var row = Assert.Single(rows);
        Assert.Contains(title + number, row, StringComparison.Ordinal);
        Assert.Contains("<a href=\"", row, StringComparison.Ordinal);
    }
}
