using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Court.Domain.Fees;
using Court.Domain.Identifiers;
using Court.Web.Tests.Bankruptcy.Support;
using static Court.Web.Tests.Service.ServiceSteps;

namespace Court.Web.Tests.Service;

/// <summary>
/// The refusals no validator can give, only the service file's state: a receipt recorded twice, a document served twice
/// on one recipient, a public notice in small claims, electronic service without consent or address, and the like. Each
/// answers problem details with its status, stable code and field, worded in zh-CN (default) and en, and the file's
/// version (so its events) is what it was before.
/// </summary>
[Collection(ServiceCollection.Name)]
public sealed partial class StateRefusalTests(ServiceApi api)
{
    /// <summary>The court's day <paramref name="offset"/> days from today.</summary>
    private string Day(int offset = 0) => ChinaTime.DateOf(api.Clock.GetUtcNow()).AddDays(offset).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static readonly string[] FeeNoticeOnly = ["fee-notice"];

    internal static object Judgment(string caseId) => new { documentId = "j-" + caseId, title = "民事判决书", kind = "judgment" };

    [Fact]
    public async Task A_second_receipt_by_hand_is_refused_and_the_first_stands()
    {
        var clerk = await api.As("clerk");
        var caseId = await SmallClaimsFileAsync(clerk, 6701);
        var direct = (await Ok(clerk.PostJsonAsync(FilePath(caseId) + "/services", new { recipientPartyId = "defendant", channel = "direct", documents = new[] { Judgment(caseId) } }))).GetProperty("services")[0].GetString()!;
        var receipt = $"{FilePath(caseId)}/services/{Uri.EscapeDataString(direct)}/hand-delivery";
        var today = Day();
        await Ok(clerk.PostJsonAsync(receipt, new { signerName = Defendant, relationship = "recipient", servedOn = today, witnesses = Array.Empty<string>() }));

        await RefusedAsync(caseId, HttpStatusCode.Conflict, "service.already-recorded", null,
            c => c.PostJsonAsync(receipt, new { signerName = "王五", relationship = "designated-receiver", servedOn = today, witnesses = Array.Empty<string>() }));

        var service = (await DefendantServicesAsync(clerk, caseId)).EnumerateArray().Single(s => s.GetProperty("serviceId").GetString() == direct);
        Assert.Equal((Defendant, today), (service.GetProperty("signerName").GetString(), service.GetProperty("servedOn").GetString()));
    }

    [Fact]
    public async Task A_document_served_or_on_its_way_is_not_served_on_the_same_recipient_again()
    {
        var clerk = await api.As("clerk");
        var caseId = await SmallClaimsFileAsync(clerk, 6702);
        var path = FilePath(caseId) + "/services";
        var direct = (await Ok(clerk.PostJsonAsync(path, new { recipientPartyId = "defendant", channel = "direct", documents = new[] { Judgment(caseId) } }))).GetProperty("services")[0].GetString()!;
        await Ok(clerk.PostJsonAsync($"{path}/{Uri.EscapeDataString(direct)}/hand-delivery", new { signerName = Defendant, relationship = "recipient", servedOn = Day(), witnesses = Array.Empty<string>() }));
        await SummonsByExpressAsync(clerk, caseId, WaybillNumber.Create("EA", 67_020_001).Value);

        await RefusedAsync(caseId, HttpStatusCode.Conflict, "service.already-served", "documents",
            c => c.PostJsonAsync(path, new { recipientPartyId = "defendant", channel = "judicial-express", waybill = WaybillNumber.Create("EA", 67_020_002).Value, documents = new[] { Judgment(caseId) } }));
        await RefusedAsync(caseId, HttpStatusCode.Conflict, "service.already-running", "channel",
            c => c.PostJsonAsync(path, new { recipientPartyId = "defendant", channel = "platform", documents = new[] { new { documentId = "summons-" + caseId, title = "应诉通知书", kind = "summons" } } }));

        Assert.Equal(2, (await DefendantServicesAsync(clerk, caseId)).GetArrayLength());
    }

    [Fact]
    public async Task Public_notice_is_refused_in_small_claims_procedure()
    {
        var clerk = await api.As("clerk");
        var caseId = await SmallClaimsFileAsync(clerk, 6703);

        await RefusedAsync(caseId, HttpStatusCode.UnprocessableEntity, "service.public-notice-refused", "channel",
            c => c.PostJsonAsync(FilePath(caseId) + "/services", new { recipientPartyId = "defendant", channel = "public-notice", documents = new[] { Judgment(caseId) } }));

        Assert.Equal(0, (await DefendantServicesAsync(clerk, caseId)).GetArrayLength());
    }

