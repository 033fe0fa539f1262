using System.Net;
using Court.Web.Tests.Bankruptcy.Support;
using Court.Web.Tests.Fees.Support;

namespace Court.Web.Tests.SmallClaims;

/// <summary>The small-claims workflow over HTTP: service, hearing, conversion, lowering the claim, the limit and its extension, the docket.</summary>
[Collection(SmallClaimsCollection.Name)]
public sealed class CaseProceedingTests(CourtWithConfirmedThreshold api)
{
    private static string CasePath(string id) => $"/api/small-claims/cases/{id}";

    [Fact]
    public async Task The_case_goes_filed_served_hearing_decided()
    {
        var clerk = await api.As("clerk");
        var judge = await api.As("judge");
        var id = await SmallClaimsSamples.FileAsync(clerk, 201);

        Assert.Equal(HttpStatusCode.OK, (await clerk.PostJsonAsync(CasePath(id) + "/service", new { method = "electronic" })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await judge.PostJsonAsync(CasePath(id) + "/hearing", new { })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await judge.PostJsonAsync(CasePath(id) + "/decision", new { closing = "none" })).StatusCode);

        Assert.Equal("decided", (await (await judge.GetAsync(CasePath(id))).ReadJsonAsync()).GetProperty("status").GetString());
    }

    [Fact]
    public async Task The_case_answers_the_etag_its_last_command_returned_so_the_next_conditional_write_succeeds()
    {
        var clerk = await api.As("clerk");
        var filed = await clerk.PostJsonAsync("/api/small-claims/cases", SmallClaimsSamples.Case(214));
        var id = (await filed.ReadJsonAsync()).GetProperty("id").GetString()!;
        Assert.Equal(filed.Headers.ETag!.Tag, (await clerk.GetAsync(CasePath(id))).Headers.ETag!.Tag);

        var served = await clerk.PostJsonAsync(CasePath(id) + "/service", new { method = "postal" }, ifMatch: filed.Headers.ETag!.Tag);
        Assert.Equal(HttpStatusCode.OK, served.StatusCode);
        var read = await clerk.GetAsync(CasePath(id));
        Assert.Equal(served.Headers.ETag!.Tag, read.Headers.ETag!.Tag);

        var judge = await api.As("judge");
        var hearing = await judge.PostJsonAsync(CasePath(id) + "/hearing", new { }, ifMatch: read.Headers.ETag!.Tag);
        Assert.Equal(HttpStatusCode.OK, hearing.StatusCode);

        var paid = await clerk.PostJsonAsync(CasePath(id) + $"/fee-notices/{id}-F1/payment", new { paidOn = "2022-04-23", receiptNumber = "渝财0001" }, ifMatch: hearing.Headers.ETag!.Tag);
        Assert.Equal(HttpStatusCode.OK, paid.StatusCode);
        Assert.Equal(paid.Headers.ETag!.Tag, (await clerk.GetAsync(CasePath(id))).Headers.ETag!.Tag);
        var lowered = await judge.PostJsonAsync(CasePath(id) + "/claim-reduction", new { newClaim = 20_000m }, ifMatch: paid.Headers.ETag!.Tag);
        Assert.Equal(HttpStatusCode.OK, lowered.StatusCode);
        Assert.Equal(lowered.Headers.ETag!.Tag, (await clerk.GetAsync(CasePath(id))).Headers.ETag!.Tag);
    }

    [Fact]
    public async Task A_payment_needs_a_receipt_number_and_keeps_its_date_and_receipt()
    {
        var clerk = await api.As("clerk");
        var id = await SmallClaimsSamples.FileAsync(clerk, 215);
        var path = $"{CasePath(id)}/fee-notices/{id}-F1/payment";

        var refused = await clerk.PostJsonAsync(path, new { paidOn = "2022-04-23" });
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.True((await refused.ReadJsonAsync()).GetProperty("errors").TryGetProperty("receiptNumber", out _));
        Assert.False((await (await clerk.GetAsync(CasePath(id))).ReadJsonAsync()).GetProperty("notices")[0].GetProperty("paid").GetBoolean());

        Assert.Equal(HttpStatusCode.OK, (await clerk.PostJsonAsync(path, new { paidOn = "2022-04-23", receiptNumber = "渝财0003" })).StatusCode);
        var notice = (await (await clerk.GetAsync(CasePath(id))).ReadJsonAsync()).GetProperty("notices")[0];
        Assert.Equal((true, "2022-04-23", "渝财0003"), (notice.GetProperty("paid").GetBoolean(), notice.GetProperty("paidOn").GetString(), notice.GetProperty("receiptNumber").GetString()));
    }

