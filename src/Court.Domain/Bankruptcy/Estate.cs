using System.Collections.Immutable;
using Court.Domain.Common;
using Court.Domain.Identifiers;

namespace Court.Domain.Bankruptcy;

public sealed record EstateSeizure(
    string Id,
    string SeizingBody,
    string? SeizingBodySuperior,
    string DocumentNumber,
    DateOnly SeizedOn,
    DateOnly ExpiresOn,
    SeizureRank Rank,
    string? RegistrationReference,
    int Order,
    bool InForce)
{
    /// <summary>
    /// Binds the asset at <paramref name="now"/>: neither lifted nor lapsed, and not past its expiry — a seizure past its
    /// expiry no longer binds even before the sweep records <see cref="SeizureLapsed"/> (the sweep's own day rule).
    /// </summary>
    public bool InForceAt(DateTimeOffset now) => InForce && !CourtCalendar.IsPast(ExpiresOn, now);
}

public sealed record EstateAsset(
    string Id,
    AssetKind Kind,
    string Description,
    AssetIdentifiers Identifiers,
    string HoldingAgency,
    long EstimatedValueFen,
    ImmutableList<EstateSeizure> Seizures,
    bool Transferred)
{
    public bool IsFree => !Seizures.Any(s => s.InForce);

    public EstateSeizure? Seizure(string id) => Seizures.Find(s => s.Id == id);
}

/// <summary>
/// The bankruptcy estate: the case, its debtor and administrator, the inventory of assets and the seizures on them.
/// Release requests, notices and disposals live in their own streams (docs/decisions/0006-bankruptcy-aggregate-boundaries.md).
/// </summary>
public sealed record Estate : IAggregateState<Estate>
{
    public static Estate Initial { get; } = new();

    public static string StreamPrefix => "bankruptcy-case-";

    public string? Id { get; init; }

    public bool IsOpen => Id is not null;

    public string CaseNumber { get; init; } = "";

    public string DebtorName { get; init; } = "";

    public string DebtorCreditCode { get; init; } = "";

    public DateOnly AcceptedOn { get; init; }

    public string AdministratorUserId { get; init; } = "";

    public string AdministratorName { get; init; } = "";

    /// <summary>The clerk who registered the case: its documents name him as the clerk (书记员).</summary>
    public string OpenedBy { get; init; } = "";

    public ImmutableList<EstateAsset> Assets { get; init; } = [];

    /// <summary>The rulings numbered in this case, in order: the n-th is the case number with 之n (see <see cref="RulingNumbers"/>).</summary>
    public ImmutableList<string> RulingIds { get; init; } = [];

    public EstateAsset? Asset(string id) => Assets.Find(a => a.Id == id);

    public Estate Evolve(IDomainEvent @event) => @event switch
    {
        BankruptcyCaseOpened e => this with
        {
            Id = e.EstateId,
            CaseNumber = e.CaseNumber,
            DebtorName = e.DebtorName,
            DebtorCreditCode = e.DebtorCreditCode,
            AcceptedOn = e.AcceptedOn,
            AdministratorUserId = e.AdministratorUserId,
            AdministratorName = e.AdministratorName,
            OpenedBy = e.By,
        },
        AssetRegistered e => this with
        {
            Assets = Assets.Add(new EstateAsset(e.AssetId, e.Kind, e.Description, e.Identifiers, e.HoldingAgency, e.EstimatedValueFen, [], false)),
        },
        SeizureRecorded e => WithAsset(e.AssetId, a => a with
        {
            Seizures = a.Seizures.Add(new EstateSeizure(e.SeizureId, e.SeizingBody, e.SeizingBodySuperior, e.DocumentNumber, e.SeizedOn, e.ExpiresOn, e.Rank, e.RegistrationReference, a.Seizures.Count, true)),
        }),
        SeizureMovedToFirst e => WithSeizure(e.AssetId, e.SeizureId, s => s with { Rank = SeizureRank.First }),
        SeizureLifted e => WithSeizure(e.AssetId, e.SeizureId, s => s with { InForce = false }),
        SeizureLapsed e => WithSeizure(e.AssetId, e.SeizureId, s => s with { InForce = false }),
        SeizureRenewed e => WithSeizure(e.AssetId, e.SeizureId, s => s with { ExpiresOn = e.ExpiresOn }),
        AssetTransferred e => WithAsset(e.AssetId, a => a with { Transferred = true }),
        RulingNumbered e => this with { RulingIds = RulingIds.Add(e.RulingId) },
        _ => this,
    };

