using Court.Application.Bankruptcy;
using Court.Application.Documents;
using Court.Application.Fees;
using Court.Application.Projections;
using Court.Application.SmallClaims;
using Court.Application.Workflows;
using Court.Domain.Common;
using Court.Domain.Documents;
using Court.Domain.Fees;
using Court.Domain.Identifiers;
using Court.Domain.Service;
using FluentValidation;
using Mediator;

namespace Court.Application.Service;

/// <summary>A message about one case's service file.</summary>
public interface IServiceFileMessage
{
    string CaseId { get; }
}

/// <summary>A step on a case's service file: its trigger and roles are the <c>service-file</c> definition's.</summary>
public interface IServiceFileCommand : ICommand<ServiceFileChanged>, IServiceFileMessage, IWorkflowCommand<ServiceFile>
{
    string IWorkflowCommand.WorkflowStreamId => ServiceFile.StreamPrefix + CaseId;

    /// <summary>The domain command, once the validator has passed.</summary>
    ServiceCommand ToDomain();
}

/// <summary>The change a service command made: the case, its file's stream version (the next If-Match) and the services it ordered.</summary>
public sealed record ServiceFileChanged(string CaseId, long Version, IReadOnlyList<string>? Services = null);

/// <summary>
/// The clerk opens a case's service file. For a small-claims case the number and procedure are the case's (one source
/// of truth); for another case they are given. Opening it again changes nothing.
/// </summary>
public sealed record OpenServiceFile(string CaseId, string? CaseNumber = null, string? Procedure = null) : ICommand<ServiceFileChanged>, IServiceFileMessage;

public sealed record RegisterServiceParty(string CaseId, string? PartyId, string? Role, string? Kind, string? Name, string? IdNumber, long? IfMatch = null) : IServiceFileCommand
{
    public ServiceCommand ToDomain() => new ServiceCommand.RegisterParty(new Party(PartyId!.Trim(), ServiceCodes.Parse<PartyRole>(Role), ServiceCodes.Parse<PartyKind>(Kind), Name!, IdNumber ?? ""));
}

/// <param name="LawFirmLicence">The firm's 18-character practice licence number (its credit code); optional, checked when given.</param>
public sealed record AppointServiceAgent(string CaseId, string? AgentId, string? PartyId, string? Name, string? LicenceNumber, string? LawFirm, string? UserName, long? IfMatch = null, string? LawFirmLicence = null) : IServiceFileCommand
{
    public ServiceCommand ToDomain() => new ServiceCommand.AppointAgent(new Agent(
        AgentId!.Trim(), PartyId!.Trim(), Name!, LicenceNumber ?? "", LawFirm!, string.IsNullOrWhiteSpace(UserName) ? null : UserName.Trim(), string.IsNullOrWhiteSpace(LawFirmLicence) ? null : LawFirmLicence));
}

/// <summary>The party revoked the agent's authority, or he withdrew, on <paramref name="EndedOn"/>: the documents naming him lose force.</summary>
public sealed record EndServiceAgentAuthority(string CaseId, string? AgentId, DateOnly? EndedOn, [property: MultiLine] string? Reason, long? IfMatch = null) : IServiceFileCommand
{
    public ServiceCommand ToDomain() => new ServiceCommand.EndAgentAuthority(AgentId!.Trim(), EndedOn!.Value, Reason ?? "");
}

/// <summary>送达地址确认书: the address, phone, electronic addresses, designated receiver and the document kinds (codes) the party accepts electronically.</summary>
public sealed record ConfirmServiceAddress(
    string CaseId,
    string? PartyId,
    string? PostalAddress,
    string? Phone,
    string? Email,
    string? PlatformAccount,
    string? DesignatedReceiver,
    IReadOnlyList<string>? ElectronicConsent,
    DateOnly? SignedOn,
    long? IfMatch = null) : IServiceFileCommand
{
    public ServiceCommand ToDomain() => new ServiceCommand.ConfirmAddress(PartyId!.Trim(), new AddressConfirmation(
        PostalAddress!.Trim(), Phone!.Trim(), Blank(Email), Blank(PlatformAccount), Blank(DesignatedReceiver),
        [.. (ElectronicConsent ?? []).Select(ServiceCodes.Parse<ServedDocumentKind>).Distinct().Order()], SignedOn!.Value));

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}

