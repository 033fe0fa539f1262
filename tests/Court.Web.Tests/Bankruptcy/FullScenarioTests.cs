using System.Net;
using Court.Web.Tests.Bankruptcy.Support;

namespace Court.Web.Tests.Bankruptcy;

/// <summary>
/// The product's main path across users: the administrator files, the judge approves, the seizing bodies and their
/// superiors let their deadlines pass (fake time), the judge rules, the natural-resources bureau executes, the asset is
/// free; then auction, sale, confirmation ruling, transfer notice, transfer registered.
/// </summary>
public sealed class FullScenarioTests(ApiWithSeizedBuilding api) : IClassFixture<ApiWithSeizedBuilding>
{
    [Fact]
    public async Task A_seized_building_is_released_through_the_whole_chain_then_sold_and_transferred()
    {
        var judge = await api.AsJudge();

        // The administrator files; the judge finds it in his queue.
        var requestId = await api.RequestReleaseAsync(api.CaseId, api.AssetId, api.FirstSeizure, api.QueuedSeizure);
        var queue = await judge.GetItemsAsync("/api/release-requests");
        Assert.Contains(queue, r => r.GetProperty("id").GetString() == requestId);
        Assert.Equal("Requested", (await api.AssetAsync(api.AssetId)).GetProperty("state").GetString());

        // The judge approves: a letter with a deadline to each seizing body.
        await api.ApproveAsync(requestId);
        var approved = await api.ReleaseRequestAsync(requestId);
        Assert.Equal("AwaitingSeizingBodies", approved.GetProperty("stage").GetString());
        var details = await judge.GetJsonAsync($"/api/release-requests/{requestId}");
        Assert.Equal(2, details.GetProperty("documents").EnumerateArray().Count(d => d.GetProperty("title").GetString() == "商请解除查封函"));

        // Nobody lifts: past the deadline the timer writes to the superiors, then the ruling falls due.
        await api.PassAsync(approved.GetProperty("dueAt").GetDateTimeOffset());
        var escalated = await api.ReleaseRequestAsync(requestId);
        Assert.Equal("AwaitingSuperiors", escalated.GetProperty("stage").GetString());
        await api.PassAsync(escalated.GetProperty("dueAt").GetDateTimeOffset());
        Assert.Equal("RulingDue", (await api.ReleaseRequestAsync(requestId)).GetProperty("stage").GetString());
        var agenda = await (await api.AsJudge()).GetJsonAsync("/api/joint-meeting/agenda");
        Assert.Contains(agenda.GetProperty("items").EnumerateArray(), i => i.GetProperty("sourceId").GetString() == requestId && i.GetProperty("reason").GetString() == "SeizingBodyIgnoredLetters");

        // The judge rules; the notice reaches the bureau's inbox.
        await api.IssueRulingAsync(requestId);
        var noticeId = await api.NoticeIdOfAsync(requestId);
        var bureau = await api.AsBureau();
        var inbox = await bureau.GetItemsAsync("/api/notices");
        var notice = Assert.Single(inbox, n => n.GetProperty("id").GetString() == noticeId);
        Assert.Equal("CancelSeizureRegistration", notice.GetProperty("content").GetProperty("action").GetString());
        Assert.Equal(2, notice.GetProperty("content").GetProperty("seizures").GetArrayLength());
        var document = (await bureau.GetJsonAsync($"/api/notices/{noticeId}")).GetProperty("document");
        Assert.StartsWith("江津法协执字", document.GetProperty("number").GetString(), StringComparison.Ordinal);

        // The bureau acknowledges and executes: the request is released and the asset free.
        await (await bureau.PostJsonAsync($"/api/notices/{noticeId}/acknowledge", new { })).ReadJsonAsync(HttpStatusCode.OK);
        var today = DateOnly.FromDateTime(api.Clock.GetUtcNow().ToOffset(TimeSpan.FromHours(8)).DateTime);
        await (await bureau.PostJsonAsync($"/api/notices/{noticeId}/execute", new { registrationReference = "渝(2022)江津区不动产注销查封第0000088号", executedOn = today.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) })).ReadJsonAsync(HttpStatusCode.OK);
        Assert.Equal("Released", (await api.ReleaseRequestAsync(requestId)).GetProperty("stage").GetString());
        var free = await api.AssetAsync(api.AssetId);
        Assert.Equal("Free", free.GetProperty("state").GetString());
        Assert.All(free.GetProperty("seizures").EnumerateArray(), s => Assert.Equal("Lifted", s.GetProperty("status").GetString()));
        Assert.Equal("Executed", (await bureau.GetJsonAsync($"/api/notices/{noticeId}")).GetProperty("document").GetProperty("status").GetString());
        var agendaAfter = await (await api.AsJudge()).GetJsonAsync("/api/joint-meeting/agenda");
        Assert.DoesNotContain(agendaAfter.GetProperty("items").EnumerateArray(), i => i.GetProperty("sourceId").GetString() == requestId);
        Assert.Equal(1, agendaAfter.GetProperty("figures").GetProperty("releasesCompleted").GetInt32());

