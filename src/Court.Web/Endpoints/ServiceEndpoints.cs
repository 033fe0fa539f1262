using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Court.Application.Common;
using Court.Application.Projections;
using Court.Application.Service;
using Court.Web.Infrastructure;
using Court.Web.Ui;
using Mediator;

namespace Court.Web.Endpoints;

/// <summary>Service of process: a case's service file and its commands, the clerk's desk, and the carrier's side (dispatch list, events, daily file, signed webhook).</summary>
public static class ServiceEndpoints
{
    public const string CarrierHeader = "X-Court-Carrier";
    public const string TimestampHeader = "X-Court-Timestamp";
    public const string SignatureHeader = "X-Court-Signature";

    public static IEndpointRouteBuilder MapServiceEndpoints(this IEndpointRouteBuilder app)
    {
        var files = app.MapGroup("/api/service-files").WithTags("Service");

        files.MapPost("", async (OpenServiceFile body, IMediator mediator, HttpContext http, CancellationToken ct) =>
                Changed(http, await mediator.Send(body, ct)))
            .WithName("OpenServiceFile")
            .AnswersETag()
            .WithSummary("Open a case's service file (clerk); a small-claims case's number and procedure are taken from the case")
            .Produces<ServiceFileChanged>()
            .ProducesValidationProblem();

        files.MapGet("/{caseId}", async (string caseId, IMediator mediator, HttpContext http, CancellationToken ct) =>
            {
                var detail = await mediator.Send(new GetCaseService(caseId), ct);
                http.SetETag(detail.Version);
                return Results.Ok(detail);
            })
            .WithName("GetCaseService")
            .AnswersETag()
            .WithSummary("Per party: the address confirmation in force and each document's services with the service date and the periods running from it")
            .Produces<CaseServiceDetail>();

        Command(files, "/{caseId}/parties", "RegisterServiceParty", "Register a party (role plaintiff|defendant|third-party, kind person|organisation, ID number checked)", new PartyBody(),
            (id, b, ifMatch) => new RegisterServiceParty(id, b.PartyId, b.Role, b.Kind, b.Name, b.IdNumber, ifMatch));
        Command(files, "/{caseId}/agents", "AppointServiceAgent", "Register a party's lawyer (17-digit licence number)", new AgentBody(),
            (id, b, ifMatch) => new AppointServiceAgent(id, b.AgentId, b.PartyId, b.Name, b.LicenceNumber, b.LawFirm, b.UserName, ifMatch, b.LawFirmLicence));
        files.MapPost("/{caseId}/agents/{agentId}/documents", async (string caseId, string agentId, IMediator mediator, CancellationToken ct) =>
                Results.Ok(await mediator.Send(new Court.Application.Service.AgentDocuments.IssueAgentDocuments(caseId, agentId), ct)))
            .WithName("IssueAgentDocuments")
            .WithSummary("Issue, for a party's agent of record, the case-acceptance notice (受理案件通知书) and the letter of authority (授权委托书) naming him, his licence and firm; asking again answers the ones in force (clerk, judge)")
            .Produces<Court.Application.Service.AgentDocuments.AgentDocumentsIssued>()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        files.MapPost("/{caseId}/agents/{agentId}/authority-end", async (string caseId, string agentId, AgentEndBody? body, IMediator mediator, HttpContext http, CancellationToken ct) =>
                Changed(http, await mediator.Send(new EndServiceAgentAuthority(caseId, agentId, body?.EndedOn, body?.Reason, http.IfMatch()), ct)))
            .WithName("EndServiceAgentAuthority")
            .TakesIfMatch()
            .WithSummary("Record that a party's agent no longer acts for it from endedOn (the party revoked the authority, or he withdrew), with the reason: the documents naming him lose force (clerk, judge)")
            .Produces<ServiceFileChanged>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status412PreconditionFailed);
        Command(files, "/{caseId}/address-confirmations", "ConfirmServiceAddress", "Record a party's address confirmation (送达地址确认书) or its change, with consent to electronic service per document kind", new AddressBody(),
            (id, b, ifMatch) => new ConfirmServiceAddress(id, b.PartyId, b.PostalAddress, b.Phone, b.Email, b.PlatformAccount, b.DesignatedReceiver, b.ElectronicConsent, b.SignedOn, ifMatch));
        Command(files, "/{caseId}/services", "ServeDocuments", "Serve documents on one recipient by one channel: judicial-express with its waybill, electronic with consent, by hand, or public notice (refused in simple and small-claims procedure)", new ServeBody(),
            (id, b, ifMatch) => new ServeDocuments(id, b.RecipientPartyId, b.Channel, b.Documents, b.Waybill, b.PostalAddress, b.Phone, ifMatch));
        Command(files, "/{caseId}/carrier-events", "RecordCarrierEvent", "Record a carrier report on this case (a clerk from a paper receipt, or the carrier)", new CarrierReport(null, null, null, null, null),
            (id, b, ifMatch) => new RecordCarrierEvent(id, b, ifMatch));
        Command(files, "/{caseId}/services/{serviceId}/hand-delivery", "RecordHandService", "Record the receipt of a direct, entrusted or forwarded service, or the record of leaving it after refusal", new HandBody(),
            (id, b, ifMatch) => new RecordHandService(id, b.ServiceId, b.SignerName, b.Relationship, b.ServedOn, b.Witnesses, b.VideoReference, ifMatch));
        Command(files, "/{caseId}/services/{serviceId}/publication", "RecordPublicNotice", "Record a public notice's publication: deemed served 30 days later", new PublicationBody(),
            (id, b, ifMatch) => new RecordPublicNotice(id, b.ServiceId, b.PublishedOn, b.Medium, ifMatch));
        Command(files, "/{caseId}/services/{serviceId}/period-done", "RecordPeriodDone", "Record that the act a period running from this service was for (answer, appeal, fee-payment, evidence) was done on doneOn: its task leaves the inbox", new PeriodDoneBody(),
            (id, b, ifMatch) => new RecordPeriodDone(id, b.ServiceId, b.Period, b.DoneOn, ifMatch));
        Command(files, "/{caseId}/closure", "CloseServiceFile", "Close the service file when the proceedings end", new CloseBody(),
            (id, b, ifMatch) => new CloseServiceFile(id, b.Reason, ifMatch));