    private Estate WithAsset(string assetId, Func<EstateAsset, EstateAsset> change) =>
        Asset(assetId) is { } asset ? this with { Assets = Assets.Replace(asset, change(asset)) } : this;

    private Estate WithSeizure(string assetId, string seizureId, Func<EstateSeizure, EstateSeizure> change) =>
        WithAsset(assetId, a => a.Seizure(seizureId) is { } s ? a with { Seizures = a.Seizures.Replace(s, change(s)) } : a);
}

public abstract record EstateCommand
{
    private EstateCommand()
    {
    }

    public sealed record OpenCase(
        string EstateId,
        CaseNumber CaseNumber,
        string DebtorName,
        CreditCode DebtorCreditCode,
        DateOnly AcceptedOn,
        string AdministratorUserId,
        string AdministratorName,
        string By) : EstateCommand;

    public sealed record RegisterAsset(
        string AssetId,
        AssetKind Kind,
        string Description,
        AssetIdentifiers Identifiers,
        string HoldingAgency,
        Money EstimatedValue,
        string By) : EstateCommand;

    public sealed record RecordSeizure(
        string AssetId,
        string SeizureId,
        string SeizingBody,
        string? SeizingBodySuperior,
        string DocumentNumber,
        DateOnly SeizedOn,
        SeizureRank Rank,
        string? RegistrationReference,
        string By) : EstateCommand;

    /// <summary>Seizures lifted by their seizing body or by the court's ruling, as reported by the release process.</summary>
    public sealed record LiftSeizures(string AssetId, IReadOnlyList<string> SeizureIds, LiftedBy How, string Reference, DateOnly LiftedOn, string? ReleaseRequestId, string By) : EstateCommand;

    /// <summary>The seizing body renewed a seizure (续封) under <paramref name="DocumentNumber"/> on <paramref name="RenewedOn"/>.</summary>
    public sealed record RenewSeizure(string AssetId, string SeizureId, string DocumentNumber, DateOnly RenewedOn, string By) : EstateCommand;

    /// <summary>Fired by the expiry sweep: seizures past their expiry lapse.</summary>
    public sealed record LapseExpiredSeizures(string By) : EstateCommand;

    public sealed record RecordTransfer(string AssetId, string BuyerName, string RegistrationReference, DateOnly RegisteredOn, string By) : EstateCommand;

    /// <summary>Gives a ruling of this case the next ordinal (之一, 之二 …); numbering the same ruling again does nothing.</summary>
    public sealed record NumberRuling(string RulingId, string By) : EstateCommand;
}

/// <summary>The estate's decisions. Pure: state, command and the current instant in; events or the broken rule out.</summary>
public static class EstateDecider
{
    /// <summary>How long a seizure binds before it must be renewed: deposits 1 year, movables 2, real estate and other rights 3.</summary>
    public static int SeizureYears(AssetKind kind) => kind switch
    {
        AssetKind.DepositAccount => 1,
        AssetKind.Vehicle => 2,
        _ => 3,
    };

    /// <summary>The kind of agency that registers an asset of this kind; null: any agency may hold it.</summary>
    public static AgencyKind? HolderKind(AssetKind kind) => kind switch
    {
        AssetKind.LandUseRight or AssetKind.Building => AgencyKind.NaturalResources,
        AssetKind.Vehicle => AgencyKind.VehicleOffice,
        AssetKind.DepositAccount => AgencyKind.Bank,
        AssetKind.Equity => AgencyKind.MarketRegulation,
        _ => null,
    };