    [Fact]
    public async Task A_served_case_is_a_task_for_its_judge_labelled_with_the_case_number()
    {
        var clerk = await api.As("clerk");
        var id = await SmallClaimsSamples.FileAsync(clerk, 212);
        await clerk.PostJsonAsync(CasePath(id) + "/service", new { method = "postal" });

        var tasks = (await (await (await api.As("judge")).GetAsync("/api/tasks")).ReadJsonAsync()).GetProperty("items").EnumerateArray();

        Assert.Contains(tasks, t => t.GetProperty("label").GetString() == "(2022)渝0116民初212号" && t.GetProperty("state").GetString() == "Served");
    }

    [Fact]
    public async Task A_hearing_before_service_is_409_naming_what_is_permitted()
    {
        var id = await SmallClaimsSamples.FileAsync(await api.As("clerk"), 202);

        var response = await (await api.As("judge")).PostJsonAsync(CasePath(id) + "/hearing", new { });

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Contains("Filed", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_converted_case_refuses_an_extension_naming_its_state_and_that_nothing_is_permitted()
    {
        var id = await SmallClaimsSamples.FileAsync(await api.As("clerk"), 213);
        await (await api.As("judge")).PostJsonAsync(CasePath(id) + "/conversion", new { to = "ordinary", reason = "需要鉴定" });

        var response = await (await api.As("president")).PostJsonAsync(CasePath(id) + "/limit-extension", new { reason = "证据交换需时" });

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        var problem = await response.ReadJsonAsync();
        Assert.Equal(("Converted", 0), (problem.GetProperty("state").GetString(), problem.GetProperty("permittedTriggers").GetArrayLength()));
    }

    [Fact]
    public async Task Public_notice_service_is_refused()
    {
        var id = await SmallClaimsSamples.FileAsync(await api.As("clerk"), 203);

        var response = await (await api.As("clerk")).PostJsonAsync(CasePath(id) + "/service", new { method = "public-notice" });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Equal("small-claims.public-notice-refused", (await response.ReadJsonAsync()).GetProperty("code").GetString());
    }

    [Fact]
    public async Task Converting_to_ordinary_procedure_issues_a_notice_for_the_other_half()
    {
        var id = await SmallClaimsSamples.FileAsync(await api.As("clerk"), 204);

        var response = await (await api.As("judge")).PostJsonAsync(CasePath(id) + "/conversion", new { to = "ordinary", reason = "需要鉴定" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var detail = await (await (await api.As("clerk")).GetAsync(CasePath(id))).ReadJsonAsync();
        Assert.Equal(("converted", "ordinary", 800m), (detail.GetProperty("status").GetString(), detail.GetProperty("procedure").GetString(), detail.GetProperty("fee").GetDecimal()));
        var conversion = detail.GetProperty("notices").EnumerateArray().Single(n => n.GetProperty("reason").GetString() == "conversion");
        Assert.Equal(400m, conversion.GetProperty("amount").GetDecimal());
    }

    [Fact]
    public async Task Lowering_a_paid_claim_puts_the_difference_on_the_refunds_due_until_it_is_paid_out()
    {
        var clerk = await api.As("clerk");
        var id = await SmallClaimsSamples.FileAsync(clerk, 205);
        var detail = await (await clerk.GetAsync(CasePath(id))).ReadJsonAsync();
        var noticeId = detail.GetProperty("notices")[0].GetProperty("noticeId").GetString();
        await clerk.PostJsonAsync($"{CasePath(id)}/fee-notices/{noticeId}/payment", new { receiptNumber = "渝财0002" });

        await clerk.PostJsonAsync(CasePath(id) + "/claim-reduction", new { newClaim = 30_000m });

        var refund = (await clerk.GetItemsAsync("/api/fees/refunds")).Single(r => r.GetProperty("caseId").GetString() == id);
        Assert.Equal((125m, "claim-lowered"), (refund.GetProperty("amount").GetDecimal(), refund.GetProperty("reason").GetString()));
        Assert.DoesNotContain(await clerk.GetItemsAsync("/api/fees/notices"), n => n.GetProperty("caseId").GetString() == id);

        await clerk.PostJsonAsync($"{CasePath(id)}/refunds/{refund.GetProperty("refundId").GetString()}/payment", new { });
        Assert.DoesNotContain(await clerk.GetItemsAsync("/api/fees/refunds"), r => r.GetProperty("caseId").GetString() == id);
    }

    [Fact]
    public async Task The_limit_and_its_one_extension_skip_the_may_day_and_dragon_boat_holidays()
    {
        // Filed 3 March 2022: two months end on 3 May (Labour Day holiday) → 5 May; three months on 3 June (Dragon Boat) → 6 June.
        var clerk = await api.As("clerk");
        var id = await SmallClaimsSamples.FileAsync(clerk, 206, filedOn: "2022-03-03");
        Assert.Equal("2022-05-05", (await (await clerk.GetAsync(CasePath(id))).ReadJsonAsync()).GetProperty("limitOn").GetString());

        var president = await api.As("president");
        var extended = await president.PostJsonAsync(CasePath(id) + "/limit-extension", new { reason = "案情需补充证据" });
        Assert.Equal(HttpStatusCode.OK, extended.StatusCode);
        Assert.Equal("2022-06-06", (await (await clerk.GetAsync(CasePath(id))).ReadJsonAsync()).GetProperty("limitOn").GetString());

        var again = await president.PostJsonAsync(CasePath(id) + "/limit-extension", new { reason = "再次延长" });
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Equal("small-claims.already-extended", (await again.ReadJsonAsync()).GetProperty("code").GetString());
    }

    [Fact]
    public async Task Only_the_court_president_extends_the_limit()
    {
        var id = await SmallClaimsSamples.FileAsync(await api.As("clerk"), 207);

        Assert.Equal(HttpStatusCode.Forbidden, (await (await api.As("judge")).PostJsonAsync(CasePath(id) + "/limit-extension", new { reason = "r" })).StatusCode);
    }

    [Fact]
    public async Task The_docket_shows_days_left_and_warns_near_the_limit()
    {
        var clerk = await api.As("clerk");
        var near = await SmallClaimsSamples.FileAsync(clerk, 208, filedOn: "2022-02-25");
        var far = await SmallClaimsSamples.FileAsync(clerk, 209);

        var docket = (await (await (await api.As("judge")).GetAsync("/api/small-claims/docket?limit=200")).ReadJsonAsync()).GetProperty("items").EnumerateArray().ToList();

        var nearEntry = docket.Single(e => e.GetProperty("id").GetString() == near);
        var farEntry = docket.Single(e => e.GetProperty("id").GetString() == far);
        Assert.Equal(("2022-04-25", 2, true), (nearEntry.GetProperty("limitOn").GetString(), nearEntry.GetProperty("daysLeft").GetInt32(), nearEntry.GetProperty("warning").GetBoolean()));
        Assert.Equal((61, false), (farEntry.GetProperty("daysLeft").GetInt32(), farEntry.GetProperty("warning").GetBoolean()));
        Assert.True(docket.IndexOf(nearEntry) < docket.IndexOf(farEntry));
    }

    [Fact]
    public async Task A_stale_if_match_is_412()
    {
        var clerk = await api.As("clerk");
        var id = await SmallClaimsSamples.FileAsync(clerk, 210);
        await clerk.PostJsonAsync(CasePath(id) + "/claim-reduction", new { newClaim = 39_000m });

        var response = await clerk.PostJsonAsync(CasePath(id) + "/claim-reduction", new { newClaim = 38_000m }, ifMatch: "\"0\"");

        Assert.Equal(HttpStatusCode.PreconditionFailed, response.StatusCode);
    }

    [Fact]
    public async Task The_president_and_the_clerk_see_every_judges_cases_and_a_bureau_officer_has_no_docket()
    {
        var id = await SmallClaimsSamples.FileAsync(await api.As("clerk"), 211);

        foreach (var user in new[] { "president", "clerk" })
        {
            var body = await (await (await api.As(user)).GetAsync("/api/small-claims/docket?q=" + Uri.EscapeDataString("民初211号"))).ReadJsonAsync();
            Assert.Equal(id, Assert.Single(body.GetProperty("items").EnumerateArray()).GetProperty("id").GetString());
        }

        Assert.Equal(HttpStatusCode.Forbidden, (await (await api.As("nrb")).GetAsync("/api/small-claims/docket")).StatusCode);
    }

    [Fact]
    public async Task The_docket_is_paged_in_limit_order_without_repeats()
    {
        var clerk = await api.As("clerk");
        for (var serial = 216; serial < 219; serial++)
        {
            await SmallClaimsSamples.FileAsync(clerk, serial);
        }

        var seen = new List<string>();
        string? after = null;
        do
        {
            var body = await (await clerk.GetAsync("/api/small-claims/docket?limit=2" + (after is null ? "" : "&after=" + Uri.EscapeDataString(after)))).ReadJsonAsync();
            var items = body.GetProperty("items").EnumerateArray().ToList();
            Assert.True(items.Count <= 2);
            seen.AddRange(items.Select(i => i.GetProperty("limitOn").GetString() + " " + i.GetProperty("id").GetString()));
            after = body.TryGetProperty("next", out var next) && next.ValueKind == System.Text.Json.JsonValueKind.String ? next.GetString() : null;
        }
        while (after is not null);

        Assert.True(seen.Count >= 3);
        Assert.Equal(seen.Count, seen.Distinct().Count());
        Assert.Equal([.. seen.Order(StringComparer.Ordinal).Select(s => s[..10])], seen.Select(s => s[..10]));
        Assert.Equal(HttpStatusCode.BadRequest, (await clerk.GetAsync("/api/small-claims/docket?sort=nonsense")).StatusCode);
    }
}