        app.MapGet("/api/service-desk", async (string? desk, string? channel, [AsParameters] PageParameters page, IMediator mediator, CancellationToken ct) =>
                Results.Ok(await mediator.Send(new GetServiceDesk(desk, channel, page), ct)))
            .WithTags("Service")
            .WithName("GetServiceDesk")
            .WithSummary("The clerk's service desk, paged: open services by default (desk=open), or desk=pending|failed|public-notice|unrecorded|served|superseded|all; channel; q searches case, recipient, waybill, document; sort=ordered|due|case")
            .Produces<Page<ServiceDeskEntry>>()
            .ProducesValidationProblem();

        var lawyer = app.MapGroup("/api/lawyer/cases").WithTags("Service");
        lawyer.MapGet("", async ([AsParameters] PageParameters page, IMediator mediator, CancellationToken ct) =>
                Results.Ok(await mediator.Send(new GetMyCases(page), ct)))
            .WithName("GetMyCases")
            .WithSummary("The cases the signed-in lawyer acts in (registered as a party's agent), by case number, paged")
            .Produces<Page<LawyerCaseView>>();
        lawyer.MapGet("/{caseId}", async (string caseId, IMediator mediator, HttpContext http, CancellationToken ct) =>
            {
                var detail = await mediator.Send(new GetLawyerCase(caseId), ct);
                http.SetETag(detail.Version);
                return Results.Ok(detail);
            })
            .WithName("GetLawyerCase")
            .AnswersETag()
            .WithSummary("For a case the lawyer acts in: what was served on his client, when, and the deadlines running from it (read only); 403 for another case, 404 for none")
            .Produces<LawyerCaseDetail>();

        var carrier = app.MapGroup("/api/carrier").WithTags("Carrier");

