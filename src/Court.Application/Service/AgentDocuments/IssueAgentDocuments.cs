using Court.Application.Bankruptcy;
using Court.Application.Common;
using Court.Application.Documents;
using Court.Application.Pipeline;
using Court.Application.Projections;
using Court.Domain.Common;
using Court.Domain.Documents;
using Court.Domain.Fees;
using Court.Domain.Service;
using FluentValidation;
using Mediator;

namespace Court.Application.Service.AgentDocuments;

/// <summary>
/// The clerk or judge issues, for a party's agent of record, the case-acceptance notice (受理案件通知书) and the letter of
/// authority (授权委托书) the lawyer shows a registry (seed item 61). Each is issued once: asking again answers the
/// documents in force; after a judge revoked one, asking again issues a new one.
/// </summary>
public sealed record IssueAgentDocuments(string CaseId, string? AgentId) : ICommand<AgentDocumentsIssued>, IServiceFileMessage;

/// <summary>The two documents naming the agent: number, verification code, status.</summary>
public sealed record AgentDocumentsIssued(string CaseId, string AgentId, AgentDocument AcceptanceNotice, AgentDocument LetterOfAuthority);

public sealed record AgentDocument(string Number, string VerificationCode, DocumentStatus Status)
{
    public static AgentDocument Of(IssuedDocument document) => new(document.Number, document.VerificationCode, document.Status);
}

public sealed class IssueAgentDocumentsValidator : AbstractValidator<IssueAgentDocuments>
{
    public IssueAgentDocumentsValidator() => RuleFor(x => x.AgentId).Text(60);
}

public sealed class IssueAgentDocumentsHandler(IReadModels readModels, DocumentIssuer documents, ICallerContext caller, IPeople people, TimeProvider clock) : ICommandHandler<IssueAgentDocuments, AgentDocumentsIssued>
{
    /// <summary>How many revoked generations of one agent's document are looked past before giving up (a guard, never reached in practice).</summary>
    private const int MaxGenerations = 100;

    public async ValueTask<AgentDocumentsIssued> Handle(IssueAgentDocuments command, CancellationToken cancellationToken)
    {
        if (!caller.IsInRole(Roles.Clerk) && !caller.IsInRole(Roles.Judge) && !caller.IsInRole(Roles.System))
        {
            throw new ForbiddenException("Only the court's clerks and judges issue documents naming a party's agent.");
        }

        var view = await readModels.GetAsync<ServiceFileView>(command.CaseId, cancellationToken);
        var opened = view?.File ?? throw new DomainException(DomainError.NotFound("service.file-not-found", "This case has no service file yet."));
        var agentId = command.AgentId!.Trim();
        var agent = view.Agents.FirstOrDefault(a => a.AgentId == agentId)
            ?? throw new DomainException(DomainError.NotFound("service.agent-not-found", $"本案没有登记诉讼代理人 {agentId}。", $"The case has no agent {agentId}.") with { Field = "agentId" });
        if (view.State == "Closed")
        {
            throw new DomainException(DomainError.Conflict("service.file-closed", "本案送达已结束，不再签发载明诉讼代理人的文书。", "The proceedings are over: no document naming an agent is issued in a closed file."));
        }

        var file = view.ToFile();
        if (!file.IsOfRecord(agent, ChinaTime.DateOf(clock.GetUtcNow())))
        {
            throw new DomainException(DomainError.Conflict("service.agent-not-of-record", $"{agent.Name}的委托已终止，不能再签发载明其为诉讼代理人的文书。", $"{agent.Name}'s authority has ended: no document naming him as the agent is issued.") with { Field = "agentId" });
        }

        var party = view.Parties.First(p => p.PartyId == agent.PartyId);
        var court = IssuingCourts.Find(view.CourtCode) ?? IssuingCourts.Jiangjin;
        var issuer = await people.NameAsync(caller.UserId, cancellationToken);
        var contact = $"{court.NameZh}　{issuer.Title ?? "经办人"}：{issuer.Name}　联系电话：{opened.CourtPhone}";
        var notice = await IssueOnceAsync(command.CaseId, agent, DocumentKind.CaseAcceptanceNotice, () => AgentDocumentTexts.AcceptanceNotice(opened, view.Parties, party, agent, court, contact), court, cancellationToken);
        var letter = await IssueOnceAsync(command.CaseId, agent, DocumentKind.LetterOfAuthority, () => AgentDocumentTexts.LetterOfAuthority(opened, party, agent, court, contact), court, cancellationToken);
        return new AgentDocumentsIssued(command.CaseId, agent.AgentId, AgentDocument.Of(notice), AgentDocument.Of(letter));
    }

    /// <summary>
    /// The document's id derives from the case, the agent, the kind and a generation: a retry finds the same document,
    /// and a revoked one is passed over for the next generation.
    /// </summary>
    public static Guid DocumentIdFor(string caseId, string agentId, DocumentKind kind, int generation) =>
        DeterministicGuid.From($"court:agent-document:{caseId}:{agentId}:{DocumentKinds.Of(kind).Slug}:{generation}");

