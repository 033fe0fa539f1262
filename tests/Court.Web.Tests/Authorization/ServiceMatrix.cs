using Court.Application.Demo;
using Court.Application.Service;
using Court.Domain.Identifiers;
using Court.Web.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using static Court.Web.Tests.Authorization.Callers;

namespace Court.Web.Tests.Authorization;

/// <summary>
/// Service of process. A service file is its court's: clerks, judges and the president see it (others 404); who takes
/// each step is the definition's (clerk; carrier reports also the carrier; closing also the judge); the desk is court
/// staff's; the carrier's side is the carrier's and the clerk's; the webhook authenticates by signature only.
/// </summary>
public sealed class ServiceMatrix : IMatrixRows
{
    private static readonly string[] Files = ["svc-read", "svc-parties", "svc-agents", "svc-address", "svc-serve", "svc-carrier", "svc-hand", "svc-publication", "svc-close", "svc-lawyer", "svc-period", "svc-agent-docs", "svc-agent-end"];

    public async Task SeedAsync(MatrixState state, IServiceProvider services)
    {
        var scopes = services.GetRequiredService<IServiceScopeFactory>();
        var clerk = DemoUsers.Clerk;
        for (var i = 0; i < Files.Length; i++)
        {
            var key = Files[i];
            var caseId = "matrix-" + key;
            state[key] = caseId;
            await scopes.SendAsAsync(clerk, new OpenServiceFile(caseId, $"(2022)渝0116民初{8300 + i}号", key == "svc-publication" ? "ordinary" : "simple"));
            await scopes.SendAsAsync(clerk, new RegisterServiceParty(caseId, "d", "defendant", "person", "赵六", "500116199001011234"));
            await scopes.SendAsAsync(clerk, new RegisterServiceParty(caseId, "p", "plaintiff", "organisation", "甲公司", "91500116MA5U5X7A8B"));
        }

        await scopes.SendAsAsync(clerk, new AppointServiceAgent(state["svc-lawyer"], "a", "p", DemoUsers.Lawyer.DisplayNameZh, DemoUsers.LawyerLicence, DemoUsers.LawyerFirm, DemoUsers.Lawyer.UserName));

        foreach (var key in new[] { "svc-agent-docs", "svc-agent-end" })
        {
            await scopes.SendAsAsync(clerk, new AppointServiceAgent(state[key], "a", "p", "李明", "15001200910123456", "重庆某某律师事务所", null));
        }

        var period = await scopes.SendAsAsync(clerk, new ServeDocuments(state["svc-period"], "d", "direct", [new DocumentToServe(null, "m-period", "应诉通知书", "summons", null)], null, null, null));
        state["svc-period-service"] = period.Services![0];
        await scopes.SendAsAsync(clerk, new RecordHandService(state["svc-period"], period.Services![0], "赵六", "recipient", new DateOnly(2022, 4, 23), [], null));

        var waybill = WaybillNumber.Create("EA", 83_000_001).Value;
        state["svc-waybill"] = waybill;
        await scopes.SendAsAsync(clerk, new ServeDocuments(state["svc-carrier"], "d", "judicial-express", [new DocumentToServe(null, "m-summons", "应诉通知书", "summons", null)], waybill, "重庆市江津区某路1号", "13800000000"));
        var hand = await scopes.SendAsAsync(clerk, new ServeDocuments(state["svc-hand"], "d", "direct", [new DocumentToServe(null, "m-hand", "传票", "hearing-summons", null)], null, null, null));
        state["svc-hand-service"] = hand.Services![0];
        var notice = await scopes.SendAsAsync(clerk, new ServeDocuments(state["svc-publication"], "d", "public-notice", [new DocumentToServe(null, "m-notice", "应诉通知书", "summons", null)], null, null, null));
        state["svc-publication-service"] = notice.Services![0];
    }

    private static readonly string[] SummonsOnly = ["summons"];

    private static string File(MatrixState s, string key) => "/api/service-files/" + s[key];

    private static int Index(string? user) => All.ToList().IndexOf(user ?? Anonymous);

    /// <summary>On a file: 200 for <paramref name="allowed"/>, 403 for the other court staff who see it, 404 for the rest.</summary>
    private static IReadOnlyDictionary<string, int> OnFile(params string[] allowed) =>
        Expect(401, 404, [.. Each(403, "clerk", "judge", "president"), .. Each(200, allowed)]);

    private static object Report(MatrixState s, string id) =>
        new { eventId = id, carrier = "ems-jiangjin", reference = s["svc-waybill"], kind = "accepted", occurredAt = CourtWebFactory.Start };

