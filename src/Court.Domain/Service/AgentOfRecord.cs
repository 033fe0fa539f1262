using Court.Domain.Identifiers;

namespace Court.Domain.Service;

/// <summary>
/// What a registry officer is told about a lawyer who shows a court document (seed item 61): only whether that
/// document names this licence as a party's agent of record in this case, and whether it is in force. No party, no
/// other agent, no content.
/// </summary>
public sealed record AgentCheckAnswer(bool AgentOfRecord, bool InForce)
{
    public static AgentCheckAnswer No { get; } = new(false, false);
}

/// <summary>The document the lawyer showed, as the court's record has it.</summary>
/// <param name="CaseNumber">The case it was issued in (canonical).</param>
/// <param name="CourtCode">The court that issued it.</param>
/// <param name="NamedLicence">The licence number it prints for the agent.</param>
/// <param name="AgentId">The agent of the service file it was issued for, when the record knows him.</param>
/// <param name="Revoked">A judge revoked it.</param>
/// <param name="Intact">Its stored content still matches its hash, and the code given (if any) matches.</param>
public sealed record ShownAgentDocument(string CaseNumber, string CourtCode, string NamedLicence, string? AgentId, bool Revoked, bool Intact);

public static class AgentOfRecordRules
{
    /// <summary>
    /// Yes only when the document is genuine, was issued by the case's own court in this very case, names this licence,
    /// and was issued for an agent the file registered under it. In force when it is not revoked and that agent's
    /// authority has not ended by <paramref name="today"/>. Every "no" is the same answer, so a caller learns nothing of
    /// why.
    /// </summary>
    public static AgentCheckAnswer Answer(ServiceFile file, LawyerLicenceNumber licence, CaseNumber caseNumber, ShownAgentDocument? document, DateOnly today)
    {
        if (document is not { Intact: true }
            || document.CaseNumber != caseNumber.Value
            || document.CourtCode != caseNumber.Court.Code
            || file.File?.CaseNumber != caseNumber.Value
            || document.NamedLicence != licence.Value)
        {
            return AgentCheckAnswer.No;
        }

        var agent = file.Agents.FirstOrDefault(a => a.AgentId == document.AgentId);
        return agent is null || agent.LicenceNumber != licence.Value
            ? AgentCheckAnswer.No
            : new AgentCheckAnswer(true, !document.Revoked && file.IsOfRecord(agent, today));
    }
}
