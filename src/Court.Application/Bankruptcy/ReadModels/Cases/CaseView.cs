using Court.Application.Projections;
using Court.Domain.Bankruptcy;
using Court.Domain.Calendars;

namespace Court.Application.Bankruptcy.ReadModels;

public enum SeizureStatus
{
    InForce,
    Lifted,
    Lapsed,
}

public sealed class SeizureView
{
    public string Id { get; set; } = "";

    public string SeizingBody { get; set; } = "";

    public string? SeizingBodySuperior { get; set; }

    public string DocumentNumber { get; set; } = "";

    public DateOnly SeizedOn { get; set; }

    public DateOnly ExpiresOn { get; set; }

    public SeizureRank Rank { get; set; }

    public string? RegistrationReference { get; set; }

    public SeizureStatus Status { get; set; }

    public LiftedBy? LiftedBy { get; set; }

    public string? LiftReference { get; set; }

    public DateOnly? LiftedOn { get; set; }
}

public sealed class DisposalView
{
    /// <summary>The disposal's workflow state (the same as <see cref="WorkflowState"/>; kept for the API's readers).</summary>
    public string? Stage { get; set; }

    public string? WorkflowState { get; set; }

    /// <summary>The workflow state is final in its pinned definition.</summary>
    public bool Final { get; set; }

    /// <summary>The definition version the instance is pinned to (0 in views built before it was recorded): its titles name the state.</summary>
    public int WorkflowVersion { get; set; }

    /// <summary>Whom the disposal's state waits on, per its pinned definition.</summary>
    public string? WaitsOn { get; set; }

    public DisposalMethod Method { get; set; }

    public string Platform { get; set; } = "";

    public DateOnly ScheduledOn { get; set; }

    public long ReservePriceFen { get; set; }

    public string? BuyerName { get; set; }

    public long? PriceFen { get; set; }

    public DateOnly? SoldOn { get; set; }

    public string? RulingId { get; set; }

    public string? NoticeId { get; set; }

    public string? TransferReference { get; set; }

    public DateOnly? TransferredOn { get; set; }

    public long Version { get; set; } = -1;
}

public sealed class AssetView
{
    public string Id { get; set; } = "";

    public AssetKind Kind { get; set; }

    public string Description { get; set; } = "";

    public AssetIdentifiers Identifiers { get; set; } = new();

    public string HoldingAgency { get; set; } = "";

    public long EstimatedValueFen { get; set; }

    public List<SeizureView> Seizures { get; set; } = [];

    public string? ReleaseRequestId { get; set; }

    /// <summary>The workflow state of the asset's latest release request.</summary>
    public string? ReleaseStage { get; set; }

    /// <summary>The definition version the latest release request is pinned to.</summary>
    public int ReleaseWorkflowVersion { get; set; }

    /// <summary>The latest release request has not reached a final state.</summary>
    public bool ReleaseOpen { get; set; }

    public DateTimeOffset? ReleaseDueAt { get; set; }

    /// <summary>Whom the release request's state waits on, per its pinned definition.</summary>
    public string? ReleaseWaitsOn { get; set; }

    public DateOnly? ReleaseDueOn => WorkingDayCalendar.LastDayOf(ReleaseDueAt);

    public string? NoticeId { get; set; }

    public DisposalView? Disposal { get; set; }

    public bool Transferred { get; set; }

    /// <summary>
    /// Where the asset stands: the recorded workflow state of the process that holds it (see <see cref="StateSource"/>),
    /// or <c>Seized</c> / <c>Free</c> when none does. Computed by <see cref="AssetStanding"/>.
    /// </summary>
    public string State { get; set; } = AssetStanding.Free;

    /// <summary>Which workflow's definition names <see cref="State"/> (its title comes from that definition's pinned version).</summary>
    public StandingSource StateSource { get; set; }

    public List<Blocker> BlockedBy { get; set; } = [];

    /// <summary>The asset may be disposed of: nothing binds it and no disposal was scheduled.</summary>
    public bool IsFree => StateSource == StandingSource.None && State == AssetStanding.Free;

    /// <summary>
    /// For a reader at <paramref name="now"/> (queries pass the clock): a seizure past its expiry reads as lapsed, and the
    /// state and blockers follow, before the hourly sweep records <see cref="SeizureLapsed"/>. Never called by the
    /// projection: the stored status stays what the log says, which is what the sweep looks for.
    /// </summary>
    public AssetView AsOf(DateTimeOffset now)
    {
        foreach (var expired in Seizures.Where(s => s.Status == SeizureStatus.InForce && CourtCalendar.IsPast(s.ExpiresOn, now)))
        {
            (expired.Status, expired.LiftedOn) = (SeizureStatus.Lapsed, expired.ExpiresOn);
        }

        Refresh(now);
        return this;
    }

