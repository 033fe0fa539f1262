using System.Collections.Immutable;
using Court.Domain.Common;
using Court.Domain.Workflows;

namespace Court.Domain.Bankruptcy;

public enum NoticeAction
{
    /// <summary>解除查封 / 解除冻结: lift the seizure (vehicles, accounts, equity).</summary>
    LiftSeizure,

    /// <summary>注销查封登记: the registry cancels its registration of the seizure.</summary>
    CancelSeizureRegistration,

    /// <summary>协助办理过户: transfer to the named buyer after the sale-confirmation ruling.</summary>
    TransferToBuyer,
}

public enum NoticePurpose
{
    Release,
    Transfer,
}

/// <summary>What an assisted-enforcement notice (协助执行通知书) says (DOMAIN.md §1). The document number and verification code are the documents service's.</summary>
public sealed record NoticeContent(
    string CourtCode,
    string CourtName,
    string CaseNumber,
    string AddresseeAgency,
    string AddresseeName,
    string RulingId,
    string RulingNumber,
    DateOnly RulingDate,
    string DebtorName,
    string DebtorCreditCode,
    AssetKind AssetKind,
    string AssetDescription,
    AssetIdentifiers Asset,
    IReadOnlyList<SeizureToRelease> Seizures,
    NoticeAction Action,
    string? BuyerName,
    string? BuyerIdNumber,
    long? PriceFen,
    string Contact,
    DateOnly IssuedOn);

[EventType("bankruptcy.notice-issued.v1")]
public sealed record AssistedEnforcementNoticeIssued(
    string NoticeId,
    NoticePurpose Purpose,
    string SourceId,
    string EstateId,
    string AssetId,
    string DocumentNumber,
    NoticeContent Content,
    DateOnly AcknowledgeBy,
    string By,
    DateTimeOffset At) : IDomainEvent;

/// <summary>Receipt confirmed; the execution period runs from here to <paramref name="ExecuteBy"/>.</summary>
[EventType("bankruptcy.notice-acknowledged.v1")]
public sealed record NoticeAcknowledged(string NoticeId, string Agency, DateOnly ExecuteBy, string By, DateTimeOffset At) : IDomainEvent;

[EventType("bankruptcy.notice-executed.v1")]
public sealed record NoticeExecuted(string NoticeId, string Agency, string RegistrationReference, DateOnly ExecutedOn, string By, DateTimeOffset At) : IDomainEvent;

/// <summary>The agency's written doubt, sent to the judge. It does not stop the notice (DOMAIN.md §1).</summary>
[EventType("bankruptcy.notice-queried.v1")]
public sealed record NoticeQueried(string NoticeId, string QueryId, string Agency, string Text, string By, DateTimeOffset At) : IDomainEvent;

[EventType("bankruptcy.notice-query-answered.v1")]
public sealed record NoticeQueryAnswered(string NoticeId, string QueryId, string Answer, string By, DateTimeOffset At) : IDomainEvent;

[EventType("bankruptcy.notice-cannot-be-executed.v1")]
public sealed record NoticeCannotBeExecuted(string NoticeId, string Agency, string Reason, string By, DateTimeOffset At) : IDomainEvent;

[EventType("bankruptcy.notice-acknowledgement-overdue.v1")]
public sealed record NoticeAcknowledgementOverdue(string NoticeId, string Agency, DateOnly DueOn, string By, DateTimeOffset At) : IDomainEvent;

[EventType("bankruptcy.notice-execution-overdue.v1")]
public sealed record NoticeExecutionOverdue(string NoticeId, string Agency, DateOnly DueOn, string By, DateTimeOffset At) : IDomainEvent;

/// <summary>An assisted-enforcement notice to one agency: its own stream, so the agency's work never contends with the court's.</summary>
public sealed record Notice : IAggregateState<Notice>, IWorkflowSubject
{
    public static Notice Initial { get; } = new();

    public static string StreamPrefix => "notice-";

    public string? Id { get; init; }

    /// <summary>Where the notice is: the workflow state recorded in its stream.</summary>
    public WorkflowStateEntry? Step { get; init; }

    public bool Exists => Id is not null;

    public NoticePurpose Purpose { get; init; }

    public string SourceId { get; init; } = "";

    public string EstateId { get; init; } = "";

    public string AssetId { get; init; } = "";

    public string Agency { get; init; } = "";

    public DateOnly IssuedOn { get; init; }