        carrier.MapGet("/dispatch-list", async ([AsParameters] PageParameters page, IMediator mediator, CancellationToken ct) =>
                Results.Ok(await mediator.Send(new GetDispatchList(page), ct)))
            .WithName("GetDispatchList")
            .WithSummary("Waybills issued and not yet accepted by the carrier, oldest first, paged")
            .Produces<Page<DispatchEntry>>();
        carrier.MapGet("/refusals", async ([AsParameters] PageParameters page, IMediator mediator, CancellationToken ct) =>
                Results.Ok(await mediator.Send(new GetCarrierRefusals(page), ct)))
            .WithName("GetCarrierRefusals")
            .WithSummary("The refused rows of the carrier's daily files, newest file first, paged")
            .Produces<Page<CarrierRefusalView>>();

        carrier.MapGet("/waybills/{waybill}", async (string waybill, IMediator mediator, CancellationToken ct) =>
                Results.Ok(await mediator.Send(new GetWaybill(waybill), ct)))
            .WithName("GetWaybill")
            .WithSummary("The electronic waybill's label data: sender, recipient, address, phone, documents, the 法院专递 mark, return receipt")
            .Produces<WaybillLabel>();

        carrier.MapGet("/waybills/{waybill}/label.pdf", async (string waybill, IMediator mediator, IWaybillLabelRenderer renderer, CancellationToken ct) =>
                Results.File(renderer.Render(await mediator.Send(new GetWaybill(waybill), ct)), "application/pdf", waybill + ".pdf"))
            .WithName("GetWaybillLabel")
            .WithSummary("The printable electronic waybill: an A6 PDF label with the S10 number as a Code 128 barcode")
            .Produces(StatusCodes.Status200OK, contentType: "application/pdf");

        carrier.MapPost("/events", async (ReceiveCarrierEvent body, IMediator mediator, CancellationToken ct) =>
                Results.Ok(await mediator.Send(body, ct)))
            .WithName("ReceiveCarrierEvent")
            .WithSummary("A signed-in carrier (or clerk) reports one event by waybill; the same event id again is a duplicate, nothing changes")
            .Produces<CarrierEventReceipt>()
            .ProducesValidationProblem();

        carrier.MapPost("/batches", async (HttpContext http, IMediator mediator, CancellationToken ct) =>
            {
                // The file as the body (text/csv), or {"carrier", "csv"} as JSON.
                if (http.Request.HasJsonContentType())
                {
                    var json = await http.Request.ReadFromJsonAsync<BatchBody>(ct) ?? new BatchBody();
                    return Results.Ok(await mediator.Send(new ImportCarrierBatch(json.Carrier, json.Csv?.TrimStart('\uFEFF')), ct));
                }

                using var reader = new StreamReader(http.Request.Body, Encoding.UTF8);
                var csv = (await reader.ReadToEndAsync(ct)).TrimStart('\uFEFF');
                return Results.Ok(await mediator.Send(new ImportCarrierBatch(http.Request.Query["carrier"].FirstOrDefault(), csv), ct));
            })
            .WithName("ImportCarrierBatch")
            .WithSummary("The carrier's daily file (text/csv, UTF-8, header event_id,waybill,kind,occurred_at,signer_name,relationship,signer_id_number,return_reason,contact_reached,note): a report per row, accepted, duplicate or refused and why")
            .Accepts<string>("text/csv", "application/json")
            .Produces<CarrierBatchReport>()
            .ProducesValidationProblem();

