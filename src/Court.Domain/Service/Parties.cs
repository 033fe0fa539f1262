namespace Court.Domain.Service;

/// <summary>Which side of the case a party is on. A proxy signer who is on another side is never a valid signer.</summary>
public enum PartyRole
{
    Plaintiff,
    Defendant,
    ThirdParty,
}

/// <summary>A person is identified by a resident ID number (GB 11643), an organisation by its unified social credit code.</summary>
public enum PartyKind
{
    Person,
    Organisation,
}

/// <summary>
/// What is being served. The kind decides which period runs from service and is what a party consents to receive
/// electronically (a party may accept notices online but want judgments on paper).
/// </summary>
public enum ServedDocumentKind
{
    /// <summary>应诉通知书 with the complaint copy: the answer period runs from it.</summary>
    Summons,

    /// <summary>传票.</summary>
    HearingSummons,

    /// <summary>举证通知书: the evidence period the court sets runs from it.</summary>
    EvidenceNotice,

    /// <summary>交纳诉讼费用通知书: 7 days to pay.</summary>
    FeeNotice,

    /// <summary>判决书: 15 days to appeal.</summary>
    Judgment,

    /// <summary>裁定书: 10 days to appeal.</summary>
    Ruling,

    /// <summary>协助执行通知书 to an agency: delivered when it reaches the agency's system.</summary>
    AssistedEnforcementNotice,

    Other,
}

public sealed record Party(string PartyId, PartyRole Role, PartyKind Kind, string Name, string IdNumber);

/// <summary>A party's litigation agent: a lawyer (17-digit licence) of a law firm; <see cref="UserName"/> links his sign-in.</summary>
/// <param name="LawFirmLicence">The firm's practice licence number (its credit code, decision 0090), when the clerk recorded it.</param>
/// <param name="AppointedOn">The day the court registered him (China date); absent on agents registered before it was kept.</param>
public sealed record Agent(string AgentId, string PartyId, string Name, string LicenceNumber, string LawFirm, string? UserName, string? LawFirmLicence = null, DateOnly? AppointedOn = null);

/// <summary>
/// 送达地址确认书: where and how a party accepts service, binding for the whole proceedings until the party changes it.
/// Electronic service needs consent for the document's kind and the matching electronic address.
/// </summary>
public sealed record AddressConfirmation(
    string PostalAddress,
    string Phone,
    string? Email,
    string? PlatformAccount,
    string? DesignatedReceiver,
    IReadOnlyList<ServedDocumentKind> ElectronicConsent,
    DateOnly SignedOn)
{
    public bool ConsentsTo(ServedDocumentKind kind) => ElectronicConsent.Contains(kind);
}

/// <summary>The document a service carries, as the court issued it. <see cref="EvidenceDays"/>: the period the court set on an evidence notice.</summary>
public sealed record ServedDocument(string DocumentId, string Title, ServedDocumentKind Kind, string? Number, string? VerificationCode, int? EvidenceDays = null);
