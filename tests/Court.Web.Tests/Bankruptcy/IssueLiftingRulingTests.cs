using System.Net;
using System.Text.Json;
using Court.Web.Tests.Bankruptcy.Support;

namespace Court.Web.Tests.Bankruptcy;

/// <summary>POST /api/release-requests/{id}/issue-ruling on an approved request.</summary>
public sealed class IssueLiftingRulingTests(ApiWithApprovedRelease api) : IClassFixture<ApiWithApprovedRelease>
{
    [Fact]
    public async Task The_ruling_sends_one_notice_for_every_seizure_to_the_bureau_and_notifies_the_seizing_bodies()
    {
        await (await (await api.AsJudge()).PostJsonAsync($"/api/release-requests/{api.RequestId}/issue-ruling", new { earlyReason = Steps.EarlyReason })).ReadJsonAsync(HttpStatusCode.OK);

        var details = await (await api.AsJudge()).GetJsonAsync($"/api/release-requests/{api.RequestId}");
        var noticeId = details.GetProperty("request").GetProperty("noticeId").GetString()!;
        var titles = details.GetProperty("documents").EnumerateArray().Select(d => d.GetProperty("title").GetString()).ToList();
        Assert.Contains("民事裁定书（解除查封）", titles);
        Assert.Contains("协助执行通知书", titles);
        Assert.Equal(2, titles.Count(t => t == "通知书（解除查封）"));
        Assert.Equal("AwaitingRegistry", (await api.AssetAsync(api.AssetId)).GetProperty("state").GetString());

        var notice = (await (await api.AsBureau()).GetJsonAsync($"/api/notices/{noticeId}")).GetProperty("notice");
        var content = notice.GetProperty("content");
        Assert.Equal(("(2022)渝0116破3号", "91500116MA5U5X7A8B", "500116001001GB00001F00010001"), (content.GetProperty("caseNumber").GetString(), content.GetProperty("debtorCreditCode").GetString(), content.GetProperty("asset").GetProperty("unitCode").GetString()));
        Assert.StartsWith("江津法解封裁字", content.GetProperty("rulingNumber").GetString(), StringComparison.Ordinal);
        Assert.Equal(("Delivered", "Delivered"), (notice.GetProperty("status").GetString(), notice.GetProperty("workflowState").GetString()));

        // Issuing again is satisfied: the same notice, no second one.
        await (await (await api.AsJudge()).PostJsonAsync($"/api/release-requests/{api.RequestId}/issue-ruling", new { })).ReadJsonAsync(HttpStatusCode.OK);
        Assert.Equal(noticeId, await api.NoticeIdOfAsync(api.RequestId));
        Assert.Single(await (await api.AsBureau()).GetItemsAsync("/api/notices"), n => n.GetProperty("sourceId").GetString() == api.RequestId);
    }

    [Fact]
    public async Task No_ruling_before_the_judge_approves()
    {
        var (requestId, _, _) = await api.NewRequestAsync(api.CaseId);

        var refused = await (await (await api.AsJudge()).PostJsonAsync($"/api/release-requests/{requestId}/issue-ruling", new { })).ReadJsonAsync(HttpStatusCode.Conflict);
        Assert.Equal(("workflow.trigger-not-permitted", "Requested"), (refused.GetProperty("code").GetString(), refused.GetProperty("state").GetString()));
        Assert.Contains("ApproveRelease", refused.GetProperty("permittedTriggers").EnumerateArray().Select(t => t.GetString()));
    }

    [Fact]
    public async Task The_clerk_may_not_rule()
    {
        var (requestId, _, _) = await api.NewRequestAsync(api.CaseId, "Approved");

        Assert.Equal(HttpStatusCode.Forbidden, (await (await api.AsClerk()).PostJsonAsync($"/api/release-requests/{requestId}/issue-ruling", new { })).StatusCode);
    }

