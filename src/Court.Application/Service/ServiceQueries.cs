using Court.Application.Common;
using Court.Application.Projections;
using Court.Domain.Common;
using Court.Domain.Fees;
using Court.Domain.Service;
using FluentValidation;
using Mediator;

namespace Court.Application.Service;

/// <summary>
/// The clerk's service desk, a page at a time: by default everything that still needs the clerk or the carrier
/// (pending, failed and needing another channel, public notices running, hand services unrecorded); <c>desk</c>
/// narrows to one status, <c>channel</c> to one channel, <c>q</c> searches the case number, recipient, waybill and
/// document. Sorted by order time (<c>ordered</c>), by what falls due first (<c>due</c>) or by case.
/// </summary>
public sealed record GetServiceDesk(string? Desk = null, string? Channel = null, PageParameters? Page = null) : IQuery<Page<ServiceDeskEntry>>
{
    public static readonly ListSorts Sorts = new(ServiceView.SortByOrdered, ServiceView.SortByDue, ServiceView.SortByCase);
}

public sealed class GetServiceDeskValidator : AbstractValidator<GetServiceDesk>
{
    public GetServiceDeskValidator()
    {
        RuleFor(q => q.Page).PagedBy(GetServiceDesk.Sorts);
        RuleFor(q => q.Desk).Must(d => d is null || d == "open" || d == "all" || DeskStatus.All.Contains(d))
            .WithMessage(_ => Language.Say($"desk 可选：open、all、{string.Join("、", DeskStatus.All)}。", $"desk must be open, all or one of {string.Join(", ", DeskStatus.All)}."));
        RuleFor(q => q.Channel).MustBeCode<GetServiceDesk, ServiceChannel>().When(q => q.Channel is not null);
    }
}

/// <summary>One row of the desk: the service, where it stands and what the clerk should do.</summary>
public sealed record ServiceDeskEntry(
    string CaseId,
    string CaseNumber,
    string ServiceId,
    string Document,
    string Recipient,
    string Channel,
    string? Waybill,
    DateTimeOffset OrderedAt,
    string Desk,
    string Outcome,
    DateOnly? ServedOn,
    string? Failure,
    string? LastEvent,
    DateTimeOffset? LastEventAt,
    int FailedAttempts,
    DateOnly? DeemedOn,
    DateOnly? DueOn,
    int Warnings);

/// <summary>A case's service file: parties with the address confirmation in force, agents, and per party each document's services with the date and the periods running from it.</summary>
public sealed record GetCaseService(string CaseId) : IQuery<CaseServiceDetail>, IServiceFileMessage, Auditing.IAuditedRead<CaseServiceDetail>
{
    Auditing.ReadSubject Auditing.IAuditedRead<CaseServiceDetail>.AuditedAs(CaseServiceDetail response) =>
        new(Auditing.ReadSubject.ServiceFile, CaseId, Court.Domain.Service.ServiceFile.StreamPrefix + CaseId);
}

public sealed record CaseServiceDetail(
    string CaseId,
    string CaseNumber,
    string Court,
    string Procedure,
    string State,
    IReadOnlyList<ServicePartyDetail> Parties,
    long Version);

public sealed record ServicePartyDetail(
    string PartyId,
    string Role,
    string Kind,
    string Name,
    string IdNumber,
    IReadOnlyList<ServiceAgentDetail> Agents,
    AddressDetail? Address,
    int AddressChanges,
    IReadOnlyList<ServiceHistoryEntry> Services);

/// <summary>A party's agent; <paramref name="EndedOn"/> and <paramref name="EndReason"/> once his authority has ended.</summary>
public sealed record ServiceAgentDetail(string AgentId, string Name, string LicenceNumber, string LawFirm, DateOnly? EndedOn = null, string? EndReason = null);

public sealed record AddressDetail(string PostalAddress, string Phone, string? Email, string? PlatformAccount, string? DesignatedReceiver, IReadOnlyList<string> ElectronicConsent, DateOnly SignedOn);

public sealed record ServiceHistoryEntry(
    string ServiceId,
    string DocumentId,
    string Document,
    string DocumentKind,
    string? DocumentNumber,
    string? VerificationCode,
    string Channel,
    string? Waybill,
    string? Address,
    DateTimeOffset OrderedAt,
    string Outcome,
    string Desk,
    DateOnly? ServedOn,
    string? Rule,
    string? Failure,
    string? SignerProblem,
    string? SignerName,
    string? Relationship,
    string? LastEvent,
    DateTimeOffset? LastEventAt,
    int FailedAttempts,
    IReadOnlyList<string> Warnings,
    DateOnly? PublishedOn,
    DateOnly? DeemedOn,
    IReadOnlyList<PeriodView> Periods,
    string? CertificateNumber,
    string? MessageText);