/// <summary>
/// One document of a service: an issued document by its number (its id, title and verification code are the documents
/// service's), or one issued elsewhere by id and title. <see cref="Kind"/> decides the period that runs from service.
/// </summary>
public sealed record DocumentToServe(string? Number, string? DocumentId, string? Title, string? Kind, int? EvidenceDays);

/// <summary>
/// Serves documents on one recipient by one channel (judicial-express with its waybill, platform, sms, email, direct,
/// left-after-refusal, entrusted, forwarded, public-notice): one service per document.
/// </summary>
public sealed record ServeDocuments(
    string CaseId,
    string? RecipientPartyId,
    string? Channel,
    IReadOnlyList<DocumentToServe>? Documents,
    string? Waybill,
    string? PostalAddress,
    string? Phone,
    long? IfMatch = null) : IServiceFileCommand
{
    /// <summary>The documents as the handler resolved them (issued ones looked up by number).</summary>
    internal IReadOnlyList<ServedDocument>? Resolved { get; init; }

    public ServiceCommand ToDomain() => new ServiceCommand.Serve(
        RecipientPartyId!.Trim(), ServiceCodes.Parse<ServiceChannel>(Channel), Resolved ?? [], string.IsNullOrWhiteSpace(Waybill) ? null : Waybill.Trim(),
        string.IsNullOrWhiteSpace(PostalAddress) ? null : PostalAddress.Trim(), string.IsNullOrWhiteSpace(Phone) ? null : Phone.Trim());
}

/// <summary>The fields of a carrier report (codes in kebab-case; see docs/service.md).</summary>
public interface ICarrierReportFields
{
    string? EventId { get; }

    string? Carrier { get; }

    string? Reference { get; }

    string? Kind { get; }

    DateTimeOffset? OccurredAt { get; }

    string? Note { get; }

    string? ReturnReason { get; }

    string? SignerName { get; }

    string? Relationship { get; }

    string? SignerIdNumber { get; }

    bool? ContactReached { get; }
}

/// <summary>One carrier report, as the webhook, the batch file or a clerk (from a paper receipt) gives it.</summary>
public sealed record CarrierReport(
    string? EventId,
    string? Carrier,
    string? Reference,
    string? Kind,
    DateTimeOffset? OccurredAt,
    string? Note = null,
    string? ReturnReason = null,
    string? SignerName = null,
    string? Relationship = null,
    string? SignerIdNumber = null,
    bool? ContactReached = null) : ICarrierReportFields
{
    public static CarrierReport From(ICarrierReportFields f) =>
        new(f.EventId, f.Carrier, f.Reference, f.Kind, f.OccurredAt, f.Note, f.ReturnReason, f.SignerName, f.Relationship, f.SignerIdNumber, f.ContactReached);

    public CarrierEvent ToEvent() => new(
        EventId!.Trim(), Carrier!.Trim(), Reference!.Trim(), ServiceCodes.Parse<CarrierEventKind>(Kind), OccurredAt!.Value,
        string.IsNullOrWhiteSpace(Note) ? null : Note.Trim(),
        ServiceCodes.TryParse<ReturnReason>(ReturnReason, out var reason) ? reason : null,
        string.IsNullOrWhiteSpace(SignerName) ? null : SignerName.Trim(),
        ServiceCodes.TryParse<SignerRelationship>(Relationship, out var relationship) ? relationship : null,
        string.IsNullOrWhiteSpace(SignerIdNumber) ? null : SignerIdNumber.Trim().ToUpperInvariant(),
        ContactReached);
}

/// <summary>Records a carrier report on the case it belongs to (the clerk, the carrier, or the system on the carrier's behalf).</summary>
public sealed record RecordCarrierEvent(string CaseId, CarrierReport? Report, long? IfMatch = null) : IServiceFileCommand
{
    public ServiceCommand ToDomain() => new ServiceCommand.RecordCarrierEvent(Report!.ToEvent());
}

