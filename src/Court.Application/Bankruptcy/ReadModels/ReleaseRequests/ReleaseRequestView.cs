using Court.Application.Projections;
using Court.Domain.Bankruptcy;
using Court.Domain.Calendars;

namespace Court.Application.Bankruptcy.ReadModels;

public sealed class RequestSeizureView
{
    public string SeizureId { get; set; } = "";

    public string SeizingBody { get; set; } = "";

    public string? SeizingBodySuperior { get; set; }

    public string DocumentNumber { get; set; } = "";

    public DateOnly SeizedOn { get; set; }

    public SeizureRank Rank { get; set; }

    public LiftedBy? LiftedBy { get; set; }

    public string? LiftReference { get; set; }

    /// <summary>The day the seizure expired, when it lapsed while the request was open: it is no longer to be lifted.</summary>
    public DateOnly? LapsedOn { get; set; }
}

public sealed record LetterView(string LetterId, string SeizureId, LetterRecipient Recipient, string Addressee, DateOnly? DueOn, DateTimeOffset SentAt);

/// <summary>
/// A release request: the judge's approval queue and the administrator's follow-up. Partition: the estate id.
/// Listed open first, then by due time and filing time (<c>due</c>), or by filing time (<c>requested</c>); filtered by
/// who must act; searched by case number, holding agency and seizing bodies.
/// </summary>
[Collection("bankruptcy.release-requests")]
public sealed class ReleaseRequestView : IListed
{
    /// <summary>Open before final, then the earliest deadline (none last), then the earliest filed: the queue's order.</summary>
    public const string SortByDue = "due";

    public const string SortByRequested = "requested";

    /// <summary>The role that must act now (absent once final): the judge's queue is this key = judge.</summary>
    public const string ResponsibleKey = "responsible";

    /// <summary>The workflow state: the meeting's figures count the requests whose ruling is due.</summary>
    public const string StageKey = "stage";

    /// <summary>How long from filing to release (ticks; absent until released): the meeting's median without the rows.</summary>
    public const string TimeToReleaseKey = "time-to-release";

    public string Id { get; set; } = "";

    public string EstateId { get; set; } = "";

    public string CaseNumber { get; set; } = "";

    public string AssetId { get; set; } = "";

    public string HoldingAgency { get; set; } = "";

    public List<RequestSeizureView> Seizures { get; set; } = [];

    public string Reasons { get; set; } = "";

    /// <summary>The request's workflow state (the same as <see cref="WorkflowState"/>; kept for the API's readers).</summary>
    public string Stage { get; set; } = "";

    public string? WorkflowState { get; set; }

    /// <summary>The definition version the instance is pinned to (0 in views built before it was recorded): its titles name the state.</summary>
    public int WorkflowVersion { get; set; }

    /// <summary>Who must act now (the role the pinned definition names for the state); null once final.</summary>
    public string? Responsible { get; set; }

    public bool IsFinal { get; set; }

    /// <summary>When the current step's deadline runs out (24:00 China time of its last day).</summary>
    public DateTimeOffset? DueAt { get; set; }

    /// <summary>The last day of the current step's deadline: the date people read as due.</summary>
    public DateOnly? DueOn => WorkingDayCalendar.LastDayOf(DueAt);

    public string RequestedBy { get; set; } = "";

    public DateTimeOffset RequestedAt { get; set; }

    public string? DecidedBy { get; set; }

    public DateTimeOffset? DecidedAt { get; set; }

    public string? RejectedReason { get; set; }

    public string? WithdrawnReason { get; set; }

    public List<LetterView> Letters { get; set; } = [];

    public string? RulingId { get; set; }

    public string? NoticeId { get; set; }

    public string? StalledReason { get; set; }

    public DateOnly? ReleasedOn { get; set; }

    public DateTimeOffset? ReleasedAt { get; set; }

    public long Version { get; set; }

    /// <summary>The bound below which a request's <c>due</c> key is an open one.</summary>
    public const string OpenBelow = "1";

    public IEnumerable<ListKey> ListKeys() =>
    [
        ListKey.Of(SortByDue, IsFinal ? "1" : "0", ListKey.Encode(DueAt), ListKey.Encode(RequestedAt)),
        ListKey.Time(SortByRequested, RequestedAt),
        ListKey.Text(ResponsibleKey, Responsible),
        ListKey.Text(StageKey, Stage),
        ListKey.Number(TimeToReleaseKey, ReleasedAt is { } released ? (released - RequestedAt).Ticks : null),
        ListKey.Search([CaseNumber, HoldingAgency, .. Seizures.Select(s => s.SeizingBody)]),
    ];
}
