using System.Text.Json;
using System.Text.RegularExpressions;
using Court.Domain.Identifiers;
using Court.Web.Tests.Bankruptcy.Support;
using static Court.Web.Tests.Service.ServiceSteps;

namespace Court.Web.Tests.Service;

/// <summary>
/// Every service-file rule a clerk or a carrier can break answers by its stable code, worded in the caller's language:
/// Chinese by default (Accept-Language zh-CN), English when asked. Each request here is refused, so the file is not touched.
/// </summary>
public sealed partial class ServiceErrorLanguageTests(ServiceApi api) : IClassFixture<ServiceApi>
{
    [Fact]
    public async Task Party_agent_and_address_rules_are_worded_in_zh_and_en()
    {
        var caseId = await SmallClaimsFileAsync(await api.As("clerk"), 6611);
        var path = FilePath(caseId);
        await Ok((await api.As("clerk")).PostJsonAsync(path + "/agents", new { agentId = "agent-1", partyId = "defendant", name = "李明", licenceNumber = "15001200910123456", lawFirm = "重庆某某律师事务所" }));

        await RefusedAsync("service.party-exists", c => c.PostJsonAsync(path + "/parties", new { partyId = "defendant", role = "defendant", kind = "person", name = "李四", idNumber = DefendantId }));
        await RefusedAsync("service.party-not-found", c => c.PostJsonAsync(path + "/agents", new { agentId = "agent-2", partyId = "nobody", name = "李明", licenceNumber = "15001200910123456", lawFirm = "重庆某某律师事务所" }));
        await RefusedAsync("service.agent-exists", c => c.PostJsonAsync(path + "/agents", new { agentId = "agent-1", partyId = "defendant", name = "李明", licenceNumber = "15001200910123456", lawFirm = "重庆另一律师事务所" }));
        await RefusedAsync("service.party-not-found", c => c.PostJsonAsync(path + "/address-confirmations", Confirmation("nobody", "2022-04-22")));
        await RefusedAsync("service.address-signed-in-future", c => c.PostJsonAsync(path + "/address-confirmations", Confirmation("defendant", "2022-04-24")));
        await RefusedAsync("service.address-change-backdated", c => c.PostJsonAsync(path + "/address-confirmations", Confirmation("defendant", "2022-04-01")));
    }