/// <summary>Direct, entrusted or forwarded service, or service left after refusal: the receipt or the record of refusal.</summary>
public sealed record RecordHandService(
    string CaseId,
    string? ServiceId,
    string? SignerName,
    string? Relationship,
    DateOnly? ServedOn,
    IReadOnlyList<string>? Witnesses,
    string? VideoReference,
    long? IfMatch = null) : IServiceFileCommand
{
    public ServiceCommand ToDomain() => new ServiceCommand.RecordHandDelivery(ServiceId!.Trim(), new HandDelivery(
        SignerName!.Trim(), ServiceCodes.TryParse<SignerRelationship>(Relationship, out var r) ? r : null, ServedOn!.Value, false,
        [.. (Witnesses ?? []).Where(w => !string.IsNullOrWhiteSpace(w)).Select(w => w.Trim())], string.IsNullOrWhiteSpace(VideoReference) ? null : VideoReference.Trim()));
}

/// <summary>A public notice was published: deemed served 30 days later (counted by CPL Art. 85).</summary>
public sealed record RecordPublicNotice(string CaseId, string? ServiceId, DateOnly? PublishedOn, string? Medium, long? IfMatch = null) : IServiceFileCommand
{
    /// <summary>The notice period's days, as the handler read them from the <c>public-notice</c> definition.</summary>
    internal int NoticeDays { get; init; }

    public ServiceCommand ToDomain() => new ServiceCommand.RecordPublication(ServiceId!.Trim(), PublishedOn!.Value, Medium!.Trim(), NoticeDays);
}

public sealed record CloseServiceFile(string CaseId, [property: MultiLine] string? Reason, long? IfMatch = null) : IServiceFileCommand
{
    public ServiceCommand ToDomain() => new ServiceCommand.CloseFile(Reason!);
}

public sealed class OpenServiceFileValidator : AbstractValidator<OpenServiceFile>
{
    public OpenServiceFileValidator()
    {
        RuleFor(x => x.CaseId).Text(100);
        RuleFor(x => x.CaseNumber).MustParse(CaseNumber.Parse).When(x => x.CaseNumber is not null);
        RuleFor(x => x.Procedure).Must(p => p is null || ProcedureCodes.TryParse(p, out _))
            .WithMessage(_ => Language.Say("procedure 只能是 ordinary、simple 或 small-claims。", "procedure must be ordinary, simple or small-claims."));
    }
}

public sealed class RegisterServicePartyValidator : AbstractValidator<RegisterServiceParty>
{
    public RegisterServicePartyValidator()
    {
        RuleFor(x => x.PartyId).Text(60);
        RuleFor(x => x.Name).Text(200);
        RuleFor(x => x.Role).MustBeCode<RegisterServiceParty, PartyRole>();
        RuleFor(x => x.Kind).MustBeCode<RegisterServiceParty, PartyKind>();
        RuleFor(x => x.IdNumber).MustParse(ResidentIdNumber.Parse).When(x => x.Kind == "person");
        RuleFor(x => x.IdNumber).MustParse(CreditCode.Parse).When(x => x.Kind == "organisation");
    }
}

public sealed class AppointServiceAgentValidator : AbstractValidator<AppointServiceAgent>
{
    public AppointServiceAgentValidator()
    {
        RuleFor(x => x.AgentId).Text(60);
        RuleFor(x => x.PartyId).Text(60);
        RuleFor(x => x.Name).Text(100);
        RuleFor(x => x.LawFirm).Text(200);
        RuleFor(x => x.LicenceNumber).MustParse(LawyerLicenceNumber.Parse);
        RuleFor(x => x.LawFirmLicence).MustParse(LawFirmLicenceNumber.Parse).When(x => !string.IsNullOrWhiteSpace(x.LawFirmLicence));
        RuleFor(x => x.UserName).OptionalText(100);
    }
}

public sealed class EndServiceAgentAuthorityValidator : AbstractValidator<EndServiceAgentAuthority>
{
    public EndServiceAgentAuthorityValidator()
    {
        RuleFor(x => x.AgentId).Text(60);
        RuleFor(x => x.EndedOn).NotNull();
        RuleFor(x => x.Reason).Text(500);
    }
}

