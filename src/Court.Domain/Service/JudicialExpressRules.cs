using Court.Domain.Fees;

namespace Court.Domain.Service;

/// <summary>Who the recipient is, as far as checking a receipt needs, fixed when the service is ordered.</summary>
/// <param name="OtherSide">Parties on other sides of the case (name, ID number): never valid proxy signers.</param>
/// <param name="AddressConfirmedByRecipient">The address came from the recipient's own address confirmation, so a wrong-address return binds him.</param>
public sealed record Recipient(
    string PartyId,
    PartyKind Kind,
    string Name,
    IReadOnlyList<string> AgentNames,
    string? DesignatedReceiver,
    IReadOnlyList<OtherParty> OtherSide,
    bool AddressConfirmedByRecipient);

public sealed record OtherParty(string Name, string IdNumber);

/// <summary>Why a receipt is not service, or null when it is.</summary>
public enum SignerProblem
{
    OtherParty,
    NotTheRecipient,
    WrongKindOfRecipient,
    NotARegisteredAgent,
    NotTheDesignatedReceiver,
    NotAllowed,
}

/// <summary>
/// The rules of court express (SPC 2004 rules on court express service, Arts. 6–7; CPL Art. 88): who may sign for the
/// recipient, and what the carrier must have done before returning an item as undeliverable.
/// </summary>
public static class JudicialExpressRules
{
    public const int RequiredAttempts = 3;

    public const int AttemptWindowDays = 5;

    /// <summary>Null when a signature by <paramref name="signer"/> in <paramref name="relationship"/> serves <paramref name="recipient"/>.</summary>
    public static SignerProblem? CheckSigner(Recipient recipient, string? signer, SignerRelationship? relationship, string? signerIdNumber)
    {
        var name = signer?.Trim() ?? "";
        if (recipient.OtherSide.Any(p => Same(p.Name, name) || (signerIdNumber is not null && Same(p.IdNumber, signerIdNumber))))
        {
            return SignerProblem.OtherParty;
        }

        var person = recipient.Kind == PartyKind.Person;
        return relationship switch
        {
            SignerRelationship.Recipient => Same(recipient.Name, name) ? null : SignerProblem.NotTheRecipient,
            SignerRelationship.LegalRepresentative => null,
            SignerRelationship.Guardian or SignerRelationship.CohabitingFamilyMember => person ? null : SignerProblem.WrongKindOfRecipient,
            SignerRelationship.OrganisationHead or SignerRelationship.OrganisationOffice or SignerRelationship.MailRoom or SignerRelationship.DutyRoom =>
                person ? SignerProblem.WrongKindOfRecipient : null,
            SignerRelationship.LitigationAgent => recipient.AgentNames.Any(a => Same(a, name)) ? null : SignerProblem.NotARegisteredAgent,
            SignerRelationship.DesignatedReceiver => recipient.DesignatedReceiver is { } designated && Same(designated, name) ? null : SignerProblem.NotTheDesignatedReceiver,
            _ => SignerProblem.NotAllowed,
        };
    }

    /// <summary>
    /// Whether the carrier did what Art. 6 requires before returning an item as undeliverable: at least 3 failed
    /// attempts on days within a span of 5, and a try by phone or other means that did not reach the recipient.
    /// </summary>
    public static bool DiligenceMet(IReadOnlyList<CarrierEvent> before)
    {
        var attemptDays = before.Where(e => e.Kind == CarrierEventKind.AttemptFailed).Select(e => ChinaTime.DateOf(e.OccurredAt)).ToList();
        var enoughAttempts = attemptDays.Any(first => attemptDays.Count(d => d >= first && d.DayNumber - first.DayNumber < AttemptWindowDays) >= RequiredAttempts);
        var contactFailed = before.Any(e => e.Kind == CarrierEventKind.ContactAttempted && e.ContactReached == false);
        return enoughAttempts && contactFailed;
    }

    private static bool Same(string a, string b) => a.Trim().Length > 0 && string.Equals(a.Trim(), b.Trim(), StringComparison.Ordinal);
}