    public static Decision Decide(Estate state, EstateCommand command, DateTimeOffset now) => (state, command) switch
    {
        ({ IsOpen: false }, EstateCommand.OpenCase c) => Open(c, now),
        ({ IsOpen: true }, EstateCommand.OpenCase c) => Reopen(state, c),
        ({ IsOpen: false }, _) => DomainError.NotFound("estate.not-found", "There is no bankruptcy case with this id."),
        (_, EstateCommand.RegisterAsset c) => RegisterAsset(state, c, now),
        (_, EstateCommand.RecordSeizure c) => RecordSeizure(state, c, now),
        (_, EstateCommand.LiftSeizures c) => Lift(state, c, now),
        (_, EstateCommand.RenewSeizure c) => Renew(state, c, now),
        (_, EstateCommand.LapseExpiredSeizures c) => Lapse(state, c, now),
        (_, EstateCommand.RecordTransfer c) => Transfer(state, c, now),
        (_, EstateCommand.NumberRuling c) => state.RulingIds.Contains(c.RulingId)
            ? Decision.Nothing
            : Decision.Emit(new RulingNumbered(state.Id!, c.RulingId, state.RulingIds.Count + 1, c.By, now)),
        _ => DomainError.Conflict("estate.command-unknown", $"Cannot {command.GetType().Name} on a bankruptcy case."),
    };

    private static Decision Open(EstateCommand.OpenCase c, DateTimeOffset now)
    {
        if (c.CaseNumber.Type != CaseTypes.Bankruptcy)
        {
            return DomainError.Invalid("estate.case-type", $"An estate is opened under a bankruptcy case (type 破), not {c.CaseNumber.Type.Code} ({c.CaseNumber.Type.NameEn}).");
        }

        if (c.AcceptedOn > CourtCalendar.DateOf(now))
        {
            return DomainError.Invalid("estate.accepted-in-future", $"The acceptance date {c.AcceptedOn:yyyy-MM-dd} is in the future.") with { Field = "acceptedOn" };
        }

        if (c.AcceptedOn.Year < c.CaseNumber.Year)
        {
            return DomainError.Invalid("estate.accepted-before-case-year", $"The case {c.CaseNumber} was filed in {c.CaseNumber.Year}; it cannot have been accepted on {c.AcceptedOn:yyyy-MM-dd}.");
        }

        return Decision.Emit(new BankruptcyCaseOpened(
            c.EstateId, c.CaseNumber.Value, c.CaseNumber.Court.Code, c.DebtorName, c.DebtorCreditCode.Value, c.AcceptedOn, c.AdministratorUserId, c.AdministratorName, c.By, now));
    }

    private static Decision Reopen(Estate state, EstateCommand.OpenCase c) =>
        state.CaseNumber == c.CaseNumber.Value && state.DebtorCreditCode == c.DebtorCreditCode.Value && state.DebtorName == c.DebtorName
            && state.AcceptedOn == c.AcceptedOn && state.AdministratorUserId == c.AdministratorUserId && state.AdministratorName == c.AdministratorName
            ? Decision.Nothing
            : DomainError.Conflict("estate.already-opened", $"The case {state.CaseNumber} is already registered with other details.");

    private static Decision RegisterAsset(Estate state, EstateCommand.RegisterAsset c, DateTimeOffset now)
    {
        if (HolderKind(c.Kind) is { } holder && Agencies.Find(c.HoldingAgency)?.Kind != holder)
        {
            var holders = string.Join(", ", Agencies.All.Where(a => a.Kind == holder).Select(a => a.Code));
            return DomainError.Invalid("asset.holding-agency", $"A {c.Kind} asset is registered by {holders}; '{c.HoldingAgency}' does not register it.") with { Field = "holdingAgency" };
        }

        if (state.Asset(c.AssetId) is { } same)
        {
            return SameAsset(same, c) ? Decision.Nothing : DomainError.Conflict("asset.id-taken", $"Asset id {c.AssetId} is already used.");
        }

        // The same asset registered again (under a fresh id) is satisfied; the same identifier with other details is not.
        if (SameKey(state, c) is { } existing)
        {
            return SameAsset(existing, c) ? Decision.Nothing : DomainError.Conflict("asset.already-registered", $"This estate already lists that {c.Kind} ({c.Identifiers.KeyFor(c.Kind)}) as asset {existing.Id}.");
        }

        return Decision.Emit(new AssetRegistered(state.Id!, c.AssetId, c.Kind, c.Description, c.Identifiers, c.HoldingAgency, c.EstimatedValue.Fen, c.By, now));
    }