    public IEnumerable<MatrixRow> Rows =>
    [
        new("POST", "/api/service-files", _ => "/api/service-files", Expect(401, 403, Each(200, "clerk")),
            Body: (_, user) => new { caseId = $"matrix-open-{Index(user)}", caseNumber = $"(2022)渝0116民初{8400 + Index(user)}号", procedure = "ordinary" }),
        new("GET", "/api/service-files/{caseId}", s => File(s, "svc-read"), Expect(401, 404, Each(200, "clerk", "judge", "president"))),
        new("POST", "/api/service-files/{caseId}/parties", s => File(s, "svc-parties") + "/parties", OnFile("clerk"),
            Body: (_, _) => new { partyId = "t", role = "third-party", kind = "person", name = "孙七", idNumber = "500116199001011234" }),
        new("POST", "/api/service-files/{caseId}/agents", s => File(s, "svc-agents") + "/agents", OnFile("clerk"),
            Body: (_, _) => new { agentId = "a", partyId = "d", name = "李明", licenceNumber = "15001200910123456", lawFirm = "重庆某某律师事务所" }),
        new("POST", "/api/service-files/{caseId}/address-confirmations", s => File(s, "svc-address") + "/address-confirmations", OnFile("clerk"),
            Body: (_, _) => new { partyId = "d", postalAddress = "重庆市江津区某路2号", phone = "13800000001", electronicConsent = SummonsOnly, signedOn = "2022-04-20" }),
        new("POST", "/api/service-files/{caseId}/services", s => File(s, "svc-serve") + "/services", OnFile("clerk"),
            Body: (_, _) => new { recipientPartyId = "d", channel = "direct", documents = new[] { new { documentId = "m-serve", title = "传票", kind = "hearing-summons" } } }),
        new("POST", "/api/service-files/{caseId}/carrier-events", s => File(s, "svc-carrier") + "/carrier-events", OnFile("clerk", "carrier"),
            Body: (s, _) => Report(s, "m-case-1")),
        new("POST", "/api/service-files/{caseId}/services/{serviceId}/hand-delivery", s => $"{File(s, "svc-hand")}/services/{s["svc-hand-service"]}/hand-delivery", OnFile("clerk"),
            Body: (_, _) => new { signerName = "赵六", relationship = "recipient", servedOn = "2022-04-23" }),
        new("POST", "/api/service-files/{caseId}/services/{serviceId}/publication", s => $"{File(s, "svc-publication")}/services/{s["svc-publication-service"]}/publication", OnFile("clerk"),
            Body: (_, _) => new { publishedOn = "2022-04-22", medium = "人民法院公告网" }),
        new("POST", "/api/service-files/{caseId}/services/{serviceId}/period-done", s => $"{File(s, "svc-period")}/services/{s["svc-period-service"]}/period-done", OnFile("clerk"),
            Body: (_, _) => new { period = "answer", doneOn = "2022-04-23" }),
        // An agent's documents and the end of his authority: the case's clerk and judge.
        new("POST", "/api/service-files/{caseId}/agents/{agentId}/documents", s => File(s, "svc-agent-docs") + "/agents/a/documents", OnFile("clerk", "judge")),
        new("POST", "/api/service-files/{caseId}/agents/{agentId}/authority-end", s => File(s, "svc-agent-end") + "/agents/a/authority-end", OnFile("clerk", "judge"),
            Body: (_, _) => new { endedOn = "2022-04-23", reason = "当事人解除委托" }),
        // Public and rate-limited like /api/verify: anyone may check a licence against a document's code.
        new("GET", "/api/verify/agent", s => $"/api/verify/agent?licence=15001200910123456&caseNumber={Uri.EscapeDataString("(2022)渝0116民初8311号")}&document={Uri.EscapeDataString(s["document-code"])}",
            Expect(200, 200)),
        new("POST", "/api/service-files/{caseId}/closure", s => File(s, "svc-close") + "/closure", OnFile("clerk", "judge"), Body: (_, _) => new { reason = "已结案" }),
        // A lawyer reads only the cases he acts in: any other case is 403 to him, and the lawyer's view is no one else's.
        new("GET", "/api/lawyer/cases", _ => "/api/lawyer/cases", Expect(401, 403, Each(200, "lawyer"))),
        new("GET", "/api/lawyer/cases/{caseId}", s => "/api/lawyer/cases/" + s["svc-lawyer"], Expect(401, 403, Each(200, "lawyer"))),
        new("GET", "/api/service-desk", _ => "/api/service-desk", Expect(401, 403, Each(200, "clerk", "judge", "president"))),
        new("GET", "/api/carrier/dispatch-list", _ => "/api/carrier/dispatch-list", Expect(401, 403, Each(200, "clerk", "carrier"))),
        new("GET", "/api/carrier/waybills/{waybill}", s => "/api/carrier/waybills/" + s["svc-waybill"], Expect(401, 403, Each(200, "clerk", "carrier"))),
        new("GET", "/api/carrier/waybills/{waybill}/label.pdf", s => $"/api/carrier/waybills/{s["svc-waybill"]}/label.pdf", Expect(401, 403, Each(200, "clerk", "carrier"))),
        new("GET", "/api/carrier/refusals", _ => "/api/carrier/refusals", Expect(401, 403, Each(200, "clerk", "carrier"))),
        new("POST", "/api/carrier/events", _ => "/api/carrier/events", Expect(401, 403, Each(200, "clerk", "carrier")), Body: (s, _) => Report(s, "m-receive-1")),
        new("POST", "/api/carrier/batches", _ => "/api/carrier/batches", Expect(401, 403, Each(200, "clerk", "carrier")),
            Body: (_, _) => new { csv = "event_id,waybill,kind,occurred_at\n" }),

        // No signature, no entry: whoever calls, signed in or not.
        new("POST", "/api/carrier/webhook", _ => "/api/carrier/webhook", Expect(401, 401), Body: (s, _) => Report(s, "m-hook-1")),
    ];
}