        // Auction, sale, confirmation ruling, transfer notice, transfer registered.
        var auctionDay = today.AddDays(10).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var admin = await api.AsAdministrator();
        await (await admin.PostJsonAsync($"/api/assets/{api.AssetId}/schedule-disposal", new { method = "Auction", platform = "人民法院诉讼资产网", scheduledOn = auctionDay, reservePriceFen = 100_000_000_00L })).ReadJsonAsync(HttpStatusCode.OK);
        await api.PassDaysAsync(10);
        admin = await api.AsAdministrator();
        await (await admin.PostJsonAsync($"/api/assets/{api.AssetId}/record-sale", new { buyerName = "重庆某某置业有限公司", buyerIdNumber = "91500116MA6000000Q", priceFen = 115_000_000_00L, soldOn = auctionDay })).ReadJsonAsync(HttpStatusCode.OK);
        Assert.Equal("Sold", (await api.AssetAsync(api.AssetId)).GetProperty("state").GetString());
        await (await (await api.AsJudge()).PostJsonAsync($"/api/assets/{api.AssetId}/confirm-sale", new { })).ReadJsonAsync(HttpStatusCode.OK);
        var sold = await api.AssetAsync(api.AssetId);
        Assert.Equal("Confirmed", sold.GetProperty("state").GetString());
        var transferNoticeId = sold.GetProperty("disposal").GetProperty("noticeId").GetString()!;

        bureau = await api.AsBureau();
        var transfer = await bureau.GetJsonAsync($"/api/notices/{transferNoticeId}");
        Assert.Equal("TransferToBuyer", transfer.GetProperty("notice").GetProperty("content").GetProperty("action").GetString());
        Assert.Equal("重庆某某置业有限公司", transfer.GetProperty("notice").GetProperty("content").GetProperty("buyerName").GetString());
        await (await bureau.PostJsonAsync($"/api/notices/{transferNoticeId}/execute", new { registrationReference = "渝(2022)江津区不动产权第0009999号", executedOn = auctionDay })).ReadJsonAsync(HttpStatusCode.OK);

        var transferred = await api.AssetAsync(api.AssetId);
        Assert.Equal("Transferred", transferred.GetProperty("state").GetString());
        Assert.Equal("渝(2022)江津区不动产权第0009999号", transferred.GetProperty("disposal").GetProperty("transferReference").GetString());

        // The case's timeline tells it all, with actors.
        var timeline = (await (await api.AsJudge()).GetJsonAsync($"/api/bankruptcy-cases/{api.CaseId}/timeline")).GetProperty("entries").EnumerateArray().ToList();
        Assert.Contains(timeline, e => e.GetProperty("type").GetString() == "bankruptcy.release-approved.v1" && e.GetProperty("actor").GetString() == "judge");
        Assert.Contains(timeline, e => e.GetProperty("type").GetString() == "bankruptcy.notice-executed.v1" && e.GetProperty("actor").GetString() == "nrb");
        Assert.Contains(timeline, e => e.GetProperty("type").GetString() == "bankruptcy.release-escalated-to-superiors.v1" && e.GetProperty("actor").GetString() == "timer");
        Assert.Contains(timeline, e => e.GetProperty("type").GetString() == "bankruptcy.transfer-registered.v1");
    }
}