/// <summary>The carrier's dispatch list: waybills issued and not yet accepted, oldest first (the caller's carrier; the court's carrier for a clerk).</summary>
public sealed record GetDispatchList(PageParameters? Page = null) : IQuery<Page<DispatchEntry>>
{
    public static readonly ListSorts Sorts = new(ServiceReferenceView.SortByIssued);
}

public sealed class GetDispatchListValidator : AbstractValidator<GetDispatchList>
{
    public GetDispatchListValidator() => RuleFor(q => q.Page).PagedBy(GetDispatchList.Sorts);
}

public sealed record DispatchEntry(string Waybill, string CaseNumber, string Recipient, string? PostalAddress, string? Phone, IReadOnlyList<string> Documents, DateTimeOffset IssuedAt);

/// <summary>One waybill's label data (电子面单): sender, recipient, address, phone, documents, the 法院专递 mark.</summary>
public sealed record GetWaybill(string Waybill) : IQuery<WaybillLabel>, Auditing.IAuditedRead<WaybillLabel>
{
    // A label names the recipient and his address: personal data.
    Auditing.ReadSubject Auditing.IAuditedRead<WaybillLabel>.AuditedAs(WaybillLabel response) => new(Auditing.ReadSubject.Waybill, Waybill);
}

/// <summary>Prints a waybill label (A6 PDF with the S10 number as a barcode).</summary>
public interface IWaybillLabelRenderer
{
    byte[] Render(WaybillLabel label);
}

public sealed record WaybillLabel(string Waybill, string SenderName, string SenderAddress, string SenderPhone, string Recipient, string? PostalAddress, string? Phone, string CaseNumber, IReadOnlyList<string> Documents, bool ReturnReceipt, string Mark, DateTimeOffset IssuedAt);