    private async Task<IssuedDocument> IssueOnceAsync(string caseId, Agent agent, DocumentKind kind, Func<DocumentContent> content, IssuingCourt court, CancellationToken cancellationToken)
    {
        for (var generation = 0; generation < MaxGenerations; generation++)
        {
            var id = DocumentIdFor(caseId, agent.AgentId, kind, generation);
            var existing = await documents.FindByIdAsync(id, cancellationToken);
            if (existing is null)
            {
                return await documents.IssueAsync(new DocumentToIssue(kind, court.Code, ServiceFile.StreamPrefix + caseId, content(), id), cancellationToken);
            }

            if (existing.Status != DocumentStatus.Revoked)
            {
                return existing;
            }
        }

        throw new DomainException(DomainError.Conflict("service.agent-documents-exhausted", "Too many revoked documents for this agent."));
    }
}

/// <summary>
/// What the agent's documents say, from the service file only: the case number and court, the party by its name and
/// role, the agent by his name, licence number and firm (and the firm's licence when recorded), the day he was registered.
/// </summary>
public static class AgentDocumentTexts
{
    /// <summary>The label under which both documents state the agent's licence number; the registry check reads it.</summary>
    public const string LicenceLabel = "律师执业证号";

    public const string FirmLicenceLabel = "律师事务所执业许可证号";

    public static string RoleZh(PartyRole role) => role switch
    {
        PartyRole.Plaintiff => "原告",
        PartyRole.Defendant => "被告",
        _ => "第三人",
    };

    public static DocumentContent AcceptanceNotice(ServiceFileOpened file, IReadOnlyList<Party> parties, Party party, Agent agent, IssuingCourt court, string contact)
    {
        string Names(PartyRole role) => string.Join("、", parties.Where(p => p.Role == role).Select(p => p.Name));
        var plaintiffs = Names(PartyRole.Plaintiff);
        var defendants = Names(PartyRole.Defendant);
        var opening = plaintiffs.Length > 0 && defendants.Length > 0
            ? $"原告{plaintiffs}诉被告{defendants}一案，本院已立案受理，案号为{file.CaseNumber}。"
            : $"本院已立案受理{file.CaseNumber}一案。";
        var caseFields = new List<DocumentField> { new("案号", file.CaseNumber), new("受理法院", court.NameZh) };
        caseFields.AddRange(new[] { PartyRole.Plaintiff, PartyRole.Defendant, PartyRole.ThirdParty }
            .Where(r => parties.Any(p => p.Role == r))
            .Select(r => new DocumentField(RoleZh(r), Names(r))));
        return new DocumentContent(
            "受理案件通知书",
            file.CaseNumber,
            party.Name,
            null,
            [
                DocumentSection.Text(
                    opening + $"{party.Name}为本案{RoleZh(party.Role)}，委托{agent.Name}律师为诉讼代理人，本院已登记在案。",
                    "本通知书可由上述诉讼代理人在代理本案期间向有关单位出示；有关单位可凭本通知书的编号或验证码，在线核验其是否为本案登记在案的诉讼代理人、本通知书是否有效。"),
                DocumentSection.Table("案件", [.. caseFields]),
                DocumentSection.Table("委托诉讼代理人", [.. AgentFields(party, agent)]),
            ],
            Contact: contact);
    }

    public static DocumentContent LetterOfAuthority(ServiceFileOpened file, Party party, Agent agent, IssuingCourt court, string contact)
    {
        var registered = agent.AppointedOn is { } on ? $"本院已于{on:yyyy年M月d日}将该委托登记在案。" : "本院已将该委托登记在案。";
        return new DocumentContent(
            "授权委托书",
            file.CaseNumber,
            court.NameZh,
            null,
            [
                DocumentSection.Text(
                    $"委托人{party.Name}（本案{RoleZh(party.Role)}）委托{agent.LawFirm}{agent.Name}律师为{file.CaseNumber}一案的诉讼代理人。{registered}",
                    "代理权限以委托人向本院提交的授权委托书原件为准。委托解除或者代理终止的，本文书即失效。"),
                DocumentSection.Table("委托人", new DocumentField("名称（姓名）", party.Name), new DocumentField("诉讼地位", RoleZh(party.Role))),
                DocumentSection.Table("受托人", [.. AgentFields(null, agent)]),
            ],
            Contact: contact);
    }

    private static IEnumerable<DocumentField> AgentFields(Party? party, Agent agent)
    {
        if (party is not null)
        {
            yield return new DocumentField("代理当事人", $"{party.Name}（{RoleZh(party.Role)}）");
        }

        yield return new DocumentField("姓名", agent.Name);
        yield return new DocumentField(LicenceLabel, agent.LicenceNumber);
        yield return new DocumentField("执业机构", agent.LawFirm);
        if (agent.LawFirmLicence is { } firm)
        {
            yield return new DocumentField(FirmLicenceLabel, firm);
        }

        if (agent.AppointedOn is { } on)
        {
            yield return new DocumentField("登记日期", $"{on:yyyy年M月d日}");
        }
    }
}