    [Fact]
    public async Task A_ruling_while_the_seizing_bodies_deadline_runs_is_refused_without_the_judges_reason()
    {
        var (requestId, _, _) = await api.NewRequestAsync(api.CaseId, "Approved");

        var refused = await (await (await api.AsJudge()).PostJsonAsync($"/api/release-requests/{requestId}/issue-ruling", new { })).ReadJsonAsync((HttpStatusCode)422);

        Assert.Equal(("release.ruling-before-chain-exhausted", "earlyReason"), (refused.GetProperty("code").GetString(), refused.GetProperty("field").GetString()));
        Assert.Contains("理由", refused.GetProperty("title").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_early_ruling_recites_the_letters_on_record_and_the_judges_reason_not_an_unanswered_chain()
    {
        var (requestId, _, _) = await api.NewRequestAsync(api.CaseId, "Approved");

        await (await (await api.AsJudge()).PostJsonAsync($"/api/release-requests/{requestId}/issue-ruling", new { earlyReason = "拍卖在即，查封妨碍变价" })).ReadJsonAsync(HttpStatusCode.OK);

        var details = await (await api.AsJudge()).GetJsonAsync($"/api/release-requests/{requestId}");
        var number = details.GetProperty("documents").EnumerateArray().First(d => d.GetProperty("title").GetString() == "民事裁定书（解除查封）").GetProperty("number").GetString()!;
        var ruling = await (await api.AsJudge()).GetJsonAsync($"/api/documents/{Uri.EscapeDataString(number)}");
        var text = string.Join("\n", ruling.GetProperty("content").GetProperty("sections")[0].GetProperty("paragraphs").EnumerateArray().Select(p => p.GetString()));
        Assert.DoesNotContain("逾期未予解除", text, StringComparison.Ordinal);
        Assert.DoesNotContain("上级机关", text, StringComparison.Ordinal);
        Assert.Contains("截至本裁定作出之日该期限尚未届满", text, StringComparison.Ordinal);
        Assert.Contains("理由是：拍卖在即，查封妨碍变价", text, StringComparison.Ordinal);
        Assert.Matches(@"本院于\d{4}年\d{1,2}月\d{1,2}日函请.+于\d{4}年\d{1,2}月\d{1,2}日前解除", text);
    }

    [Fact]
    public async Task The_requests_documents_carry_id_and_number_and_each_addresses_the_same_document_and_pdf()
    {
        var (requestId, _, _) = await api.NewRequestAsync(api.CaseId, "Approved");
        await (await (await api.AsJudge()).PostJsonAsync($"/api/release-requests/{requestId}/issue-ruling", new { earlyReason = "拍卖在即，查封妨碍变价" })).ReadJsonAsync(HttpStatusCode.OK);

        var details = await (await api.AsJudge()).GetJsonAsync($"/api/release-requests/{requestId}");
        var ruling = details.GetProperty("documents").EnumerateArray().First(d => d.GetProperty("title").GetString() == "民事裁定书（解除查封）");
        var id = ruling.GetProperty("id").GetGuid();
        var number = ruling.GetProperty("number").GetString()!;

        var judge = await api.AsJudge();
        var byId = await judge.GetJsonAsync($"/api/documents/{id}");
        var byNumber = await judge.GetJsonAsync($"/api/documents/{Uri.EscapeDataString(number)}");
        Assert.Equal(number, byId.GetProperty("number").GetString());
        Assert.Equal(id, byNumber.GetProperty("id").GetGuid());
        var pdf = await judge.GetAsync($"/api/documents/{id}/document.pdf");
        Assert.Equal(HttpStatusCode.OK, pdf.StatusCode);
        Assert.Equal("application/pdf", pdf.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.NotFound, (await judge.GetAsync($"/api/documents/{Guid.NewGuid()}")).StatusCode);
    }

    [Fact]
    public async Task The_ruling_and_the_history_name_people_not_login_names()
    {
        var (requestId, _, _) = await api.NewRequestAsync(api.CaseId, "Approved");

        await (await (await api.AsJudge()).PostJsonAsync($"/api/release-requests/{requestId}/issue-ruling", new { earlyReason = "拍卖在即，查封妨碍变价" })).ReadJsonAsync(HttpStatusCode.OK);

        var details = await (await api.AsJudge()).GetJsonAsync($"/api/release-requests/{requestId}");
        var number = details.GetProperty("documents").EnumerateArray().First(d => d.GetProperty("title").GetString() == "民事裁定书（解除查封）").GetProperty("number").GetString()!;
        var content = (await (await api.AsJudge()).GetJsonAsync($"/api/documents/{Uri.EscapeDataString(number)}")).GetProperty("content");
        var text = string.Join("\n", content.GetProperty("sections")[0].GetProperty("paragraphs").EnumerateArray().Select(p => p.GetString()));
        Assert.Contains("审判员王建国决定", text, StringComparison.Ordinal);
        Assert.DoesNotContain("审判员judge", text, StringComparison.Ordinal);
        Assert.Equal("重庆市江津区人民法院破产审判庭　承办法官：王建国　书记员：李晓梅　联系电话：023-47520000", content.GetProperty("contact").GetString());

        var notice = (await (await api.AsBureau()).GetJsonAsync($"/api/notices/{details.GetProperty("request").GetProperty("noticeId").GetString()}")).GetProperty("notice");
        Assert.Contains("承办法官：王建国", notice.GetProperty("content").GetProperty("contact").GetString(), StringComparison.Ordinal);

        var timeline = (await (await api.AsJudge()).GetJsonAsync($"/api/bankruptcy-cases/{api.CaseId}/timeline")).GetProperty("entries").EnumerateArray().ToList();
        var ruled = timeline.Last(e => e.GetProperty("type").GetString() == "bankruptcy.lifting-ruling-issued.v1");
        Assert.Equal(("judge", "王建国"), (ruled.GetProperty("actor").GetString(), ruled.GetProperty("actorName").GetString()));
        Assert.Contains(timeline, e => e.GetProperty("actor").GetString() == "admin" && e.GetProperty("actorName").GetString() == "陈志强");
    }

    [Fact]
    public async Task Rulings_take_the_case_number_with_the_next_ordinal_and_end_with_the_panel()
    {
        var numbers = new List<string>();
        JsonElement last = default;
        foreach (var _ in new[] { 1, 2 })
        {
            var (requestId, _, _) = await api.NewRequestAsync(api.CaseId, "Approved");
            await (await (await api.AsJudge()).PostJsonAsync($"/api/release-requests/{requestId}/issue-ruling", new { earlyReason = "拍卖在即，查封妨碍变价" })).ReadJsonAsync(HttpStatusCode.OK);
            var details = await (await api.AsJudge()).GetJsonAsync($"/api/release-requests/{requestId}");
            var number = details.GetProperty("documents").EnumerateArray().First(d => d.GetProperty("title").GetString() == "民事裁定书（解除查封）").GetProperty("number").GetString()!;
            last = (await (await api.AsJudge()).GetJsonAsync($"/api/documents/{Uri.EscapeDataString(number)}")).GetProperty("content");
            numbers.Add(last.GetProperty("sections")[0].GetProperty("paragraphs")[0].GetString()!);
        }

        var caseNumber = last.GetProperty("caseNumber").GetString()!;
        var ordinals = numbers.Select(n => Enumerable.Range(1, 99).Single(k => n == Court.Domain.Bankruptcy.RulingNumbers.For(caseNumber, k))).ToList();
        Assert.Equal(ordinals[0] + 1, ordinals[1]);
        Assert.Equal("一", Court.Domain.Bankruptcy.RulingNumbers.Numeral(1));
        Assert.Equal("十二", Court.Domain.Bankruptcy.RulingNumbers.Numeral(12));

        var panel = last.GetProperty("sections").EnumerateArray().Last().GetProperty("paragraphs").EnumerateArray().Select(p => p.GetString()).ToList();
        Assert.Equal("审判长　王建国", panel[0]);
        Assert.Matches(@"^\d{4}年\d{1,2}月\d{1,2}日$", panel[1]);
        Assert.Equal("书记员　李晓梅", panel[2]);
    }
}