public sealed class ServiceQueries(IReadModels readModels, ICallerContext caller, TimeProvider clock, ServiceSettings settings, ServiceProjection projection) :
    IQueryHandler<GetServiceDesk, Page<ServiceDeskEntry>>,
    IQueryHandler<GetCaseService, CaseServiceDetail>,
    IQueryHandler<GetDispatchList, Page<DispatchEntry>>,
    IQueryHandler<GetWaybill, WaybillLabel>
{
    public async ValueTask<Page<ServiceDeskEntry>> Handle(GetServiceDesk query, CancellationToken cancellationToken)
    {
        var request = (query.Page ?? new PageParameters()).ToRequest(GetServiceDesk.Sorts);
        switch (query.Desk ?? "open")
        {
            case "open":
                request.Filters[ServiceView.DeskKey] = DeskStatus.Open;
                break;
            case "all":
                break;
            case var one:
                request.Filters[ServiceView.DeskKey] = [one];
                break;
        }

        if (query.Channel is { } channel)
        {
            request.Filters[ServiceView.ChannelKey] = [channel];
        }

        var page = await readModels.PageAsync<ServiceView>(request, cancellationToken);
        return page.Map(v => new ServiceDeskEntry(
            v.CaseId, v.CaseNumber, v.ServiceId, v.DocumentTitle, v.RecipientName, ServiceCodes.Code(v.Channel), v.Waybill, v.OrderedAt, v.Desk,
            ServiceCodes.Code(v.Outcome), v.ServedOn, ServiceCodes.CodeOrNull(v.Failure),
            ServiceCodes.CodeOrNull(v.LastEvent), v.LastEventAt, v.FailedAttempts, v.DeemedOn, v.DueOn, v.Warnings.Count));
    }

    public async ValueTask<CaseServiceDetail> Handle(GetCaseService query, CancellationToken cancellationToken)
    {
        var view = await readModels.GetAsync<ServiceFileView>(query.CaseId, cancellationToken);
        if (view?.File is not { } opened)
        {
            throw new DomainException(DomainError.NotFound("service.file-not-found", "This case has no service file yet."));
        }

        // The file's services as the projection computes them (a handful per case).
        var file = view.ToFile();
        var lengths = projection.Lengths(view.WorkflowVersion);
        var services = file.Services.Select(s => projection.ToView(file, s, lengths)).ToList();
        var today = ChinaTime.DateOf(clock.GetUtcNow());
        var parties = view.Parties.Select(p =>
        {
            var address = file.AddressInForce(p.PartyId, today);
            return new ServicePartyDetail(
                p.PartyId, ServiceCodes.Code(p.Role), ServiceCodes.Code(p.Kind), p.Name, Mask(p.IdNumber),
                [.. view.Agents.Where(a => a.PartyId == p.PartyId).Select(a => view.EndedAgents?.GetValueOrDefault(a.AgentId) is { } ended
                    ? new ServiceAgentDetail(a.AgentId, a.Name, a.LicenceNumber, a.LawFirm, ended.EndedOn, ended.Reason)
                    : new ServiceAgentDetail(a.AgentId, a.Name, a.LicenceNumber, a.LawFirm))],
                address is null ? null : new AddressDetail(address.PostalAddress, address.Phone, address.Email, address.PlatformAccount, address.DesignatedReceiver, [.. address.ElectronicConsent.Select(ServiceCodes.Code)], address.SignedOn),
                Math.Max(0, (view.Addresses.GetValueOrDefault(p.PartyId)?.Count ?? 0) - 1),
                [.. services.Where(s => s.PartyId == p.PartyId).OrderBy(s => s.OrderedAt).Select(History)]);
        }).ToList();
        return new CaseServiceDetail(view.Id, opened.CaseNumber, opened.CourtName, Domain.Fees.ProcedureCodes.Code(opened.Procedure), view.State, parties, view.Version);
    }

    public async ValueTask<Page<DispatchEntry>> Handle(GetDispatchList query, CancellationToken cancellationToken)
    {
        var carrier = caller.IsInRole(Roles.CarrierOperator) ? caller.Agency ?? "" : settings.ExpressCarrier;
        var request = (query.Page ?? new PageParameters()).ToRequest(GetDispatchList.Sorts) with { Partitions = [carrier] };
        request.Filters[ServiceReferenceView.AcceptedKey] = ["false"];
        var page = await readModels.PageAsync<ServiceReferenceView>(request, cancellationToken);
        return page.Map(r => new DispatchEntry(r.Id, r.CaseNumber, r.RecipientName, r.PostalAddress, r.Phone, r.Documents, r.IssuedAt));
    }

    public async ValueTask<WaybillLabel> Handle(GetWaybill query, CancellationToken cancellationToken)
    {
        var reference = await readModels.GetAsync<ServiceReferenceView>(query.Waybill.Trim().ToUpperInvariant(), cancellationToken);
        var carrier = caller.IsInRole(Roles.CarrierOperator) ? caller.Agency : settings.ExpressCarrier;
        if (reference is not { Express: true } || (!caller.IsInRole(Roles.System) && reference.Carrier != carrier)
            || await readModels.GetAsync<ServiceFileView>(reference.CaseId, cancellationToken) is not { File: { } opened })
        {
            throw new DomainException(DomainError.NotFound("service.waybill-not-found", $"No waybill {query.Waybill} of this court."));
        }

        return new WaybillLabel(reference.Id, opened.CourtName, opened.CourtAddress, opened.CourtPhone, reference.RecipientName, reference.PostalAddress, reference.Phone,
            reference.CaseNumber, reference.Documents, true, "法院专递", reference.IssuedAt);
    }

    /// <summary>An ID number shown on screen keeps its first 6 and last 4 characters.</summary>
    private static string Mask(string id) => id.Length <= 10 ? id : id[..6] + new string('*', id.Length - 10) + id[^4..];

    private static ServiceHistoryEntry History(ServiceView v) => new(
        v.ServiceId, v.DocumentId, v.DocumentTitle, ServiceCodes.Code(v.DocumentKind), v.DocumentNumber, v.VerificationCode, ServiceCodes.Code(v.Channel), v.Waybill, v.Address, v.OrderedAt,
        ServiceCodes.Code(v.Outcome), v.Desk, v.ServedOn, ServiceCodes.CodeOrNull(v.Rule), ServiceCodes.CodeOrNull(v.Failure), ServiceCodes.CodeOrNull(v.SignerProblem), v.SignerName,
        ServiceCodes.CodeOrNull(v.Relationship), ServiceCodes.CodeOrNull(v.LastEvent), v.LastEventAt, v.FailedAttempts, v.Warnings, v.PublishedOn, v.DeemedOn, v.Periods, v.CertificateNumber, v.MessageText);
}