    [Fact]
    public async Task Electronic_service_needs_consent_for_the_document_and_an_address_for_the_channel()
    {
        var clerk = await api.As("clerk");
        var caseId = await SmallClaimsFileAsync(clerk, 6704);
        var path = FilePath(caseId);
        var fee = new { documentId = "fee-" + caseId, title = "交费通知书", kind = "fee-notice" };
        // The plaintiff consents to the fee notice on the platform and gives no e-mail address.
        await Ok(clerk.PostJsonAsync(path + "/address-confirmations", new { partyId = "plaintiff", postalAddress = "重庆市江津区鼎山大道2号", phone = "023-47520000", platformAccount = "plaintiff-platform", electronicConsent = FeeNoticeOnly, signedOn = Day() }));

        await RefusedAsync(caseId, HttpStatusCode.UnprocessableEntity, "service.no-consent", "channel",
            c => c.PostJsonAsync(path + "/services", new { recipientPartyId = "defendant", channel = "sms", documents = new[] { Judgment(caseId) } }));
        await RefusedAsync(caseId, HttpStatusCode.UnprocessableEntity, "service.electronic-address-missing", "channel",
            c => c.PostJsonAsync(path + "/services", new { recipientPartyId = "plaintiff", channel = "email", documents = new[] { fee } }));

        Assert.Equal(0, (await DefendantServicesAsync(clerk, caseId)).GetArrayLength());
    }

    [Fact]
    public async Task A_file_is_opened_under_one_procedure_and_an_agents_authority_ends_after_his_registration()
    {
        var clerk = await api.As("clerk");
        var caseId = await OrdinaryFileAsync(clerk, 6706);
        var path = FilePath(caseId);
        await Ok(clerk.PostJsonAsync(path + "/agents", new { agentId = "agent-1", partyId = "defendant", name = "李明", licenceNumber = "15001200910123456", lawFirm = "重庆某某律师事务所" }));

        await RefusedAsync(caseId, HttpStatusCode.Conflict, "service.file-exists", null,
            c => c.PostJsonAsync("/api/service-files", new { caseId, caseNumber = CaseNumber(6706), procedure = "simple" }));
        await RefusedAsync(caseId, HttpStatusCode.NotFound, "service.agent-not-found", "agentId",
            c => c.PostJsonAsync(path + "/agents/agent-9/authority-end", new { endedOn = Day(), reason = "当事人解除委托" }));
        await RefusedAsync(caseId, HttpStatusCode.BadRequest, "service.agent-end-before-appointment", "endedOn",
            c => c.PostJsonAsync(path + "/agents/agent-1/authority-end", new { endedOn = Day(-20), reason = "当事人解除委托" }));

        Assert.Equal("ordinary", (await Ok(clerk.GetAsync(path))).GetProperty("procedure").GetString());
    }

    [Fact]
    public async Task A_carrier_event_id_is_not_reused_and_a_dispatched_envelope_takes_nothing_more()
    {
        var clerk = await api.As("clerk");
        var caseId = await SmallClaimsFileAsync(clerk, 6707);
        var waybill = WaybillNumber.Create("EA", 67_070_001).Value;
        await SummonsByExpressAsync(clerk, caseId, waybill);
        var now = api.Clock.GetUtcNow();
        await Ok(clerk.PostJsonAsync(FilePath(caseId) + "/carrier-events", Event("ems-6707-1", waybill, "accepted", now)));

        await RefusedAsync(caseId, HttpStatusCode.Conflict, "carrier-event.id-reused", "eventId",
            c => c.PostJsonAsync(FilePath(caseId) + "/carrier-events", Event("ems-6707-1", waybill, "delivered", now, Defendant, "recipient")));
        await RefusedAsync(caseId, HttpStatusCode.Conflict, "service.waybill-dispatched", "waybill",
            c => c.PostJsonAsync(FilePath(caseId) + "/services", new { recipientPartyId = "defendant", channel = "judicial-express", waybill, documents = new[] { Judgment(caseId) } }));

        var summons = (await DefendantServicesAsync(clerk, caseId)).EnumerateArray().Single();
        Assert.Equal("pending", summons.GetProperty("desk").GetString());
    }

    private static string CaseNumber(int serial) => $"(2022)渝0116民初{serial}号";

    /// <summary>Opens an ordinary-procedure file (public notice allowed) with a plaintiff and a defendant; returns the case id.</summary>
    internal static async Task<string> OrdinaryFileAsync(HttpClient clerk, int serial)
    {
        var caseId = $"ordinary-{serial}";
        await Ok(clerk.PostJsonAsync("/api/service-files", new { caseId, caseNumber = CaseNumber(serial), procedure = "ordinary" }));
        await Ok(clerk.PostJsonAsync(FilePath(caseId) + "/parties", new { partyId = "plaintiff", role = "plaintiff", kind = "person", name = "赵六", idNumber = "500116198003031234" }));
        await Ok(clerk.PostJsonAsync(FilePath(caseId) + "/parties", new { partyId = "defendant", role = "defendant", kind = "person", name = Defendant, idNumber = DefendantId }));
        return caseId;
    }

    private Task RefusedAsync(string caseId, HttpStatusCode status, string code, string? field, Func<HttpClient, Task<HttpResponseMessage>> send) =>
        RefusedAsync(() => api.As("clerk"), caseId, status, code, field, send);

