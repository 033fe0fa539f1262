using Court.Application.Projections;
using Court.Domain.Bankruptcy;
using Court.Domain.Calendars;

namespace Court.Application.Bankruptcy.ReadModels;

/// <summary>Where an asset stands, as the administrator and the court see it.</summary>
public enum AssetState
{
    /// <summary>A seizure binds it and no release has been asked for.</summary>
    Seized,

    /// <summary>A release request waits for the judge.</summary>
    ReleaseRequested,

    /// <summary>Letters are out to the seizing bodies or their superiors.</summary>
    Releasing,

    /// <summary>The court's lifting ruling is due.</summary>
    RulingDue,

    /// <summary>The assisted-enforcement notice is with the holding agency.</summary>
    AwaitingRegistry,

    /// <summary>The agency reported it cannot execute the notice.</summary>
    ReleaseStalled,

    /// <summary>No seizure binds it; it may be disposed of.</summary>
    Free,
    DisposalScheduled,
    Unsold,
    Sold,

    /// <summary>Sale confirmed; the transfer notice is with the holding agency.</summary>
    AwaitingTransfer,
    Transferred,
}

/// <summary>One thing that stands between an asset and its disposal: who must act, on what, by when.</summary>
public sealed record Blocker(string Kind, string Party, string? Reference, DateTimeOffset? DueAt)
{
    public DateOnly? DueOn => WorkingDayCalendar.LastDayOf(DueAt);
}

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

    /// <summary>The definition version the instance is pinned to (0 in views built before it was recorded): its titles name the state.</summary>
    public int WorkflowVersion { get; set; }

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

    public DateOnly? ReleaseDueOn => WorkingDayCalendar.LastDayOf(ReleaseDueAt);

    public string? NoticeId { get; set; }

    public DisposalView? Disposal { get; set; }

    public bool Transferred { get; set; }

    public AssetState State { get; set; }

    public List<Blocker> BlockedBy { get; set; } = [];

    /// <summary>Recomputes <see cref="State"/> and <see cref="BlockedBy"/> from the facts above.</summary>
    public void Refresh()
    {
        var inForce = Seizures.Where(s => s.Status == SeizureStatus.InForce).OrderBy(s => s.Rank).ThenBy(s => s.SeizedOn).ToList();
        var blockers = new List<Blocker>();
        var open = ReleaseRequestId is not null && ReleaseOpen;
        if (Transferred || Disposal?.Stage == "Transferred")
        {
            State = AssetState.Transferred;
        }
        else if (inForce.Count > 0)
        {
            blockers.AddRange(inForce.Select(s => new Blocker(s.Rank == SeizureRank.First ? "first-seizure" : "queued-seizure", s.SeizingBody, s.DocumentNumber, null)));
            (State, var waiting) = open ? ReleaseStage switch
            {
                "Requested" => (AssetState.ReleaseRequested, new Blocker("awaiting-judge", "judge", ReleaseRequestId, null)),
                "AwaitingSeizingBodies" => (AssetState.Releasing, new Blocker("awaiting-seizing-bodies", string.Join("、", inForce.Select(s => s.SeizingBody)), ReleaseRequestId, ReleaseDueAt)),
                "AwaitingSuperiors" => (AssetState.Releasing, new Blocker("awaiting-superiors", string.Join("、", inForce.Select(s => s.SeizingBodySuperior ?? s.SeizingBody)), ReleaseRequestId, ReleaseDueAt)),
                "RulingDue" => (AssetState.RulingDue, new Blocker("ruling-due", "judge", ReleaseRequestId, null)),
                "AwaitingRegistry" => (AssetState.AwaitingRegistry, new Blocker("awaiting-agency", HoldingAgency, NoticeId, null)),
                _ => (AssetState.ReleaseStalled, new Blocker("agency-cannot-execute", HoldingAgency, NoticeId, null)),
            } : (AssetState.Seized, (Blocker?)null);
            if (waiting is not null)
            {
                blockers.Add(waiting);
            }
        }
        else
        {
            State = Disposal?.Stage switch
            {
                "Scheduled" => AssetState.DisposalScheduled,
                "Unsold" => AssetState.Unsold,
                "Sold" => AssetState.Sold,
                "Confirmed" => AssetState.AwaitingTransfer,
                _ => AssetState.Free,
            };
            if (State == AssetState.Sold)
            {
                blockers.Add(new Blocker("awaiting-sale-confirmation", "judge", Id, null));
            }
            else if (State == AssetState.AwaitingTransfer)
            {
                blockers.Add(new Blocker("awaiting-transfer", HoldingAgency, Disposal?.NoticeId, null));
            }
        }

        BlockedBy = blockers;
    }
}

/// <summary>A bankruptcy case as the court and its administrator see it. Partition: the appointed administrator's user id.</summary>
[Collection("bankruptcy.cases")]
public sealed class CaseView
{
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
