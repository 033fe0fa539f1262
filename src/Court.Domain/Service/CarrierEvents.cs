namespace Court.Domain.Service;

/// <summary>What the carrier (or, for electronic service, the sending system) reports about one item.</summary>
public enum CarrierEventKind
{
    Accepted,
    OutForDelivery,
    AttemptFailed,

    /// <summary>The carrier tried to reach the recipient by phone or other means; <see cref="CarrierEvent.ContactReached"/> says whether it did.</summary>
    ContactAttempted,
    Delivered,
    Refused,
    Returned,

    /// <summary>Electronic service: the message reached the recipient's system (platform inbox, phone, mail server).</summary>
    ReachedSystem,

    /// <summary>Electronic service: the recipient's system refused the message.</summary>
    Bounced,
}

/// <summary>Who signed the receipt, as the carrier records it (SPC 2004 rules on court express, Art. 7; CPL Art. 88).</summary>
public enum SignerRelationship
{
    Recipient,

    /// <summary>法定代理人 of a person, or 法定代表人 of an organisation.</summary>
    LegalRepresentative,
    Guardian,
    OrganisationHead,
    OrganisationOffice,
    MailRoom,
    DutyRoom,
    LitigationAgent,
    DesignatedReceiver,

    /// <summary>An adult family member living with the recipient.</summary>
    CohabitingFamilyMember,
    Other,
}

/// <summary>Why the carrier sent an item back (改退批条).</summary>
public enum ReturnReason
{
    /// <summary>The address the recipient gave is wrong: the return date is the service date, if the recipient confirmed that address.</summary>
    WrongAddress,

    /// <summary>The recipient moved without telling the court: the return date is the service date.</summary>
    MovedWithoutNotice,

    /// <summary>The recipient refused to sign: the return date is the service date.</summary>
    RefusedToSign,

    /// <summary>Nobody there to take it: allowed only after 3 attempts within 5 days and a failed contact by phone.</summary>
    NotDelivered,

    /// <summary>No such person or organisation at the address.</summary>
    AddresseeUnknown,

    /// <summary>Deceased, or the organisation was dissolved.</summary>
    AddresseeGone,
    Other,
}

/// <summary>
/// One report from the carrier. <see cref="CarrierEventId"/> is the carrier's own id: the same report arriving twice
/// is one event. <see cref="Reference"/> is the waybill number (or, for electronic service, the message reference).
/// <see cref="OccurredAt"/> is the carrier's time, which orders events; arrival order means nothing.
/// </summary>
public sealed record CarrierEvent(
    string CarrierEventId,
    string Carrier,
    string Reference,
    CarrierEventKind Kind,
    DateTimeOffset OccurredAt,
    string? Note = null,
    ReturnReason? ReturnReason = null,
    string? SignerName = null,
    SignerRelationship? Relationship = null,
    string? SignerIdNumber = null,
    bool? ContactReached = null);
