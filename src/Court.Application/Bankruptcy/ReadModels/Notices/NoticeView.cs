using Court.Application.Projections;
using Court.Domain.Bankruptcy;
using Court.Domain.Calendars;

namespace Court.Application.Bankruptcy.ReadModels;

public sealed class NoticeQueryView
{
    public string QueryId { get; set; } = "";

    public string Text { get; set; } = "";

    public string By { get; set; } = "";

    public DateTimeOffset At { get; set; }

    public string? Answer { get; set; }

    public string? AnsweredBy { get; set; }

    public DateTimeOffset? AnsweredAt { get; set; }
}

/// <summary>
/// An assisted-enforcement notice in its addressee's inbox. Partition: the agency code.
/// Listed open first, flagged overdue first among them, then by deadline and issue time (<c>due</c>), or by issue
/// time (<c>issued</c>); filtered by open or final; searched by document number, case number and asset.
/// </summary>
[Collection("bankruptcy.notices")]
public sealed class NoticeView : IListed
{
    /// <summary>
    /// The inbox's order: open before final; among open, those the timer flagged overdue (their state has no deadline
    /// left), then the earliest deadline; then the earliest issued.
    /// </summary>
    public const string SortByDue = "due";

    public const string SortByIssued = "issued";

    /// <summary>"open" or "final".</summary>
    public const string StateKey = "state";

    public string Id { get; set; } = "";

    public string Agency { get; set; } = "";

    public NoticePurpose Purpose { get; set; }

    public string SourceId { get; set; } = "";

    public string EstateId { get; set; } = "";

    public string AssetId { get; set; } = "";

    public string CaseNumber { get; set; } = "";

    public string DocumentNumber { get; set; } = "";

    public NoticeContent? Content { get; set; }

    /// <summary>The notice's workflow state (the same as <see cref="WorkflowState"/>; kept for the API's readers).</summary>
    public string Status { get; set; } = "";

    public string? WorkflowState { get; set; }

    /// <summary>The definition version the instance is pinned to (0 in views built before it was recorded): its titles name the state.</summary>
    public int WorkflowVersion { get; set; }

    public bool IsFinal { get; set; }

    /// <summary>When the current deadline (acknowledge or execute) runs out.</summary>
    public DateTimeOffset? DueAt { get; set; }

    /// <summary>The last day of the current deadline: the date people read as due.</summary>
    public DateOnly? DueOn => WorkingDayCalendar.LastDayOf(DueAt);

    public DateOnly AcknowledgeBy { get; set; }

    public DateOnly? ExecuteBy { get; set; }

    public DateTimeOffset IssuedAt { get; set; }

    public string IssuedBy { get; set; } = "";

    public DateTimeOffset? AcknowledgedAt { get; set; }

    public string? AcknowledgedBy { get; set; }

    public DateOnly? ExecutedOn { get; set; }

    public string? ExecutedBy { get; set; }

    public string? RegistrationReference { get; set; }

    public string? CannotExecuteReason { get; set; }

    public bool AcknowledgementOverdue { get; set; }

    public bool ExecutionOverdue { get; set; }

    public List<NoticeQueryView> Queries { get; set; } = [];

    public long Version { get; set; }

    public bool IsOpen => !IsFinal;

    public bool IsOverdueAt(DateTimeOffset now) => IsOpen && (AcknowledgementOverdue || ExecutionOverdue || (DueAt is { } due && now >= due));

    /// <summary>
    /// The bound below which a notice's <c>due</c> key is one overdue at <paramref name="now"/> (<see cref="IsOverdueAt"/>):
    /// open, and flagged (an empty deadline part) or its deadline at or before now; counted in SQL.
    /// </summary>
    public static string OverdueBelow(DateTimeOffset now) => "0\u0001" + ListKey.Encode(now) + "\u0002";

    public IEnumerable<ListKey> ListKeys() =>
    [
        // A flagged notice's missed deadline is gone from its state: an empty part sorts it before every deadline.
        ListKey.Of(SortByDue, IsOpen ? "0" : "1", IsOpen && (AcknowledgementOverdue || ExecutionOverdue) ? "" : ListKey.Encode(DueAt), ListKey.Encode(IssuedAt)),
        ListKey.Time(SortByIssued, IssuedAt),
        ListKey.Text(StateKey, IsOpen ? "open" : "final"),
        ListKey.Search(DocumentNumber, CaseNumber, Content?.AssetDescription),
    ];
}
