using System.Globalization;
using System.Net;
using System.Text;
using Court.Application.Demo;
using Court.Web.Tests.Bankruptcy.Support;
using Court.Web.Tests.Support;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Court.Web.Tests.Bankruptcy;

/// <summary>
/// A deadline runs out at 24:00 of its last day (issue 12): every place a person reads it — the API's <c>dueOn</c>, the
/// CSV, the task API and the home inbox — shows that last day, not the next date; the API gives the instant beside it.
/// </summary>
public sealed class DueDateTests(ApiWithNoticeAtTheBureau api) : IClassFixture<ApiWithNoticeAtTheBureau>
{
    private async Task<(DateOnly AcknowledgeBy, DateOnly DueOn, DateTimeOffset DueAt)> NoticeDeadlineAsync()
    {
        var notice = (await (await api.AsBureau()).GetJsonAsync($"/api/notices/{api.NoticeId}")).GetProperty("notice");
        return (DateOnly.Parse(notice.GetProperty("acknowledgeBy").GetString()!, CultureInfo.InvariantCulture),
            DateOnly.Parse(notice.GetProperty("dueOn").GetString()!, CultureInfo.InvariantCulture),
            notice.GetProperty("dueAt").GetDateTimeOffset());
    }

    [Fact]
    public async Task A_notices_due_date_is_its_last_day_and_the_instant_is_midnight_after_it()
    {
        var (acknowledgeBy, dueOn, dueAt) = await NoticeDeadlineAsync();

        Assert.Equal(acknowledgeBy, dueOn);
        Assert.Equal(new DateTimeOffset(acknowledgeBy.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.FromHours(8)), dueAt);
    }

    [Fact]
    public async Task The_task_api_gives_the_last_day_beside_the_instant()
    {
        var (acknowledgeBy, _, _) = await NoticeDeadlineAsync();

        var tasks = (await (await api.AsBureau()).GetJsonAsync("/api/tasks")).GetProperty("items").EnumerateArray();
        var task = tasks.Single(t => t.GetProperty("streamId").GetString()!.EndsWith(api.NoticeId, StringComparison.Ordinal));

        Assert.Equal(acknowledgeBy.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), task.GetProperty("dueOn").GetString());
        Assert.Equal(acknowledgeBy.AddDays(1), DateOnly.FromDateTime(task.GetProperty("dueAt").GetDateTimeOffset().ToOffset(TimeSpan.FromHours(8)).DateTime));
    }

    [Fact]
    public async Task The_csv_export_has_the_last_day_in_its_due_on_column()
    {
        var (acknowledgeBy, _, _) = await NoticeDeadlineAsync();

        var bytes = await (await (await api.AsBureau()).GetAsync("/api/notices?format=csv")).Content.ReadAsByteArrayAsync();
        var lines = Encoding.UTF8.GetString(bytes[3..]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        var column = Array.IndexOf(lines[0].Split(','), "due_on");
        var row = lines.Single(l => l.StartsWith(api.NoticeId, StringComparison.Ordinal));

        Assert.True(column >= 0, lines[0]);
        Assert.Equal(acknowledgeBy.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), row.Split(',')[column]);
    }

    [Theory]
    [InlineData("zh-CN")]
    [InlineData("en")]
    public async Task The_home_inbox_shows_the_last_day_not_the_next_date(string culture)
    {
        var (acknowledgeBy, _, _) = await NoticeDeadlineAsync();
        using var browser = api.CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = true });
        await CookieSignIn.PostLoginAsync(browser, DemoUsers.NaturalResources.UserName);

        var page = WebUtility.HtmlDecode(await browser.GetStringAsync(new Uri($"/?culture={culture}&ui-culture={culture}", UriKind.Relative)));

        string Read(DateOnly day) => culture == "en"
            ? day.ToString("d MMMM yyyy", CultureInfo.GetCultureInfo("en"))
            : day.ToString("yyyy年M月d日", CultureInfo.InvariantCulture);
        Assert.Contains(Read(acknowledgeBy) + "</time>", page, StringComparison.Ordinal);
        Assert.DoesNotContain(Read(acknowledgeBy.AddDays(1)) + "</time>", page, StringComparison.Ordinal);
    }
}