public sealed class ConfirmServiceAddressValidator : AbstractValidator<ConfirmServiceAddress>
{
    public ConfirmServiceAddressValidator()
    {
        RuleFor(x => x.PartyId).Text(60);
        RuleFor(x => x.PostalAddress).Text(300);
        RuleFor(x => x.Phone).Text(30);
        RuleFor(x => x.Email).OptionalText(200).EmailAddress().When(x => !string.IsNullOrWhiteSpace(x.Email));
        RuleFor(x => x.PlatformAccount).OptionalText(100);
        RuleFor(x => x.DesignatedReceiver).OptionalText(100);
        RuleFor(x => x.SignedOn).NotNull();
        RuleForEach(x => x.ElectronicConsent).MustBeCode<ConfirmServiceAddress, ServedDocumentKind>();
    }
}

public sealed class ServeDocumentsValidator : AbstractValidator<ServeDocuments>
{
    public ServeDocumentsValidator()
    {
        RuleFor(x => x.RecipientPartyId).Text(60);
        RuleFor(x => x.Channel).MustBeCode<ServeDocuments, ServiceChannel>();
        RuleFor(x => x.Documents).NotEmpty();
        RuleFor(x => x.Documents!.Count).LessThanOrEqualTo(20).OverridePropertyName("documents").When(x => x.Documents is not null);
        RuleForEach(x => x.Documents).ChildRules(d =>
        {
            d.RuleFor(x => x.Kind).MustBeCode<DocumentToServe, ServedDocumentKind>();
            d.RuleFor(x => x.Number).OptionalText(60);
            d.RuleFor(x => x.DocumentId).Text(100).When(x => string.IsNullOrWhiteSpace(x.Number));
            d.RuleFor(x => x.Title).Text(200).When(x => string.IsNullOrWhiteSpace(x.Number));
            d.RuleFor(x => x.EvidenceDays).InclusiveBetween(1, 365).When(x => x.EvidenceDays is not null);
        });
        RuleFor(x => x.Waybill).MustParse(WaybillNumber.Parse).When(x => x.Channel == "judicial-express");
        RuleFor(x => x.PostalAddress).OptionalText(300);
        RuleFor(x => x.Phone).OptionalText(30);
    }
}

public sealed class CarrierReportValidator : CarrierReportRules<CarrierReport>;

/// <summary>What every carrier report must carry, wherever it comes from; each failure names its field.</summary>
public abstract class CarrierReportRules<T> : AbstractValidator<T>
    where T : ICarrierReportFields
{
    protected CarrierReportRules()
    {
        RuleFor(x => x.EventId).Text(100);
        RuleFor(x => x.Carrier).Text(60);
        RuleFor(x => x.Reference).Text(100);
        RuleFor(x => x.Kind).MustBeCode<T, CarrierEventKind>();
        RuleFor(x => x.OccurredAt).NotNull();
        RuleFor(x => x.Note).OptionalText(500);
        RuleFor(x => x.SignerName).Text(100).When(x => x.Kind == "delivered");
        RuleFor(x => x.Relationship).MustBeCode<T, SignerRelationship>().When(x => x.Kind == "delivered" || x.Relationship is not null);
        RuleFor(x => x.ReturnReason).MustBeCode<T, ReturnReason>().When(x => x.Kind == "returned" || x.ReturnReason is not null);
        RuleFor(x => x.ContactReached).NotNull().When(x => x.Kind == "contact-attempted");
        RuleFor(x => x.SignerIdNumber).OptionalText(30);
    }
}

public sealed class RecordCarrierEventValidator : AbstractValidator<RecordCarrierEvent>
{
    public RecordCarrierEventValidator()
    {
        RuleFor(x => x.Report).NotNull();
        RuleFor(x => x.Report!).SetValidator(new CarrierReportValidator()).When(x => x.Report is not null);
    }
}