    public DateOnly AcknowledgeBy { get; init; }

    public DateOnly? ExecuteBy { get; init; }

    public string DocumentNumber { get; init; } = "";

    public string? RegistrationReference { get; init; }

    public string? CannotExecuteReason { get; init; }

    /// <summary>Query id → answer (null while unanswered).</summary>
    public ImmutableDictionary<string, string?> Queries { get; init; } = ImmutableDictionary<string, string?>.Empty;

    public bool IsOpen => Step is { IsFinal: false };

    public string CaseNumber { get; init; } = "";

    public string? WorkflowLabel => CaseNumber;

    /// <summary>The asset the notice concerns, as the notice describes it.</summary>
    public string AssetDescription { get; init; } = "";

    /// <summary>The notice's number and its asset: an agency with several notices of one case tells them apart by these.</summary>
    public string? TaskSubject => DocumentNumber.Length == 0 ? null : $"{DocumentNumber} {AssetDescription}".Trim();

    /// <summary>Only the addressee's officers see the notice's tasks.</summary>
    public WorkflowAssignment? AssignmentFor(string state, string role) => new(Agency: Agency);

    public Notice Evolve(IDomainEvent @event) => @event switch
    {
        AssistedEnforcementNoticeIssued e => this with
        {
            Id = e.NoticeId,
            Purpose = e.Purpose,
            SourceId = e.SourceId,
            EstateId = e.EstateId,
            AssetId = e.AssetId,
            Agency = e.Content.AddresseeAgency,
            CaseNumber = e.Content.CaseNumber,
            IssuedOn = e.Content.IssuedOn,
            AcknowledgeBy = e.AcknowledgeBy,
            DocumentNumber = e.DocumentNumber,
            AssetDescription = e.Content.AssetDescription,
        },
        NoticeAcknowledged e => this with { ExecuteBy = e.ExecuteBy },
        NoticeExecuted e => this with { RegistrationReference = e.RegistrationReference },
        NoticeCannotBeExecuted e => this with { CannotExecuteReason = e.Reason },
        NoticeQueried e => this with { Queries = Queries.SetItem(e.QueryId, null) },
        NoticeQueryAnswered e => this with { Queries = Queries.SetItem(e.QueryId, e.Answer) },
        IWorkflowEvent e => this with { Step = e.Entered },
        _ => this,
    };
}

public abstract record NoticeCommand
{
    private NoticeCommand()
    {
    }

    /// <summary>Delivers the numbered notice; it must be acknowledged by <paramref name="AcknowledgeBy"/> (computed on the working-day calendar).</summary>
    public sealed record Issue(string NoticeId, NoticePurpose Purpose, string SourceId, string EstateId, string AssetId, string DocumentNumber, NoticeContent Content, DateOnly AcknowledgeBy, string By) : NoticeCommand;

    /// <summary>The addressee confirms receipt; it must then execute by <paramref name="ExecuteBy"/>.</summary>
    public sealed record Acknowledge(string Agency, DateOnly ExecuteBy, string By) : NoticeCommand;

    public sealed record Execute(string Agency, string RegistrationReference, DateOnly ExecutedOn, string By) : NoticeCommand;

    public sealed record Query(string QueryId, string Agency, string Text, string By) : NoticeCommand;

    public sealed record AnswerQuery(string QueryId, string Answer, string By) : NoticeCommand;

    public sealed record ReportCannotExecute(string Agency, string Reason, string By) : NoticeCommand;

    /// <summary>Fired by the deadline timer: records the deadline that has passed (acknowledging, or executing once acknowledged).</summary>
    public sealed record FlagOverdue(string By) : NoticeCommand;
}