    /// <summary>
    /// Sends the refused request in zh-CN and in en: the same status, code and field each time, the title in the
    /// caller's language, and the file's version unchanged.
    /// </summary>
    internal static async Task RefusedAsync(Func<Task<HttpClient>> clerk, string caseId, HttpStatusCode status, string code, string? field, Func<HttpClient, Task<HttpResponseMessage>> send)
    {
        var reader = await clerk();
        var before = (await Ok(reader.GetAsync(FilePath(caseId)))).GetProperty("version").GetInt64();

        var zh = await ProblemAsync(await clerk(), send);
        var en = await ProblemAsync((await clerk()).InEnglish(), send);

        Assert.Equal((status, code, field), (zh.Status, zh.Code, zh.Field));
        Assert.Equal((status, code, field), (en.Status, en.Code, en.Field));
        Assert.True(Chinese().IsMatch(zh.Title) && !EnglishWords().IsMatch(zh.Title), $"{code} in zh-CN: {zh.Title}");
        Assert.True(EnglishWords().IsMatch(en.Title), $"{code} in en: {en.Title}");
        Assert.Equal(before, (await Ok(reader.GetAsync(FilePath(caseId)))).GetProperty("version").GetInt64());
    }

    private static async Task<(HttpStatusCode Status, string? Code, string? Field, string Title)> ProblemAsync(HttpClient client, Func<HttpClient, Task<HttpResponseMessage>> send)
    {
        var response = await send(client);
        var body = await response.Content.ReadAsStringAsync();
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonDocument.Parse(body).RootElement;
        string? Text(string name) => problem.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
        return (response.StatusCode, Text("code"), Text("field"), Text("title") ?? "");
    }

    [GeneratedRegex(@"\p{IsCJKUnifiedIdeographs}")]
    private static partial Regex Chinese();

    [GeneratedRegex(@"\b[A-Za-z]{2,} [a-z]{2,} [a-z]{2,}\b")]
    private static partial Regex EnglishWords();
}

/// <summary>
/// A publication and a period's act recorded once cannot be recorded again on another day. The day has to move on for
/// that, so this host's clock is its own.
/// </summary>
public sealed class RecordedOnceRefusalTests(ServiceApi api) : IClassFixture<ServiceApi>
{
    private string Day() => ChinaTime.DateOf(api.Clock.GetUtcNow()).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    [Fact]
    public async Task A_notice_is_published_once_and_a_periods_act_is_done_on_one_day()
    {
        var clerk = await api.CreateClientAs("clerk");
        var caseId = await StateRefusalTests.OrdinaryFileAsync(clerk, 6705);
        var path = FilePath(caseId);
        var ordered = Day();
        var notice = (await Ok(clerk.PostJsonAsync(path + "/services", new { recipientPartyId = "defendant", channel = "public-notice", documents = new[] { StateRefusalTests.Judgment(caseId) } }))).GetProperty("services")[0].GetString()!;
        var publication = $"{path}/services/{Uri.EscapeDataString(notice)}/publication";
        await Ok(clerk.PostJsonAsync(publication, new { publishedOn = ordered, medium = "人民法院公告网" }));
        var direct = (await Ok(clerk.PostJsonAsync(path + "/services", new { recipientPartyId = "plaintiff", channel = "direct", documents = new[] { StateRefusalTests.Judgment(caseId) } }))).GetProperty("services")[0].GetString()!;
        await Ok(clerk.PostJsonAsync($"{path}/services/{Uri.EscapeDataString(direct)}/hand-delivery", new { signerName = "赵六", relationship = "recipient", servedOn = ordered, witnesses = Array.Empty<string>() }));
        var done = $"{path}/services/{Uri.EscapeDataString(direct)}/period-done";
        await Ok(clerk.PostJsonAsync(done, new { period = "appeal", doneOn = ordered }));
        // The next day the appeal could have been lodged, had it not been already.
        api.Clock.Advance(TimeSpan.FromDays(1));
        clerk = await api.CreateClientAs("clerk");

        await StateRefusalTests.RefusedAsync(() => api.CreateClientAs("clerk"), caseId, HttpStatusCode.Conflict, "service.already-published", null,
            c => c.PostJsonAsync(publication, new { publishedOn = Day(), medium = "人民法院报" }));
        await StateRefusalTests.RefusedAsync(() => api.CreateClientAs("clerk"), caseId, HttpStatusCode.Conflict, "service.period-already-done", "period",
            c => c.PostJsonAsync(done, new { period = "appeal", doneOn = Day() }));

        var plaintiff = (await Ok(clerk.GetAsync(path))).GetProperty("parties").EnumerateArray().Single(p => p.GetProperty("partyId").GetString() == "plaintiff");
        Assert.Equal(ordered, plaintiff.GetProperty("services")[0].GetProperty("periods")[0].GetProperty("doneOn").GetString());
    }
}