    /// <summary>The asset already registered under the command's identifier (unit code, VIN, account, company), if any.</summary>
    public static EstateAsset? SameKey(Estate state, EstateCommand.RegisterAsset c) =>
        c.Identifiers.KeyFor(c.Kind) is { } key ? state.Assets.Find(a => a.Kind == c.Kind && a.Identifiers.KeyFor(a.Kind) == key) : null;

    private static bool SameAsset(EstateAsset a, EstateCommand.RegisterAsset c) =>
        a.Kind == c.Kind && a.Description == c.Description && a.Identifiers == c.Identifiers && a.HoldingAgency == c.HoldingAgency && a.EstimatedValueFen == c.EstimatedValue.Fen;

    private static Decision RecordSeizure(Estate state, EstateCommand.RecordSeizure c, DateTimeOffset now)
    {
        if (state.Asset(c.AssetId) is not { } asset)
        {
            return DomainError.NotFound("asset.not-found", $"This estate has no asset {c.AssetId}.");
        }

        if (asset.Transferred)
        {
            return DomainError.Conflict("asset.transferred", "Cannot record a seizure on an asset that has been transferred to a buyer.");
        }

        if (c.SeizedOn > CourtCalendar.DateOf(now))
        {
            return DomainError.Invalid("seizure.in-future", $"The seizure date {c.SeizedOn:yyyy-MM-dd} is in the future.") with { Field = "seizedOn" };
        }

        if (asset.Seizures.Find(s => s.SeizingBody == c.SeizingBody && s.DocumentNumber == c.DocumentNumber) is { } known)
        {
            return known.SeizedOn == c.SeizedOn && known.Rank == c.Rank
                ? Decision.Nothing
                : DomainError.Conflict("seizure.already-recorded", $"The seizure {c.DocumentNumber} by {c.SeizingBody} is already recorded with other details.");
        }

        if (c.Rank == SeizureRank.First && asset.Seizures.Find(s => s.InForce && s.Rank == SeizureRank.First) is { } first)
        {
            return DomainError.Conflict("seizure.first-taken", $"The asset already has a first seizure in force ({first.SeizingBody}, {first.DocumentNumber}); record this one as queued.");
        }

        return Decision.Emit(new SeizureRecorded(
            state.Id!, c.AssetId, c.SeizureId, c.SeizingBody, c.SeizingBodySuperior, c.DocumentNumber, c.SeizedOn, c.SeizedOn.AddYears(SeizureYears(asset.Kind)), c.Rank, c.RegistrationReference, c.By, now));
    }

    private static Decision Lift(Estate state, EstateCommand.LiftSeizures c, DateTimeOffset now)
    {
        if (state.Asset(c.AssetId) is not { } asset)
        {
            return DomainError.NotFound("asset.not-found", $"This estate has no asset {c.AssetId}.");
        }

        if (c.SeizureIds.FirstOrDefault(id => asset.Seizure(id) is null) is { } unknown)
        {
            return DomainError.NotFound("seizure.not-found", $"The asset has no seizure {unknown}.");
        }

        var lifting = asset.Seizures.Where(s => s.InForce && c.SeizureIds.Contains(s.Id)).ToList();
        var events = lifting
            .Select(s => (IDomainEvent)new SeizureLifted(state.Id!, asset.Id, s.Id, c.How, c.Reference, c.LiftedOn, c.ReleaseRequestId, c.By, now))
            .ToList();
        return Decision.Emit([.. events, .. AfterSeizuresEnd(state, asset, lifting, c.By, now)]);
    }