        carrier.MapPost("/webhook", ReceiveWebhookAsync)
            .AllowAnonymous()
            .WithName("CarrierWebhook")
            .WithSummary("The carrier's system posts one event, signed: X-Court-Carrier, X-Court-Timestamp (Unix seconds, at most 5 minutes old), X-Court-Signature = sha256=hex(HMAC-SHA256(secret, timestamp + \".\" + body)). 401 on a bad or stale signature, 400 naming the field, nothing stored either way; idempotent by event id")
            .Produces<CarrierEventReceipt>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status401Unauthorized);

        return app;
    }

    /// <summary>Checks the signature before reading a byte of the event, then records it as the carrier's system.</summary>
    private static async Task<IResult> ReceiveWebhookAsync(HttpContext http, ServiceSettings settings, TimeProvider clock, IServiceScopeFactory scopes, CancellationToken ct)
    {
        using var buffer = new MemoryStream();
        await http.Request.Body.CopyToAsync(buffer, ct);
        var body = buffer.ToArray();
        var carrierName = http.Request.Headers[CarrierHeader].ToString();
        var timestamp = http.Request.Headers[TimestampHeader].ToString();
        var signature = http.Request.Headers[SignatureHeader].ToString();
        if (WebhookSignature.Check(settings, carrierName, timestamp, signature, body, clock.GetUtcNow()) is { } refusal)
        {
            return Results.Problem(statusCode: StatusCodes.Status401Unauthorized, title: refusal, type: "urn:court:error:carrier-webhook.signature");
        }

        ReceiveCarrierEvent? report;
        try
        {
            report = JsonSerializer.Deserialize<ReceiveCarrierEvent>(body, JsonOptions);
        }
        catch (JsonException e)
        {
            var field = e.Path is { Length: > 2 } path ? path.TrimStart('$', '.') : "body";
            return Results.ValidationProblem(new Dictionary<string, string[]> { [field] = [Localized.Say("无法读取该字段。", "This field cannot be read.") + " " + e.Message] }, title: Localized.Say("请求有误。", "The request is not valid."));
        }

        if (report is null)
        {
            return Results.ValidationProblem(new Dictionary<string, string[]> { ["body"] = [Localized.Say("请求体为空。", "The body is empty.")] });
        }

        if (report.Carrier is { } named && named != carrierName)
        {
            return Results.ValidationProblem(new Dictionary<string, string[]> { ["carrier"] = [Localized.Say($"事件所载承运人“{named}”与签名承运人不符。", $"The event names carrier '{named}', the signature '{carrierName}'.")] });
        }

        // The carrier's system acts as a carrier operator of its agency: the same rules as a signed-in carrier.
        var caller = new FixedCaller("carrier:" + carrierName, carrierName, new HashSet<string>(StringComparer.Ordinal) { Roles.CarrierOperator }, Guid.CreateVersion7());
        await using var scope = scopes.CreateScopeAs(caller);
        var receipt = await scope.ServiceProvider.GetRequiredService<IMediator>().Send(report with { Carrier = carrierName }, ct);
        return Results.Ok(receipt);
    }

    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web);

    private static void Command<TBody>(RouteGroupBuilder files, string pattern, string name, string summary, TBody empty, Func<string, TBody, long?, IServiceFileCommand> create)
        where TBody : class =>
        files.MapPost(pattern, async (string caseId, TBody? body, IMediator mediator, HttpContext http, CancellationToken ct) =>
            {
                var payload = body ?? empty;
                if (payload is IServiceScoped scoped && http.Request.RouteValues["serviceId"] is string serviceId)
                {
                    payload = (TBody)scoped.ForService(serviceId);
                }

                return Changed(http, await mediator.Send(create(caseId, payload, http.IfMatch()), ct));
            })
            .WithName(name)
            .TakesIfMatch()
            .WithSummary(summary)
            .Produces<ServiceFileChanged>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status412PreconditionFailed)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);

    private static IResult Changed(HttpContext http, ServiceFileChanged changed)
    {
        http.SetETag(changed.Version);
        return Results.Ok(changed);
    }

    /// <summary>A body whose service id comes from the route.</summary>
    internal interface IServiceScoped
    {
        object ForService(string serviceId);
    }

    internal sealed record PartyBody(string? PartyId = null, string? Role = null, string? Kind = null, string? Name = null, string? IdNumber = null);

    internal sealed record AgentEndBody(DateOnly? EndedOn = null, string? Reason = null);

    internal sealed record AgentBody(string? AgentId = null, string? PartyId = null, string? Name = null, string? LicenceNumber = null, string? LawFirm = null, string? UserName = null, string? LawFirmLicence = null);

    internal sealed record AddressBody(string? PartyId = null, string? PostalAddress = null, string? Phone = null, string? Email = null, string? PlatformAccount = null, string? DesignatedReceiver = null, IReadOnlyList<string>? ElectronicConsent = null, DateOnly? SignedOn = null);

    internal sealed record ServeBody(string? RecipientPartyId = null, string? Channel = null, IReadOnlyList<DocumentToServe>? Documents = null, string? Waybill = null, string? PostalAddress = null, string? Phone = null);

    internal sealed record HandBody(string? ServiceId = null, string? SignerName = null, string? Relationship = null, DateOnly? ServedOn = null, IReadOnlyList<string>? Witnesses = null, string? VideoReference = null) : IServiceScoped
    {
        public object ForService(string serviceId) => this with { ServiceId = serviceId };
    }

    internal sealed record PeriodDoneBody(string? ServiceId = null, string? Period = null, DateOnly? DoneOn = null) : IServiceScoped
    {
        public object ForService(string serviceId) => this with { ServiceId = serviceId };
    }

    internal sealed record PublicationBody(string? ServiceId = null, DateOnly? PublishedOn = null, string? Medium = null) : IServiceScoped
    {
        public object ForService(string serviceId) => this with { ServiceId = serviceId };
    }

    internal sealed record CloseBody(string? Reason = null);

    internal sealed record BatchBody(string? Carrier = null, string? Csv = null);
}