    [Fact]
    public async Task Serving_rules_are_worded_in_zh_and_en()
    {
        var clerk = await api.As("clerk");
        var caseId = await SmallClaimsFileAsync(clerk, 6612);
        var path = FilePath(caseId);
        var waybill = WaybillNumber.Create("EA", 66_120_001).Value;
        var express = await SummonsByExpressAsync(clerk, caseId, waybill);
        var now = api.Clock.GetUtcNow();
        var fee = new { documentId = "fee-" + caseId, title = "交费通知书", kind = "fee-notice" };
        var feeService = (await Ok(clerk.PostJsonAsync(path + "/services", new { recipientPartyId = "defendant", channel = "platform", documents = new[] { fee } }))).GetProperty("services")[0].GetString()!;
        await Ok(clerk.PostJsonAsync(path + "/carrier-events", new { eventId = "p-6612-1", carrier = "platform", reference = feeService, kind = "reached-system", occurredAt = now }));
        await Ok(clerk.PostJsonAsync(path + "/carrier-events", Event("ems-6612-1", waybill, "accepted", now)));

        await RefusedAsync("service.party-not-found", c => c.PostJsonAsync(path + "/services", new { recipientPartyId = "nobody", channel = "direct", documents = new[] { fee } }));
        await RefusedAsync("service.evidence-days-too-long", c => c.PostJsonAsync(path + "/services", new { recipientPartyId = "defendant", channel = "direct", documents = new[] { new { documentId = "ev-" + caseId, title = "举证通知书", kind = "evidence-notice", evidenceDays = 10 } } }));
        await RefusedAsync("service.waybill-not-express", c => c.PostJsonAsync(path + "/services", new { recipientPartyId = "defendant", channel = "direct", waybill = WaybillNumber.Create("EA", 66_120_002).Value, documents = new[] { new { documentId = "j-" + caseId, title = "民事判决书", kind = "judgment" } } }));
        await RefusedAsync("service.already-served", c => c.PostJsonAsync(path + "/services", new { recipientPartyId = "defendant", channel = "direct", documents = new[] { fee } }));
        await RefusedAsync("service.already-running", c => c.PostJsonAsync(path + "/services", new { recipientPartyId = "defendant", channel = "platform", documents = new[] { new { documentId = "summons-" + caseId, title = "应诉通知书", kind = "summons" } } }));
        await RefusedAsync("service.no-consent", c => c.PostJsonAsync(path + "/services", new { recipientPartyId = "defendant", channel = "platform", documents = new[] { new { documentId = "j-" + caseId, title = "民事判决书", kind = "judgment" } } }));
        await RefusedAsync("service.no-consent", c => c.PostJsonAsync(path + "/services", new { recipientPartyId = "plaintiff", channel = "email", documents = new[] { fee } }));
        await RefusedAsync("service.address-missing", c => c.PostJsonAsync(path + "/services", new { recipientPartyId = "plaintiff", channel = "judicial-express", waybill = WaybillNumber.Create("EA", 66_120_003).Value, documents = new[] { fee } }));
        await RefusedAsync("service.waybill-in-use", c => c.PostJsonAsync(path + "/services", new { recipientPartyId = "plaintiff", channel = "judicial-express", waybill, postalAddress = "重庆市江津区鼎山大道2号", phone = "023-47520000", documents = new[] { fee } }));
        await RefusedAsync("service.waybill-dispatched", c => c.PostJsonAsync(path + "/services", new { recipientPartyId = "defendant", channel = "judicial-express", waybill, documents = new[] { new { documentId = "j-" + caseId, title = "民事判决书", kind = "judgment" } } }));
        await RefusedAsync("service.public-notice-refused", c => c.PostJsonAsync(path + "/services", new { recipientPartyId = "defendant", channel = "public-notice", documents = new[] { new { documentId = "j-" + caseId, title = "民事判决书", kind = "judgment" } } }));

        await RefusedAsync("carrier-event.id-reused", c => c.PostJsonAsync(path + "/carrier-events", Event("ems-6612-1", waybill, "out-for-delivery", now)));
        await RefusedAsync("carrier-event.kind", c => c.PostJsonAsync(path + "/carrier-events", Event("ems-6612-2", waybill, "reached-system", now)));
        await RefusedAsync("carrier-event.time", c => c.PostJsonAsync(path + "/carrier-events", Event("ems-6612-3", waybill, "out-for-delivery", now.AddHours(2))));
        await RefusedAsync("carrier-event.time", c => c.PostJsonAsync(path + "/carrier-events", Event("ems-6612-4", waybill, "out-for-delivery", now.AddDays(-2))));
        await RefusedAsync("carrier-event.reference-unknown", c => c.PostJsonAsync(path + "/carrier-events", Event("ems-6612-5", WaybillNumber.Create("EA", 66_120_009).Value, "accepted", now)));

        await RefusedAsync("service.not-found", c => c.PostJsonAsync($"{path}/services/nothing/hand-delivery", new { signerName = Defendant, relationship = "recipient", servedOn = "2022-04-23", witnesses = Array.Empty<string>() }));
        await RefusedAsync("service.not-by-hand", c => c.PostJsonAsync($"{path}/services/{Uri.EscapeDataString(express)}/hand-delivery", new { signerName = Defendant, relationship = "recipient", servedOn = "2022-04-23", witnesses = Array.Empty<string>() }));
        await RefusedAsync("service.not-found", c => c.PostJsonAsync($"{path}/services/nothing/publication", new { publishedOn = "2022-04-23", medium = "人民法院报" }));
        await RefusedAsync("service.not-public-notice", c => c.PostJsonAsync($"{path}/services/{Uri.EscapeDataString(express)}/publication", new { publishedOn = "2022-04-23", medium = "人民法院报" }));
        await RefusedAsync("service.not-found", c => c.PostJsonAsync($"{path}/services/nothing/period-done", new { period = "answer", doneOn = "2022-04-23" }));
    }

