using Court.Application.Bankruptcy;
using Court.Application.Common;
using Court.Application.Documents;
using Court.Application.Projections;
using Court.Domain.Common;
using Court.Domain.Documents;
using Court.Domain.Fees;
using Court.Domain.Identifiers;
using Court.Domain.Service;
using FluentValidation;
using Mediator;

namespace Court.Application.Service.AgentDocuments;

/// <summary>
/// The registry's check of a lawyer (seed item 61): given his licence number, the case number and the document he shows
/// (its number or its verification code), whether the document names him as a party's agent of record in that case and
/// whether it is in force. Nothing else is answered (decision 0096). An agency officer or the court's staff may give
/// the document's number; anyone else (the public page) gives the verification code printed on it.
/// </summary>
public sealed record CheckAgentOfRecord(string? Licence, string? CaseNumber, string? Document) : IQuery<AgentCheckAnswer>, Pipeline.IAllowAnonymous;

public sealed class CheckAgentOfRecordValidator : AbstractValidator<CheckAgentOfRecord>
{
    public CheckAgentOfRecordValidator()
    {
        RuleFor(x => x.Licence).MustParse(LawyerLicenceNumber.Parse);
        RuleFor(x => x.CaseNumber).MustParse(Court.Domain.Identifiers.CaseNumber.Parse);
        RuleFor(x => x.Document).Text(64)
            .Must(d => DocumentNumber.TryParse(d) is not null || VerificationCode.Normalize(d) is not null)
            .WithMessage(_ => Language.Say("请填写文书编号（如 江津法受通字〔2026〕第0001号）或文书上的验证码。", "Enter the document's number (e.g. 江津法受通字〔2026〕第0001号) or the verification code printed on it."))
            .When(x => !string.IsNullOrWhiteSpace(x.Document));
    }
}

public sealed class CheckAgentOfRecordHandler(IReadModels readModels, DocumentIssuer documents, ICallerContext caller, TimeProvider clock) : IQueryHandler<CheckAgentOfRecord, AgentCheckAnswer>
{
    /// <summary>How many generations of an agent's document are looked at to tell which agent it was issued for (as issuing does).</summary>
    private const int Generations = 100;

    /// <summary>Who may name the document by its number alone: those whose work is to act on court documents.</summary>
    public static bool MayCheckByNumber(ICallerContext caller) =>
        caller.IsAuthenticated && (caller.IsInRole(Roles.AgencyOfficer) || caller.IsInRole(Roles.Clerk) || caller.IsInRole(Roles.Judge));

    public async ValueTask<AgentCheckAnswer> Handle(CheckAgentOfRecord query, CancellationToken cancellationToken)
    {
        var licence = LawyerLicenceNumber.Parse(query.Licence).Value;
        var caseNumber = Court.Domain.Identifiers.CaseNumber.Parse(query.CaseNumber).Value;
        var given = query.Document!.Trim();
        var number = DocumentNumber.TryParse(given)?.ToString();
        if (number is not null && !MayCheckByNumber(caller))
        {
            // The number is printed in sequence; with it alone anyone could find out who acts in which case.
            var codeRequired = DomainError.Invalid(
                "agent-check.code-required",
                "请填写文书上的验证码（登记机构工作人员登录后可凭文书编号核验）。",
                "Enter the verification code printed on the document (registry staff may use its number once signed in).");
            throw new DomainException(codeRequired with { Field = "document" });
        }

        var shown = await FindAsync(caseNumber, number, given, cancellationToken);
        if (shown is null)
        {
            return AgentCheckAnswer.No;
        }

        var (record, document) = shown.Value;
        var view = await readModels.GetAsync<ServiceFileView>(record.CaseId, cancellationToken);
        if (view is null)
        {
            return AgentCheckAnswer.No;
        }

        var named = document.Content.Sections.SelectMany(s => s.Fields ?? []).FirstOrDefault(f => f.Label == AgentDocumentTexts.LicenceLabel)?.Value ?? "";
        var agentId = view.Agents.Where(a => a.LicenceNumber == named)
            .FirstOrDefault(a => Enumerable.Range(0, Generations).Any(g => IssueAgentDocumentsHandler.DocumentIdFor(record.CaseId, a.AgentId, document.Kind, g) == document.Id))?.AgentId;
        var facts = new ShownAgentDocument(document.Content.CaseNumber, document.Court.Code, named, agentId, document.Status == DocumentStatus.Revoked, document.ContentIntact);
        return AgentOfRecordRules.Answer(view.ToFile(), licence, caseNumber, facts, ChinaTime.DateOf(clock.GetUtcNow()));
    }

    /// <summary>The agent document of this case the caller named, by number or by code; null when none matches.</summary>
    private async Task<(AgentDocumentRecord, IssuedDocument)?> FindAsync(Court.Domain.Identifiers.CaseNumber caseNumber, string? number, string code, CancellationToken cancellationToken)
    {
        // A case has a few such documents: its index partition is read, and for a code each one's code is computed.
        foreach (var record in await readModels.ListAsync<AgentDocumentRecord>(caseNumber.Value, cancellationToken))
        {
            if (number is not null && record.Number != number)
            {
                continue;
            }

            if (await documents.FindAsync(record.Number, cancellationToken) is not { } document)
            {
                continue;
            }

            if (number is not null || VerificationCode.Matches(document.VerificationCode, code))
            {
                return (record, document);
            }
        }

        return null;
    }
}

/// <summary>The index of the documents naming an agent, by the case number they were issued in (the partition).</summary>
[Collection("service.agent-documents")]
public sealed record AgentDocumentRecord(string Id, string Number, DocumentKind Kind, string CaseId, string CaseNumber, string CourtCode, DateTimeOffset IssuedAt);

/// <summary>Inline, so a document can be checked as soon as it is issued.</summary>
public sealed class AgentDocumentProjection : IProjection
{
    public string Name => "service.agent-documents";

    public ProjectionMode Mode => ProjectionMode.Inline;

    public bool Handles(IDomainEvent @event) =>
        @event is DocumentIssued { Kind: DocumentKind.CaseAcceptanceNotice or DocumentKind.LetterOfAuthority } e && e.SourceStreamId.StartsWith(ServiceFile.StreamPrefix, StringComparison.Ordinal);

    public ValueTask ApplyAsync(EventEnvelope envelope, IDocumentSession session, CancellationToken cancellationToken)
    {
        if (envelope.Event is DocumentIssued e && Handles(e))
        {
            var id = DocumentRecord.IdOf(e.DocumentId);
            session.Store(id, new AgentDocumentRecord(id, e.Number, e.Kind, e.SourceStreamId[ServiceFile.StreamPrefix.Length..], e.Content.CaseNumber, e.CourtCode, e.IssuedAt), e.Content.CaseNumber);
        }

        return ValueTask.CompletedTask;
    }
}