public sealed class RecordHandServiceValidator : AbstractValidator<RecordHandService>
{
    public RecordHandServiceValidator()
    {
        RuleFor(x => x.ServiceId).Text(200);
        RuleFor(x => x.SignerName).Text(100);
        RuleFor(x => x.Relationship).MustBeCode<RecordHandService, SignerRelationship>().When(x => x.Relationship is not null);
        RuleFor(x => x.ServedOn).NotNull();
        RuleForEach(x => x.Witnesses).MaximumLength(100);
        RuleFor(x => x.VideoReference).OptionalText(200);
    }
}

public sealed class RecordPublicNoticeValidator : AbstractValidator<RecordPublicNotice>
{
    public RecordPublicNoticeValidator()
    {
        RuleFor(x => x.ServiceId).Text(200);
        RuleFor(x => x.PublishedOn).NotNull();
        RuleFor(x => x.Medium).Text(200);
    }
}

public sealed class CloseServiceFileValidator : AbstractValidator<CloseServiceFile>
{
    public CloseServiceFileValidator() => RuleFor(x => x.Reason).Text(1000);
}

public static class ServiceCodeRules
{
    /// <summary>The value is one of <typeparamref name="TEnum"/>'s codes (kebab-case); the message lists them.</summary>
    public static IRuleBuilderOptions<T, string?> MustBeCode<T, TEnum>(this IRuleBuilder<T, string?> rule)
        where TEnum : struct, Enum =>
        rule.Must(code => ServiceCodes.TryParse<TEnum>(code, out _))
            .WithMessage((_, code) => Language.Say($"“{code}”无效，可选：{ServiceCodes.All<TEnum>()}。", $"'{code}' is not valid; use one of: {ServiceCodes.All<TEnum>()}."));
}