    private static Decision Renew(Estate state, EstateCommand.RenewSeizure c, DateTimeOffset now)
    {
        if (state.Asset(c.AssetId) is not { } asset)
        {
            return DomainError.NotFound("asset.not-found", $"This estate has no asset {c.AssetId}.");
        }

        var expiresOn = c.RenewedOn.AddYears(SeizureYears(asset.Kind));
        return asset.Seizure(c.SeizureId) switch
        {
            null => DomainError.NotFound("seizure.not-found", $"The asset has no seizure {c.SeizureId}."),
            { InForce: true, ExpiresOn: var current } when current == expiresOn => Decision.Nothing,
            { InForce: false } => DomainError.Conflict("seizure.not-in-force", "Cannot renew a seizure that was lifted or has lapsed; record a new seizure instead."),
            { ExpiresOn: var current } when c.RenewedOn > current => DomainError.Conflict("seizure.expired", $"The seizure expired on {current:yyyy-MM-dd}; a renewal must come before expiry."),
            _ when c.RenewedOn > CourtCalendar.DateOf(now) => DomainError.Invalid("seizure.renewed-in-future", $"The renewal date {c.RenewedOn:yyyy-MM-dd} is in the future.") with { Field = "renewedOn" },
            _ => Decision.Emit(new SeizureRenewed(state.Id!, asset.Id, c.SeizureId, c.DocumentNumber, c.RenewedOn, expiresOn, c.By, now)),
        };
    }

    private static Decision Lapse(Estate state, EstateCommand.LapseExpiredSeizures c, DateTimeOffset now)
    {
        var events = new List<IDomainEvent>();
        foreach (var asset in state.Assets)
        {
            var lapsing = asset.Seizures.Where(s => s.InForce && !s.InForceAt(now)).ToList();
            events.AddRange(lapsing.Select(s => new SeizureLapsed(state.Id!, asset.Id, s.Id, s.ExpiresOn, c.By, now)));
            events.AddRange(AfterSeizuresEnd(state, asset, lapsing, c.By, now));
        }

        return Decision.Emit([.. events]);
    }

    /// <summary>When seizures end: the earliest queued one moves up if the first ended; the asset is free if none is left.</summary>
    private static IEnumerable<IDomainEvent> AfterSeizuresEnd(Estate state, EstateAsset asset, List<EstateSeizure> ending, string by, DateTimeOffset now)
    {
        if (ending.Count == 0)
        {
            yield break;
        }

        var remaining = asset.Seizures.Where(s => s.InForce && !ending.Contains(s)).ToList();
        if (remaining.Count == 0)
        {
            yield return new AssetFreed(state.Id!, asset.Id, by, now);
        }
        else if (!remaining.Any(s => s.Rank == SeizureRank.First))
        {
            var next = remaining.OrderBy(s => s.SeizedOn).ThenBy(s => s.Order).First();
            yield return new SeizureMovedToFirst(state.Id!, asset.Id, next.Id, by, now);
        }
    }

    private static Decision Transfer(Estate state, EstateCommand.RecordTransfer c, DateTimeOffset now) => state.Asset(c.AssetId) switch
    {
        null => DomainError.NotFound("asset.not-found", $"This estate has no asset {c.AssetId}."),
        { Transferred: true } => Decision.Nothing,
        { IsFree: false } => DomainError.Conflict("asset.seized", "Cannot record a transfer while a seizure still binds the asset."),
        _ => Decision.Emit(new AssetTransferred(state.Id!, c.AssetId, c.BuyerName, c.RegistrationReference, c.RegisteredOn, c.By, now)),
    };
}

/// <summary>
/// A ruling's number in its case: the case number with 之 and the ruling's ordinal in Chinese numerals,
/// e.g. （2026）渝0116破12号之一. The ordinal is the case stream's (<see cref="RulingNumbered"/>), so it is gap-free
/// and never handed out twice.
/// </summary>
public static class RulingNumbers
{
    public static string For(string caseNumber, int ordinal) => $"{caseNumber}之{Numeral(ordinal)}";

    /// <summary>1 → 一, 10 → 十, 12 → 十二, 20 → 二十, 105 → 一百零五 (as courts write the suffix).</summary>
    public static string Numeral(int n)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(n, 1);
        const string digits = "零一二三四五六七八九";
        if (n < 10)
        {
            return digits[n].ToString();
        }

        if (n < 100)
        {
            return (n / 10 == 1 ? "" : digits[n / 10].ToString()) + "十" + (n % 10 == 0 ? "" : digits[n % 10].ToString());
        }

        var rest = n % 100;
        var tail = rest == 0 ? "" : rest < 10 ? "零" + digits[rest] : (rest < 20 ? "一" : "") + Numeral(rest);
        return Numeral(n / 100) + "百" + tail;
    }
}