/// <summary>
/// Pure decisions on a notice's data. Which step may happen in which state, and what a repeat means, is the
/// workflow definition's (workflows/bankruptcy-assisted-enforcement-notice.v*.json).
/// </summary>
public static class NoticeDecider
{
    public static Decision Decide(Notice state, NoticeCommand command, DateTimeOffset now) => (state.Exists, command) switch
    {
        (false, NoticeCommand.Issue c) => Issue(c, now),
        (true, NoticeCommand.Issue c) => c.NoticeId == state.Id ? Decision.Nothing : DomainError.Conflict("notice.id-taken", "This notice id is taken."),
        (false, _) => DomainError.NotFound("notice.not-found", "There is no such notice."),

        // The addressee alone acts on a notice; to anyone else it does not exist.
        (_, NoticeCommand.Acknowledge { Agency: var a }) when a != state.Agency => NotYours(),
        (_, NoticeCommand.Execute { Agency: var a }) when a != state.Agency => NotYours(),
        (_, NoticeCommand.Query { Agency: var a }) when a != state.Agency => NotYours(),
        (_, NoticeCommand.ReportCannotExecute { Agency: var a }) when a != state.Agency => NotYours(),

        (_, NoticeCommand.Acknowledge c) => Decision.Emit(new NoticeAcknowledged(state.Id!, c.Agency, c.ExecuteBy, c.By, now)),
        (_, NoticeCommand.Execute c) => Execute(state, c, now),
        (_, NoticeCommand.ReportCannotExecute c) => Decision.Emit(new NoticeCannotBeExecuted(state.Id!, c.Agency, c.Reason, c.By, now)),

        // A query is a message to the judge, not a veto: allowed in every state and changes none.
        (_, NoticeCommand.Query c) when state.Queries.ContainsKey(c.QueryId) => Decision.Nothing,
        (_, NoticeCommand.Query c) => Decision.Emit(new NoticeQueried(state.Id!, c.QueryId, c.Agency, c.Text, c.By, now)),

        (_, NoticeCommand.AnswerQuery c) => Answer(state, c, now),

        (_, NoticeCommand.FlagOverdue c) => FlagOverdue(state, c, now),

        _ => DomainError.Conflict("notice.command-unknown", $"There is no decision for {command.GetType().Name}."),
    };

    private static DomainError NotYours() => DomainError.NotFound("notice.not-found", "There is no such notice.");

    private static Decision Issue(NoticeCommand.Issue c, DateTimeOffset now)
    {
        if (c.AcknowledgeBy < c.Content.IssuedOn)
        {
            return DomainError.Invalid("notice.deadlines", "A notice cannot be due for acknowledgement before it is issued.");
        }

        if (c.Content.Action == NoticeAction.TransferToBuyer && string.IsNullOrWhiteSpace(c.Content.BuyerName))
        {
            return DomainError.Invalid("notice.buyer-missing", "A transfer notice names the buyer.");
        }

        return Decision.Emit(new AssistedEnforcementNoticeIssued(c.NoticeId, c.Purpose, c.SourceId, c.EstateId, c.AssetId, c.DocumentNumber, c.Content, c.AcknowledgeBy, c.By, now));
    }

    private static Decision Execute(Notice state, NoticeCommand.Execute c, DateTimeOffset now)
    {
        if (c.ExecutedOn > CourtCalendar.DateOf(now))
        {
            return DomainError.Invalid("notice.executed-in-future", $"The execution date {c.ExecutedOn:yyyy-MM-dd} is in the future.") with { Field = "executedOn" };
        }

        if (c.ExecutedOn < state.IssuedOn)
        {
            return DomainError.Invalid("notice.executed-before-issue", $"The notice was issued on {state.IssuedOn:yyyy-MM-dd}; it cannot have been executed on {c.ExecutedOn:yyyy-MM-dd}.") with { Field = "executedOn" };
        }

        return Decision.Emit(new NoticeExecuted(state.Id!, c.Agency, c.RegistrationReference, c.ExecutedOn, c.By, now));
    }

    private static Decision Answer(Notice state, NoticeCommand.AnswerQuery c, DateTimeOffset now) => state.Queries.TryGetValue(c.QueryId, out var answer) switch
    {
        false => DomainError.NotFound("notice.query-not-found", $"The notice has no query {c.QueryId}."),
        true when answer is null => Decision.Emit(new NoticeQueryAnswered(state.Id!, c.QueryId, c.Answer, c.By, now)),
        true when answer == c.Answer => Decision.Nothing,
        _ => DomainError.Conflict("notice.query-answered", "The query has already been answered."),
    };

    private static Decision FlagOverdue(Notice state, NoticeCommand.FlagOverdue c, DateTimeOffset now) => state.ExecuteBy switch
    {
        null when CourtCalendar.IsPast(state.AcknowledgeBy, now) => Decision.Emit(new NoticeAcknowledgementOverdue(state.Id!, state.Agency, state.AcknowledgeBy, c.By, now)),
        { } executeBy when CourtCalendar.IsPast(executeBy, now) => Decision.Emit(new NoticeExecutionOverdue(state.Id!, state.Agency, executeBy, c.By, now)),
        _ => Decision.Nothing,
    };
}