    /// <summary>Recomputes <see cref="State"/> and <see cref="BlockedBy"/> from the facts above as of <paramref name="now"/>, by the domain's rule.</summary>
    public void Refresh(DateTimeOffset now)
    {
        var standing = AssetStanding.Of(
            Id,
            HoldingAgency,
            Seizures.Select(s => new StandingSeizure(s.SeizingBody, s.SeizingBodySuperior, s.DocumentNumber, s.Rank, s.SeizedOn, s.ExpiresOn, s.Status == SeizureStatus.InForce)),
            ReleaseRequestId is null ? null : new StandingRelease(ReleaseRequestId, ReleaseStage, ReleaseOpen, ReleaseDueAt, NoticeId, ReleaseWaitsOn),
            Disposal is null ? null : new StandingDisposal(Disposal.WorkflowState, Disposal.Final, Disposal.NoticeId, Disposal.WaitsOn),
            Transferred,
            now);
        (State, StateSource, BlockedBy) = (standing.State, standing.Source, [.. standing.BlockedBy]);
    }
}

/// <summary>
/// A bankruptcy case as the court and its administrator see it. Partition: the appointed administrator's user id.
/// Listed by last change, case number and acceptance date, filtered by court, searched by number, debtor and firm.
/// </summary>
[Collection("bankruptcy.cases")]
public sealed class CaseView : IListed
{
    /// <summary>Last changed first when descending (the case list's default).</summary>
    public const string SortByChanged = "changed";

    /// <summary>By year, court and type, then serial as a number (so 破10号 follows 破9号).</summary>
    public const string SortByNumber = "number";

    public const string SortByAccepted = "accepted";

    public const string CourtKey = "court";

    public string Id { get; set; } = "";

    public string CaseNumber { get; set; } = "";

    public string CourtCode { get; set; } = "";

    public string DebtorName { get; set; } = "";

    public string DebtorCreditCode { get; set; } = "";

    public DateOnly AcceptedOn { get; set; }

    public string AdministratorUserId { get; set; } = "";

    public string AdministratorName { get; set; } = "";

    public DateTimeOffset OpenedAt { get; set; }

    public string OpenedBy { get; set; } = "";

    /// <summary>The estate stream's version: the ETag for writes to the case.</summary>
    public long Version { get; set; }

    public DateTimeOffset LastChangedAt { get; set; }

    public List<AssetView> Assets { get; set; } = [];

    public List<string> ReleaseRequestIds { get; set; } = [];

    public List<string> NoticeIds { get; set; } = [];

    public List<string> AgendaItemIds { get; set; } = [];

    public long EstimatedValueFen => Assets.Sum(a => a.EstimatedValueFen);

    public AssetView? Asset(string id) => Assets.Find(a => a.Id == id);

    public IEnumerable<ListKey> ListKeys() =>
    [
        ListKey.Time(SortByChanged, LastChangedAt),
        Domain.Identifiers.CaseNumber.Parse(CaseNumber) is { IsValid: true } parsed
            ? ListKey.Of(SortByNumber, ListKey.Encode(parsed.Value.Year), parsed.Value.Court.Code, parsed.Value.Type.Code, ListKey.Encode(parsed.Value.Serial))
            : ListKey.Text(SortByNumber, CaseNumber),
        ListKey.Date(SortByAccepted, AcceptedOn),
        ListKey.Text(CourtKey, CourtCode),
        ListKey.Search(CaseNumber, DebtorName, DebtorCreditCode, AdministratorName),
    ];

    /// <summary>The case as a reader at <paramref name="now"/> sees it (<see cref="AssetView.AsOf"/> on each asset).</summary>
    public CaseView AsOf(DateTimeOffset now)
    {
        Assets.ForEach(a => a.AsOf(now));
        return this;
    }
}

/// <summary>Which case a release request, notice, disposal or agenda item belongs to (ids never move, so this is safe to read while rebuilding).</summary>
[Collection("bankruptcy.links")]
public sealed record CaseLink(string EstateId, string? AssetId)
{
    public static string ForAsset(string assetId) => "asset:" + assetId;

    public static string ForRequest(string requestId) => "release-request:" + requestId;

    public static string ForNotice(string noticeId) => "notice:" + noticeId;

    public static string ForAgendaItem(string itemId) => "agenda-item:" + itemId;
}
