using Court.Application.Common;
using Court.Application.Pipeline;
using Court.Application.Projections;
using FluentValidation;
using Mediator;

namespace Court.Application.Service;

/// <summary>
/// A case a lawyer acts in: registered on its service file as a party's agent with his sign-in. One row per lawyer and
/// case, partitioned by the lawyer, so his list is his alone. <see cref="AuthorityEndedOn"/> is set once his authority
/// ended for every party he was registered for: the case stays listed, as one he no longer acts in.
/// </summary>
[Collection("lawyer-cases")]
public sealed record LawyerCaseView(string Id, string UserName, string CaseId, string CaseNumber, string Court, IReadOnlyList<string> PartyIds, IReadOnlyList<string> PartyNames, DateTimeOffset AppointedAt, DateOnly? AuthorityEndedOn = null) : IListed
{
    public const string SortByCase = "case";

    public static string IdOf(string userName, string caseId) => $"{userName}|{caseId}";

    public IEnumerable<ListKey> ListKeys() =>
    [
        ListKey.Of(SortByCase, CaseNumber, CaseId),
        ListKey.Search([CaseNumber, .. PartyNames]),
    ];
}

/// <summary>The cases the signed-in lawyer acts in, by case number, a page at a time.</summary>
public sealed record GetMyCases(PageParameters? Page = null) : IQuery<Page<LawyerCaseView>>
{
    public static readonly ListSorts Sorts = new(LawyerCaseView.SortByCase);
}

public sealed class GetMyCasesValidator : AbstractValidator<GetMyCases>
{
    public GetMyCasesValidator() => RuleFor(q => q.Page).PagedBy(GetMyCases.Sorts);
}

/// <summary>
/// One case as the lawyer sees it: for each party he acts for, what was served on that party and when, and the
/// deadlines that run from it. Nothing about the other parties. 404 for no such case, 403 for a case he does not act in.
/// </summary>
public sealed record GetLawyerCase(string CaseId) : IQuery<LawyerCaseDetail>, IServiceFileMessage, Auditing.IAuditedRead<LawyerCaseDetail>
{
    Auditing.ReadSubject Auditing.IAuditedRead<LawyerCaseDetail>.AuditedAs(LawyerCaseDetail response) =>
        new(Auditing.ReadSubject.ServiceFile, CaseId, Court.Domain.Service.ServiceFile.StreamPrefix + CaseId);
}

public sealed record LawyerCaseDetail(string CaseId, string CaseNumber, string Court, string Procedure, IReadOnlyList<LawyerPartyDetail> Parties, long Version, DateOnly? AuthorityEndedOn = null);

/// <summary>A party the lawyer was registered for; once his authority ended (<see cref="AuthorityEndedOn"/>), only what was ordered by that day.</summary>
public sealed record LawyerPartyDetail(string PartyId, string Role, string Name, IReadOnlyList<LawyerServiceEntry> Services, DateOnly? AuthorityEndedOn = null);

/// <summary>A service on the lawyer's party: the document, how and when it was served (<see cref="Status"/> as the desk says it), and the deadlines running from it.</summary>
public sealed record LawyerServiceEntry(
    string ServiceId,
    string Document,
    string DocumentKind,
    string? DocumentNumber,
    string Channel,
    DateTimeOffset OrderedAt,
    string Outcome,
    string Status,
    DateOnly? ServedOn,
    string? Rule,
    DateOnly? PublishedOn,
    DateOnly? DeemedOn,
    IReadOnlyList<PeriodView> Periods,
    string? CertificateNumber);

/// <summary>Only a lawyer; then the case must exist (else 404) and he must act in it (else 403).</summary>
public sealed class LawyerCaseRule(IReadModels readModels) : IAuthorizationRule<GetLawyerCase>
{
    public async ValueTask<AuthorizationOutcome> EvaluateAsync(GetLawyerCase message, ICallerContext caller, CancellationToken cancellationToken)
    {
        if (!caller.IsInRole(Roles.Lawyer))
        {
            return AuthorizationOutcome.Forbidden;
        }

        if (await readModels.GetAsync<ServiceFileView>(message.CaseId, cancellationToken) is not { File: not null } file)
        {
            return AuthorizationOutcome.Hidden;
        }

        return file.AgentUsers.Contains(caller.UserId, StringComparer.Ordinal) ? AuthorizationOutcome.Allowed : AuthorizationOutcome.Forbidden;
    }
}

public sealed class LawyerQueries(IReadModels readModels, ICallerContext caller, ServiceProjection projection) :
    IQueryHandler<GetMyCases, Page<LawyerCaseView>>,
    IQueryHandler<GetLawyerCase, LawyerCaseDetail>
{
    public async ValueTask<Page<LawyerCaseView>> Handle(GetMyCases query, CancellationToken cancellationToken)
    {
        var request = (query.Page ?? new PageParameters()).ToRequest(GetMyCases.Sorts) with { Partitions = [caller.UserId] };
        return await readModels.PageAsync<LawyerCaseView>(request, cancellationToken);
    }

    public async ValueTask<LawyerCaseDetail> Handle(GetLawyerCase query, CancellationToken cancellationToken)
    {
        var view = await readModels.GetAsync<ServiceFileView>(query.CaseId, cancellationToken);
        if (view?.File is not { } opened)
        {
            throw new ResourceNotFoundException("Not found.");
        }

        var file = view.ToFile();
        var lengths = projection.Lengths(view.WorkflowVersion);
        var mine = view.Agents.Where(a => a.UserName == caller.UserId).Select(a => a.PartyId).ToHashSet(StringComparer.Ordinal);
        var parties = view.Parties.Where(p => mine.Contains(p.PartyId)).Select(p =>
        {
            // After his authority ended, what is served on his former client is no longer his to see.
            var ended = file.AuthorityEndedOn(caller.UserId, p.PartyId);
            return new LawyerPartyDetail(
                p.PartyId,
                ServiceCodes.Code(p.Role),
                p.Name,
                [.. file.Services.Where(s => s.Ordered.Recipient.PartyId == p.PartyId)
                    .Select(s => projection.ToView(file, s, lengths))
                    .Where(s => ended is not { } day || Domain.Fees.ChinaTime.DateOf(s.OrderedAt) <= day)
                    .OrderBy(s => s.OrderedAt)
                    .Select(v => new LawyerServiceEntry(
                        v.ServiceId, v.DocumentTitle, ServiceCodes.Code(v.DocumentKind), v.DocumentNumber, ServiceCodes.Code(v.Channel), v.OrderedAt,
                        ServiceCodes.Code(v.Outcome), v.Desk, v.ServedOn, ServiceCodes.CodeOrNull(v.Rule), v.PublishedOn, v.DeemedOn, v.Periods, v.CertificateNumber))],
                ended);
        }).ToList();
        return new LawyerCaseDetail(view.Id, opened.CaseNumber, opened.CourtName, Domain.Fees.ProcedureCodes.Code(opened.Procedure), parties, view.Version, file.AuthorityEndedOn(caller.UserId));
    }
}