/// <summary>One handler for the file's steps: the definition says whether the step may happen and who may take it, the decider what it does.</summary>
public sealed class ServiceFileCommandHandler(ServiceFiles files, IReadModels readModels, DocumentIssuer documents, FeesSettings fees, Common.ICallerContext caller, WorkflowCatalog catalog) :
    ICommandHandler<OpenServiceFile, ServiceFileChanged>,
    ICommandHandler<RegisterServiceParty, ServiceFileChanged>,
    ICommandHandler<AppointServiceAgent, ServiceFileChanged>,
    ICommandHandler<EndServiceAgentAuthority, ServiceFileChanged>,
    ICommandHandler<ConfirmServiceAddress, ServiceFileChanged>,
    ICommandHandler<ServeDocuments, ServiceFileChanged>,
    ICommandHandler<RecordCarrierEvent, ServiceFileChanged>,
    ICommandHandler<RecordHandService, ServiceFileChanged>,
    ICommandHandler<RecordPublicNotice, ServiceFileChanged>,
    ICommandHandler<RecordDeemedService, ServiceFileChanged>,
    ICommandHandler<RecordPeriodDone, ServiceFileChanged>,
    ICommandHandler<CloseServiceFile, ServiceFileChanged>
{
    public async ValueTask<ServiceFileChanged> Handle(OpenServiceFile command, CancellationToken cancellationToken)
    {
        var smallClaims = await readModels.GetAsync<SmallClaimsCaseView>(command.CaseId, cancellationToken);
        var number = smallClaims?.CaseNumber ?? command.CaseNumber
            ?? throw new DomainException(DomainError.Invalid("service.case-number-required", "This is not a small-claims case of the court: give its case number and procedure.") with { Field = "caseNumber" });
        var procedure = smallClaims?.Procedure ?? (ProcedureCodes.TryParse(command.Procedure, out var p) ? p : Procedure.Ordinary);
        var court = IssuingCourts.Find(smallClaims?.CourtCode ?? fees.CourtCode) ?? IssuingCourts.Jiangjin;
        var open = new ServiceCommand.OpenFile(command.CaseId, number, court.NameZh, CourtAddress, CourtPhone, procedure);
        return new ServiceFileChanged(command.CaseId, await files.OpenAsync(open, cancellationToken));
    }

    public ValueTask<ServiceFileChanged> Handle(RegisterServiceParty command, CancellationToken cancellationToken) => Run(command, cancellationToken);

    public ValueTask<ServiceFileChanged> Handle(AppointServiceAgent command, CancellationToken cancellationToken) => Run(command, cancellationToken);

    public ValueTask<ServiceFileChanged> Handle(EndServiceAgentAuthority command, CancellationToken cancellationToken) => Run(command, cancellationToken);

    public ValueTask<ServiceFileChanged> Handle(ConfirmServiceAddress command, CancellationToken cancellationToken) => Run(command, cancellationToken);

    public async ValueTask<ServiceFileChanged> Handle(ServeDocuments command, CancellationToken cancellationToken)
    {
        var resolved = new List<ServedDocument>();
        foreach (var d in command.Documents!)
        {
            var kind = ServiceCodes.Parse<ServedDocumentKind>(d.Kind);
            if (!string.IsNullOrWhiteSpace(d.Number))
            {
                var issued = await documents.FindAsync(d.Number.Trim(), cancellationToken)
                    ?? throw new DomainException(DomainError.NotFound("service.document-not-found", $"No document {d.Number} was issued.") with { Field = "documents" });
                resolved.Add(new ServedDocument(issued.Id.ToString("N"), issued.Content.Title, kind, issued.Number, issued.VerificationCode, d.EvidenceDays));
            }
            else
            {
                resolved.Add(new ServedDocument(d.DocumentId!.Trim(), d.Title!.Trim(), kind, null, null, d.EvidenceDays));
            }
        }

        var before = (await readModels.GetAsync<ServiceFileView>(command.CaseId, cancellationToken))?.Services.Select(s => s.ServiceId).ToHashSet(StringComparer.Ordinal) ?? [];
        var version = await files.ExecuteAsync(command with { Resolved = resolved }, (command with { Resolved = resolved }).ToDomain(), cancellationToken);
        var after = (await readModels.GetAsync<ServiceFileView>(command.CaseId, cancellationToken))?.Services ?? [];
        var ordered = after.Where(s => resolved.Any(r => r.DocumentId == s.Ordered.Document.DocumentId) && s.Ordered.Recipient.PartyId == command.RecipientPartyId!.Trim())
            .Where(s => !before.Contains(s.ServiceId) || s.Ordered.Channel == ServiceCodes.Parse<ServiceChannel>(command.Channel))
            .Select(s => s.ServiceId).ToList();
        return new ServiceFileChanged(command.CaseId, version, ordered);
    }

    public ValueTask<ServiceFileChanged> Handle(RecordCarrierEvent command, CancellationToken cancellationToken)
    {
        if (caller.IsInRole(Common.Roles.CarrierOperator) && !caller.IsInRole(Common.Roles.System) && command.Report!.Carrier?.Trim() != caller.Agency)
        {
            throw new Pipeline.ForbiddenException($"A carrier reports its own events only: you sign in for {caller.Agency}, the event names {command.Report.Carrier}.");
        }

        return Run(command, cancellationToken);
    }

    public ValueTask<ServiceFileChanged> Handle(RecordHandService command, CancellationToken cancellationToken) => Run(command, cancellationToken);

    public ValueTask<ServiceFileChanged> Handle(RecordPublicNotice command, CancellationToken cancellationToken) =>
        Run(command with { NoticeDays = PublicNoticeHandler.NoticeDays(catalog) }, cancellationToken);

    public ValueTask<ServiceFileChanged> Handle(RecordDeemedService command, CancellationToken cancellationToken) => Run(command, cancellationToken);

    public ValueTask<ServiceFileChanged> Handle(RecordPeriodDone command, CancellationToken cancellationToken) => Run(command, cancellationToken);

    public ValueTask<ServiceFileChanged> Handle(CloseServiceFile command, CancellationToken cancellationToken) => Run(command, cancellationToken);

    /// <summary>The court's address and phone as the waybill's sender block prints them.</summary>
    public const string CourtAddress = "重庆市江津区鼎山大道1号";

    public const string CourtPhone = "023-47521234";

    private async ValueTask<ServiceFileChanged> Run(IServiceFileCommand command, CancellationToken cancellationToken) =>
        new(command.CaseId, await files.ExecuteAsync(command, command.ToDomain(), cancellationToken));
}