/// <summary>
/// The webhook's authentication: HMAC-SHA256 with the carrier's shared secret over "timestamp.body", the timestamp at
/// most <see cref="ServiceSettings.WebhookTolerance"/> from now either way (a captured call cannot be replayed later).
/// </summary>
public static class WebhookSignature
{
    public static string Sign(string secret, string timestamp, ReadOnlySpan<byte> body)
    {
        var signed = new byte[Encoding.UTF8.GetByteCount(timestamp) + 1 + body.Length];
        var n = Encoding.UTF8.GetBytes(timestamp, signed);
        signed[n] = (byte)'.';
        body.CopyTo(signed.AsSpan(n + 1));
        return "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), signed));
    }

    /// <summary>Null when the call is authentic and fresh; otherwise why not (the same words whatever was wrong with the secret, so nothing leaks).</summary>
    public static string? Check(ServiceSettings settings, string carrier, string timestamp, string signature, byte[] body, DateTimeOffset now)
    {
        if (string.IsNullOrEmpty(carrier) || !settings.Carriers.TryGetValue(carrier, out var endpoint) || string.IsNullOrEmpty(endpoint.Secret))
        {
            return Localized.Say("签名无效。", "The signature is not valid.");
        }

        if (!long.TryParse(timestamp, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var seconds)
            || Math.Abs((now - DateTimeOffset.FromUnixTimeSeconds(Math.Clamp(seconds, 0, 253_402_300_799))).TotalSeconds) > settings.WebhookTolerance.TotalSeconds)
        {
            return Localized.Say("时间戳缺失或已超过 5 分钟，请求被拒绝（防重放）。", "The timestamp is missing or more than 5 minutes off: refused (replay protection).");
        }

        var expected = Encoding.ASCII.GetBytes(Sign(endpoint.Secret, timestamp, body));
        var given = Encoding.ASCII.GetBytes(signature.Trim());
        return CryptographicOperations.FixedTimeEquals(expected, given) ? null : Localized.Say("签名无效。", "The signature is not valid.");
    }
}

public static class ServiceUiRegistration
{
    /// <summary>
    /// Navigation for the clerk's service desk and the carrier's page, and the waybill label printer. An open service
    /// file is no task of its own (its state has no responsible role): the desk is the clerk's work list. The periods
    /// running from service are clerks' tasks; they open the case's service history, where the periods are shown.
    /// </summary>
    public static IServiceCollection AddServiceUi(this IServiceCollection services)
    {
        services.AddNavEntry(new NavEntry("/Service/Desk", "送达工作台", "Service desk", [Roles.Clerk, Roles.Judge, Roles.CourtPresident], Order: 520));
        services.AddTaskLink(Domain.Service.ServiceFile.StreamPrefix, id => "/Service/Case/" + id, Roles.Clerk, Roles.Judge, Roles.CourtPresident);
        services.AddNavEntry(new NavEntry("/Carrier", "法院专递", "Judicial express", [Roles.CarrierOperator, Roles.Clerk], Order: 530));
        services.AddNavEntry(new NavEntry("/Lawyer", "我代理的案件", "My cases", [Roles.Lawyer], Order: 540));
        services.AddSingleton<IWaybillLabelRenderer, Court.Infrastructure.Documents.WaybillLabelPdfRenderer>();
        return services;
    }
}
