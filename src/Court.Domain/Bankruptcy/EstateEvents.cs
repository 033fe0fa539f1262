using Court.Domain.Common;

namespace Court.Domain.Bankruptcy;

/// <summary>What identifies an asset, by kind. Canonical forms only; fields that do not apply to the kind are null.</summary>
public sealed record AssetIdentifiers
{
    public string? CertificateNumber { get; init; }

    public string? UnitCode { get; init; }

    public string? Location { get; init; }

    public decimal? AreaSquareMetres { get; init; }

    public string? Use { get; init; }

    public string? Plate { get; init; }

    public string? Vin { get; init; }

    public string? Bank { get; init; }

    public string? AccountNumber { get; init; }

    public string? Company { get; init; }

    public string? CompanyCreditCode { get; init; }

    public decimal? SharePercent { get; init; }

    /// <summary>The identifier that makes two registrations the same asset; null for kind Other.</summary>
    public string? KeyFor(AssetKind kind) => kind switch
    {
        AssetKind.LandUseRight or AssetKind.Building => UnitCode,
        AssetKind.Vehicle => Vin,
        AssetKind.DepositAccount => AccountNumber,
        AssetKind.Equity => CompanyCreditCode,
        _ => null,
    };
}

[EventType("bankruptcy.case-opened.v1")]
public sealed record BankruptcyCaseOpened(
    string EstateId,
    string CaseNumber,
    string CourtCode,
    string DebtorName,
    string DebtorCreditCode,
    DateOnly AcceptedOn,
    string AdministratorUserId,
    string AdministratorName,
    string By,
    DateTimeOffset At) : IDomainEvent;

[EventType("bankruptcy.asset-registered.v1")]
public sealed record AssetRegistered(
    string EstateId,
    string AssetId,
    AssetKind Kind,
    string Description,
    AssetIdentifiers Identifiers,
    string HoldingAgency,
    long EstimatedValueFen,
    string By,
    DateTimeOffset At) : IDomainEvent;

[EventType("bankruptcy.seizure-recorded.v1")]
public sealed record SeizureRecorded(
    string EstateId,
    string AssetId,
    string SeizureId,
    string SeizingBody,
    string? SeizingBodySuperior,
    string DocumentNumber,
    DateOnly SeizedOn,
    DateOnly ExpiresOn,
    SeizureRank Rank,
    string? RegistrationReference,
    string By,
    DateTimeOffset At) : IDomainEvent;

/// <summary>The queued seizure that now ranks first, because the first was lifted or lapsed.</summary>
[EventType("bankruptcy.seizure-moved-to-first.v1")]
public sealed record SeizureMovedToFirst(string EstateId, string AssetId, string SeizureId, string By, DateTimeOffset At) : IDomainEvent;

[EventType("bankruptcy.seizure-lifted.v1")]
public sealed record SeizureLifted(
    string EstateId,
    string AssetId,
    string SeizureId,
    LiftedBy How,
    string Reference,
    DateOnly LiftedOn,
    string? ReleaseRequestId,
    string By,
    DateTimeOffset At) : IDomainEvent;

/// <summary>The seizing body renewed its seizure (续封) before it expired: it binds for another period from the renewal.</summary>
[EventType("bankruptcy.seizure-renewed.v1")]
public sealed record SeizureRenewed(string EstateId, string AssetId, string SeizureId, string DocumentNumber, DateOnly RenewedOn, DateOnly ExpiresOn, string By, DateTimeOffset At) : IDomainEvent;

/// <summary>A seizure that reached its expiry without renewal no longer binds.</summary>
[EventType("bankruptcy.seizure-lapsed.v1")]
public sealed record SeizureLapsed(string EstateId, string AssetId, string SeizureId, DateOnly ExpiredOn, string By, DateTimeOffset At) : IDomainEvent;

/// <summary>No seizure binds the asset any more: it can be disposed of.</summary>
[EventType("bankruptcy.asset-freed.v1")]
public sealed record AssetFreed(string EstateId, string AssetId, string By, DateTimeOffset At) : IDomainEvent;

[EventType("bankruptcy.asset-transferred.v1")]
public sealed record AssetTransferred(string EstateId, string AssetId, string BuyerName, string RegistrationReference, DateOnly RegisteredOn, string By, DateTimeOffset At) : IDomainEvent;

/// <summary>A ruling of the case took the next ordinal of the case's ruling numbers (之<paramref name="Ordinal"/>).</summary>
[EventType("bankruptcy.ruling-numbered.v1")]
public sealed record RulingNumbered(string EstateId, string RulingId, int Ordinal, string By, DateTimeOffset At) : IDomainEvent;