    [Fact]
    public async Task Receipt_rules_by_hand_are_worded_in_zh_and_en()
    {
        var clerk = await api.As("clerk");
        var caseId = await SmallClaimsFileAsync(clerk, 6613);
        var path = FilePath(caseId);
        var judgment = new { documentId = "j-" + caseId, title = "民事判决书", kind = "judgment" };
        var left = (await Ok(clerk.PostJsonAsync(path + "/services", new { recipientPartyId = "defendant", channel = "left-after-refusal", documents = new[] { judgment } }))).GetProperty("services")[0].GetString()!;
        var direct = (await Ok(clerk.PostJsonAsync(path + "/services", new { recipientPartyId = "plaintiff", channel = "direct", documents = new[] { judgment } }))).GetProperty("services")[0].GetString()!;
        await Ok(clerk.PostJsonAsync($"{path}/services/{Uri.EscapeDataString(direct)}/hand-delivery", new { signerName = "刘总", relationship = "legal-representative", servedOn = "2022-04-23", witnesses = Array.Empty<string>() }));

        await RefusedAsync("service.refusal-unrecorded", c => c.PostJsonAsync($"{path}/services/{Uri.EscapeDataString(left)}/hand-delivery", new { signerName = Defendant, servedOn = "2022-04-23", witnesses = Array.Empty<string>() }));
        await RefusedAsync("service.served-on", c => c.PostJsonAsync($"{path}/services/{Uri.EscapeDataString(left)}/hand-delivery", new { signerName = Defendant, servedOn = "2022-04-20", witnesses = Witnesses }));
        await RefusedAsync("service.already-recorded", c => c.PostJsonAsync($"{path}/services/{Uri.EscapeDataString(direct)}/hand-delivery", new { signerName = "办公室 陈某", relationship = "organisation-office", servedOn = "2022-04-23", witnesses = Array.Empty<string>() }));
    }

    private static readonly string[] Witnesses = ["村委会 刘某"];

    private static object Confirmation(string partyId, string signedOn) => new
    {
        partyId,
        postalAddress = "重庆市江津区几江街道滨江路9号",
        phone = "13900000000",
        electronicConsent = Array.Empty<string>(),
        signedOn,
    };

    /// <summary>Sends the same refused request in Chinese (the default) and in English: the same code, each worded in its language.</summary>
    private async Task RefusedAsync(string code, Func<HttpClient, Task<HttpResponseMessage>> send)
    {
        var zh = await ProblemAsync(await api.As("clerk"), send);
        var en = await ProblemAsync((await api.As("clerk")).InEnglish(), send);

        Assert.Equal((code, code), (zh.Code, en.Code));
        Assert.True(Chinese().IsMatch(zh.Title) && !EnglishWords().IsMatch(zh.Title), $"{code} in zh-CN: {zh.Title}");
        Assert.True(EnglishWords().IsMatch(en.Title), $"{code} in en: {en.Title}");
    }

    private static async Task<(string? Code, string Title)> ProblemAsync(HttpClient client, Func<HttpClient, Task<HttpResponseMessage>> send)
    {
        var response = await send(client);
        var body = await response.Content.ReadAsStringAsync();
        Assert.False(response.IsSuccessStatusCode, body);
        var problem = JsonDocument.Parse(body).RootElement;
        return (problem.TryGetProperty("code", out var c) ? c.GetString() : null, problem.GetProperty("title").GetString() ?? "");
    }

    [GeneratedRegex(@"\p{IsCJKUnifiedIdeographs}")]
    private static partial Regex Chinese();

    [GeneratedRegex(@"\b[A-Za-z]{2,} [a-z]{2,} [a-z]{2,}\b")]
    private static partial Regex EnglishWords();
}
