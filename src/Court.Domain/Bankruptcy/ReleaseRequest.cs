using System.Collections.Immutable;
using Court.Domain.Common;
using Court.Domain.Workflows;

namespace Court.Domain.Bankruptcy;

/// <summary>A seizure as the release request names it: enough to address letters and the notice without the estate.</summary>
public sealed record SeizureToRelease(
    string SeizureId,
    string SeizingBody,
    string? SeizingBodySuperior,
    string DocumentNumber,
    DateOnly SeizedOn,
    SeizureRank Rank,
    string? RegistrationReference);

public enum LetterRecipient
{
    SeizingBody,
    Superior,
}

/// <summary>A letter the court sends in the release chain: to the seizing body, then to its superior, then (after the ruling) a notification.</summary>
public sealed record ReleaseLetter(string LetterId, string SeizureId, LetterRecipient Recipient, string Addressee);

/// <summary>The states of the release workflow its code speaks of: where an escalation leads decides what it sends.</summary>
public static class ReleaseStates
{
    /// <summary>A seizing body let its deadline pass: letters go to its superior.</summary>
    public const string AwaitingSuperiors = "AwaitingSuperiors";

    /// <summary>The court's own lifting ruling is due (一裁解封).</summary>
    public const string RulingDue = "RulingDue";
}

[EventType("bankruptcy.release-requested.v1")]
public sealed record ReleaseRequested(
    string RequestId,
    string EstateId,
    string CaseNumber,
    string AssetId,
    string HoldingAgency,
    IReadOnlyList<SeizureToRelease> Seizures,
    string Reasons,
    string By,
    DateTimeOffset At) : IDomainEvent;

[EventType("bankruptcy.release-approved.v1")]
public sealed record ReleaseApproved(string RequestId, string? Note, string By, DateTimeOffset At) : IDomainEvent;

[EventType("bankruptcy.release-rejected.v1")]
public sealed record ReleaseRejected(string RequestId, string Reason, string By, DateTimeOffset At) : IDomainEvent;

[EventType("bankruptcy.release-withdrawn.v1")]
public sealed record ReleaseWithdrawn(string RequestId, string Reason, string By, DateTimeOffset At) : IDomainEvent;

/// <summary>Letters to the seizing bodies asking them to lift by <paramref name="DueOn"/>.</summary>
[EventType("bankruptcy.release-letters-sent.v1")]
public sealed record ReleaseLettersSent(string RequestId, IReadOnlyList<ReleaseLetter> Letters, DateOnly DueOn, string By, DateTimeOffset At) : IDomainEvent;

/// <summary>The seizing bodies' deadline passed: letters to their superiors, due by <paramref name="DueOn"/>.</summary>
[EventType("bankruptcy.release-escalated-to-superiors.v1")]
public sealed record ReleaseEscalatedToSuperiors(string RequestId, IReadOnlyList<ReleaseLetter> Letters, DateOnly DueOn, string By, DateTimeOffset At) : IDomainEvent;

/// <summary>The superiors' deadline passed: the court's lifting ruling is due for the seizures still in force.</summary>
[EventType("bankruptcy.release-ruling-due.v1")]
public sealed record ReleaseRulingDue(string RequestId, IReadOnlyList<string> SeizureIds, string By, DateTimeOffset At) : IDomainEvent;

[EventType("bankruptcy.seizure-lifted-by-seizing-body.v1")]
public sealed record SeizureLiftedBySeizingBody(string RequestId, string SeizureId, string Reference, DateOnly LiftedOn, string By, DateTimeOffset At) : IDomainEvent;

/// <summary>The court's lifting ruling (解封裁定) for the seizures still in force, and the notice it sends to the holding agency.</summary>
[EventType("bankruptcy.lifting-ruling-issued.v1")]
public sealed record LiftingRulingIssued(
    string RequestId,
    string RulingId,
    IReadOnlyList<string> SeizureIds,
    string NoticeId,
    string HoldingAgency,
    DateOnly IssuedOn,
    IReadOnlyList<ReleaseLetter> SeizingBodiesNotified,
    string By,
    DateTimeOffset At,
    string? EarlyReason = null) : IDomainEvent;

[EventType("bankruptcy.release-stalled.v1")]
public sealed record ReleaseStalled(string RequestId, string NoticeId, string Reason, string By, DateTimeOffset At) : IDomainEvent;

/// <summary>
/// A seizure the request names reached its expiry unrenewed while the request was open (the estate recorded
/// <see cref="SeizureLapsed"/>): it no longer binds, so nothing is asked of its seizing body any more and no later
/// letter, ruling or notice names it.
/// </summary>
[EventType("bankruptcy.release-seizure-lapsed.v1")]
public sealed record ReleaseSeizureLapsed(string RequestId, string SeizureId, DateOnly ExpiredOn, string By, DateTimeOffset At) : IDomainEvent;

/// <summary>Every seizure the request named is lifted: by its seizing body, or by the court's ruling as registered by the agency.</summary>
[EventType("bankruptcy.release-completed.v1")]
public sealed record ReleaseCompleted(string RequestId, string EstateId, string AssetId, string? RegistrationReference, DateOnly ReleasedOn, string By, DateTimeOffset At) : IDomainEvent;

/// <param name="LapsedOn">The day the seizure expired, when it lapsed while the request was open; it is then no longer to be lifted.</param>
public sealed record ReleaseSeizureState(SeizureToRelease Seizure, LiftedBy? LiftedBy, DateOnly? LapsedOn = null)
{
    public bool Outstanding => LiftedBy is null && LapsedOn is null;
}

/// <summary>One release request: the chain of DOMAIN.md §1 for the seizures it names on one asset.</summary>
public sealed record ReleaseRequest : IAggregateState<ReleaseRequest>, IWorkflowSubject
{
    public static ReleaseRequest Initial { get; } = new();

    public static string StreamPrefix => "release-request-";

    public string? Id { get; init; }

    /// <summary>Where the request is: the workflow state recorded in its stream.</summary>
    public WorkflowStateEntry? Step { get; init; }

    public bool Exists => Id is not null;

    public string EstateId { get; init; } = "";

    public string CaseNumber { get; init; } = "";

    public string AssetId { get; init; } = "";

    public string HoldingAgency { get; init; } = "";

    public string RequestedBy { get; init; } = "";

    public ImmutableList<ReleaseSeizureState> Seizures { get; init; } = [];

    public string? NoticeId { get; init; }

    public string? RulingId { get; init; }

    /// <summary>What the request's own record still asks to lift: neither lifted nor recorded as lapsed.</summary>
    public IEnumerable<ReleaseSeizureState> Outstanding => Seizures.Where(s => s.Outstanding);

    /// <summary>
    /// What a decision at <paramref name="now"/> still asks to lift: outstanding here and binding on the estate's current
    /// view of the asset. A seizure past its expiry drops out at once, not when the sweep's lapse reaches the request,
    /// so no letter, ruling or notice issued in between names it.
    /// </summary>
    public IEnumerable<ReleaseSeizureState> OutstandingAt(EstateAsset asset, DateTimeOffset now) =>
        Outstanding.Where(s => asset.Seizure(s.Seizure.SeizureId)?.InForceAt(now) == true);

    /// <summary>The seizures the latest ruling lifts: the agency's execution of its notice lifts these and no others.</summary>
    public ImmutableList<string> RuledSeizureIds { get; init; } = [];

    public int RulingCount { get; init; }

    public string? ApprovedBy { get; init; }

    /// <summary>Every letter sent so far, with the date it asked for (null for notifications).</summary>
    public ImmutableList<(ReleaseLetter Letter, DateOnly? DueOn)> Letters { get; init; } = [];

    /// <summary>The day each letter went out, by letter id: the ruling recites it.</summary>
    public ImmutableDictionary<string, DateOnly> LetterSentOn { get; init; } = ImmutableDictionary<string, DateOnly>.Empty;

    /// <summary>The superiors' deadline passed and the ruling fell due: the chain of letters is exhausted.</summary>
    public bool ChainExhausted { get; init; }

    public string? WorkflowLabel => CaseNumber;

    /// <summary>The administrator who filed it follows the letters; the holding agency executes the notice; any judge decides.</summary>
    public WorkflowAssignment? AssignmentFor(string state, string role) => role switch
    {
        "administrator" => new WorkflowAssignment(UserId: RequestedBy),
        "agency-officer" => new WorkflowAssignment(Agency: HoldingAgency),
        _ => null,
    };

    public ReleaseRequest Evolve(IDomainEvent @event) => @event switch
    {
        ReleaseRequested e => this with
        {
            Id = e.RequestId,
            EstateId = e.EstateId,
            CaseNumber = e.CaseNumber,
            AssetId = e.AssetId,
            HoldingAgency = e.HoldingAgency,
            RequestedBy = e.By,
            Seizures = [.. e.Seizures.Select(s => new ReleaseSeizureState(s, null))],
        },
        ReleaseApproved e => this with { ApprovedBy = e.By },
        ReleaseLettersSent e => this with { Letters = Letters.AddRange(e.Letters.Select(l => (l, (DateOnly?)e.DueOn))), LetterSentOn = SentOn(e.Letters, e.At) },
        ReleaseEscalatedToSuperiors e => this with { Letters = Letters.AddRange(e.Letters.Select(l => (l, (DateOnly?)e.DueOn))), LetterSentOn = SentOn(e.Letters, e.At) },
        ReleaseRulingDue => this with { ChainExhausted = true },
        SeizureLiftedBySeizingBody e => Lifted([e.SeizureId], Bankruptcy.LiftedBy.SeizingBody),
        ReleaseSeizureLapsed e => this with { Seizures = [.. Seizures.Select(s => s.Outstanding && s.Seizure.SeizureId == e.SeizureId ? s with { LapsedOn = e.ExpiredOn } : s)] },
        LiftingRulingIssued e => this with { NoticeId = e.NoticeId, RulingId = e.RulingId, RulingCount = RulingCount + 1, RuledSeizureIds = [.. e.SeizureIds] },
        ReleaseCompleted => Lifted(RuledSeizureIds, Bankruptcy.LiftedBy.CourtRuling),
        IWorkflowEvent e => this with { Step = e.Entered },
        _ => this,
    };

    private ImmutableDictionary<string, DateOnly> SentOn(IEnumerable<ReleaseLetter> letters, DateTimeOffset at) =>
        LetterSentOn.SetItems(letters.Select(l => KeyValuePair.Create(l.LetterId, CourtCalendar.DateOf(at))));

    private ReleaseRequest Lifted(IReadOnlyCollection<string> ids, LiftedBy how) =>
        this with { Seizures = [.. Seizures.Select(s => s.Outstanding && ids.Contains(s.Seizure.SeizureId) ? s with { LiftedBy = how } : s)] };
}

public abstract record ReleaseCommand
{
    private ReleaseCommand()
    {
    }

    /// <summary>The administrator asks for the release of <paramref name="SeizureIds"/> on <paramref name="Asset"/> (the estate's current view of it).</summary>
    public sealed record Request(string RequestId, Estate Estate, EstateAsset Asset, IReadOnlyList<string> SeizureIds, string Reasons, string By) : ReleaseCommand;

    /// <summary>The judge approves; letters go out due by <paramref name="LettersDueOn"/> (the deadline of the state approval enters, from the pinned definition).</summary>
    public sealed record Approve(string? Note, DateOnly LettersDueOn, string By) : ReleaseCommand;

    public sealed record Reject(string Reason, string By) : ReleaseCommand;

    public sealed record Withdraw(string Reason, string By) : ReleaseCommand;

    /// <summary>
    /// Fired by the deadline timer; escalates only when the current step's deadline has passed. What it sends depends
    /// on the state the definition leads it to (<paramref name="Entering"/>): letters to the superiors due by
    /// <paramref name="DueOn"/>, or the ruling falls due.
    /// </summary>
    /// <remarks><paramref name="Asset"/> is the estate's current view of the asset: a seizure past its expiry is not escalated.</remarks>
    public sealed record EscalateOverdue(string? Entering, DateOnly? DueOn, EstateAsset Asset, string By) : ReleaseCommand;

    public sealed record RecordSeizingBodyLift(string SeizureId, string Reference, DateOnly LiftedOn, string By) : ReleaseCommand;

    /// <summary>The estate recorded that a seizure the request names lapsed on <paramref name="ExpiredOn"/> (sent by the process manager).</summary>
    public sealed record RecordSeizureLapse(string SeizureId, DateOnly ExpiredOn, string By) : ReleaseCommand;

    /// <summary>The judge issues the lifting ruling (numbered after the ones before it); its notice goes to the holding agency.</summary>
    /// <remarks>
    /// Before the chain is exhausted (the superiors' deadline passed) the judge may still rule, but only as a recorded
    /// decision with <paramref name="EarlyReason"/>; the ruling's recital then says so instead of claiming letters went unanswered.
    /// <paramref name="Asset"/> is the estate's current view of the asset: the ruling lifts only what binds it on the day.
    /// </remarks>
    public sealed record IssueRuling(EstateAsset Asset, string By, string? EarlyReason = null) : ReleaseCommand;

    public sealed record RecordRegistryExecution(string NoticeId, string RegistrationReference, DateOnly ExecutedOn, string By) : ReleaseCommand;

    public sealed record RecordRegistryFailure(string NoticeId, string Reason, string By) : ReleaseCommand;
}

/// <summary>
/// Pure decisions on a release request's data. Which step may happen in which state, by whom, and what a repeat
/// means is the workflow definition's (workflows/bankruptcy-asset-release.v*.json); the runtime asks the decider only
/// for a step the definition permits now.
/// </summary>
public static class ReleaseDecider
{
    public static Decision Decide(ReleaseRequest state, ReleaseCommand command, DateTimeOffset now) => (state.Exists, command) switch
    {
        (false, ReleaseCommand.Request c) => Request(c, now),
        (true, ReleaseCommand.Request c) => c.RequestId == state.Id ? Decision.Nothing : DomainError.Conflict("release.id-taken", "This release request id is taken."),
        (false, _) => DomainError.NotFound("release.not-found", "There is no such release request."),
        (_, ReleaseCommand.Approve c) => Approve(state, c, now),
        (_, ReleaseCommand.Reject c) => Decision.Emit(new ReleaseRejected(state.Id!, c.Reason, c.By, now)),
        (_, ReleaseCommand.Withdraw c) => Decision.Emit(new ReleaseWithdrawn(state.Id!, c.Reason, c.By, now)),
        (_, ReleaseCommand.EscalateOverdue c) => Escalate(state, c, now),
        (_, ReleaseCommand.RecordSeizingBodyLift c) => LiftBySeizingBody(state, c, now),
        (_, ReleaseCommand.RecordSeizureLapse c) => Lapse(state, c, now),
        (_, ReleaseCommand.IssueRuling c) => IssueRuling(state, c, now),
        (_, ReleaseCommand.RecordRegistryExecution c) when c.NoticeId == state.NoticeId =>
            Decision.Emit(new ReleaseCompleted(state.Id!, state.EstateId, state.AssetId, c.RegistrationReference, c.ExecutedOn, c.By, now)),
        (_, ReleaseCommand.RecordRegistryFailure c) when c.NoticeId == state.NoticeId =>
            Decision.Emit(new ReleaseStalled(state.Id!, c.NoticeId, c.Reason, c.By, now)),
        (_, ReleaseCommand.RecordRegistryExecution or ReleaseCommand.RecordRegistryFailure) =>
            DomainError.Conflict("release.other-notice", "The request waits for the agency's answer to another notice."),
        _ => DomainError.Conflict("release.command-unknown", $"There is no decision for {command.GetType().Name}."),
    };

    /// <summary>The id of the notice a lifting ruling sends: derived from the ruling, so issuing it again names the same notice.</summary>
    public static string NoticeIdFor(string rulingId) => DeterministicGuid.From("court:bankruptcy:notice:" + rulingId).ToString("D");

    private static Decision Request(ReleaseCommand.Request c, DateTimeOffset now)
    {
        if (!c.Estate.IsOpen)
        {
            return DomainError.NotFound("estate.not-found", "There is no such bankruptcy case.");
        }

        if (c.Asset.Transferred)
        {
            return DomainError.Conflict("asset.transferred", "The asset has been transferred; there is nothing to release.");
        }

        if (c.SeizureIds.Count == 0)
        {
            return DomainError.Invalid("release.no-seizures", "Name at least one seizure to release.");
        }

        var chosen = new List<SeizureToRelease>();
        foreach (var id in c.SeizureIds.Distinct())
        {
            switch (c.Asset.Seizure(id))
            {
                case null:
                    return DomainError.NotFound("seizure.not-found", $"The asset has no seizure {id}.");
                case { InForce: false } lifted:
                    return DomainError.Conflict("seizure.not-in-force", $"The seizure {lifted.DocumentNumber} by {lifted.SeizingBody} no longer binds; there is nothing to release.");
                case { } s:
                    chosen.Add(new SeizureToRelease(s.Id, s.SeizingBody, s.SeizingBodySuperior, s.DocumentNumber, s.SeizedOn, s.Rank, s.RegistrationReference));
                    break;
            }
        }

        return Decision.Emit(new ReleaseRequested(c.RequestId, c.Estate.Id!, c.Estate.CaseNumber, c.Asset.Id, c.Asset.HoldingAgency, chosen, c.Reasons, c.By, now));
    }

    private static Decision Approve(ReleaseRequest state, ReleaseCommand.Approve c, DateTimeOffset now)
    {
        if (c.LettersDueOn <= CourtCalendar.DateOf(now))
        {
            return DomainError.Invalid("release.deadline-not-ahead", "The seizing bodies' deadline must be after today.");
        }

        var letters = state.Seizures.Select((s, i) => new ReleaseLetter(LetterId(state, "letter", i), s.Seizure.SeizureId, LetterRecipient.SeizingBody, s.Seizure.SeizingBody)).ToList();
        return Decision.Emit(
            new ReleaseApproved(state.Id!, c.Note, c.By, now),
            new ReleaseLettersSent(state.Id!, letters, c.LettersDueOn, c.By, now));
    }

    private static Decision Escalate(ReleaseRequest state, ReleaseCommand.EscalateOverdue c, DateTimeOffset now)
    {
        if (state.Step?.DueAt is not { } due || now < due)
        {
            return Decision.Nothing;
        }

        var outstanding = state.OutstandingAt(c.Asset, now).ToList();
        switch (c.Entering)
        {
            case ReleaseStates.RulingDue:
                return Decision.Emit(new ReleaseRulingDue(state.Id!, [.. outstanding.Select(s => s.Seizure.SeizureId)], c.By, now));
            case ReleaseStates.AwaitingSuperiors when c.DueOn is { } superiorsDue:
                var letters = outstanding.Select((s, i) => new ReleaseLetter(
                    LetterId(state, "superior", i), s.Seizure.SeizureId, LetterRecipient.Superior, s.Seizure.SeizingBodySuperior ?? $"{s.Seizure.SeizingBody}的上级机关")).ToList();
                return Decision.Emit(new ReleaseEscalatedToSuperiors(state.Id!, letters, superiorsDue, c.By, now));
            default:
                return DomainError.Conflict("release.escalation-target", $"An overdue release escalates to {ReleaseStates.AwaitingSuperiors} (with a deadline) or {ReleaseStates.RulingDue}, not to '{c.Entering}'.");
        }
    }

    private static Decision LiftBySeizingBody(ReleaseRequest state, ReleaseCommand.RecordSeizingBodyLift c, DateTimeOffset now)
    {
        if (UnlessOutstanding(state, c.SeizureId) is { } answer)
        {
            return answer;
        }

        if (c.LiftedOn > CourtCalendar.DateOf(now))
        {
            return DomainError.Invalid("release.lifted-in-future", $"The lifting date {c.LiftedOn:yyyy-MM-dd} is in the future.");
        }

        var lifted = new SeizureLiftedBySeizingBody(state.Id!, c.SeizureId, c.Reference, c.LiftedOn, c.By, now);
        return state.Outstanding.Count() == 1
            ? Decision.Emit(lifted, new ReleaseCompleted(state.Id!, state.EstateId, state.AssetId, null, c.LiftedOn, c.By, now))
            : Decision.Emit(lifted);
    }

    /// <summary>
    /// A lapsed seizure drops out of the request. If it was the last one outstanding before any ruling, nothing is left
    /// to release and the request completes; after a ruling the request still waits for the agency's answer to it.
    /// </summary>
    private static Decision Lapse(ReleaseRequest state, ReleaseCommand.RecordSeizureLapse c, DateTimeOffset now)
    {
        if (UnlessOutstanding(state, c.SeizureId) is { } answer)
        {
            return answer;
        }

        var lapsed = new ReleaseSeizureLapsed(state.Id!, c.SeizureId, c.ExpiredOn, c.By, now);
        return state.Outstanding.Count() == 1 && state.RulingId is null
            ? Decision.Emit(lapsed, new ReleaseCompleted(state.Id!, state.EstateId, state.AssetId, null, c.ExpiredOn, c.By, now))
            : Decision.Emit(lapsed);
    }

    /// <summary>
    /// Null while the request still asks for <paramref name="seizureId"/> to be lifted; otherwise the answer to a report
    /// about it: not found when the request does not name it, nothing when it was already lifted or lapsed.
    /// </summary>
    private static Decision? UnlessOutstanding(ReleaseRequest state, string seizureId)
    {
        var seizure = state.Seizures.Find(s => s.Seizure.SeizureId == seizureId);
        if (seizure is null)
        {
            return DomainError.NotFound("seizure.not-in-request", $"This request does not name seizure {seizureId}.");
        }

        return seizure.Outstanding ? default(Decision?) : Decision.Nothing;
    }

    private static Decision IssueRuling(ReleaseRequest state, ReleaseCommand.IssueRuling c, DateTimeOffset now)
    {
        var early = state.ChainExhausted ? null : c.EarlyReason?.Trim();
        if (!state.ChainExhausted && string.IsNullOrEmpty(early))
        {
            return new DomainError(
                "release.ruling-before-chain-exhausted",
                "The seizing bodies and their superiors have not all let their deadlines pass. Issuing the ruling now is a decision of the judge: give its reason in 'earlyReason'.",
                ErrorKind.Unprocessable)
            {
                Field = "earlyReason",
                MessageZh = "查封机关及其上级机关的期限尚未全部届满。现在裁定解除须由审判员作出决定：请在“earlyReason”中写明理由。",
            };
        }

        var rulingId = string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{state.Id}-ruling-{state.RulingCount + 1}");
        var outstanding = state.OutstandingAt(c.Asset, now).ToList();
        if (outstanding.Count == 0)
        {
            return DomainError.Conflict("release.nothing-binds", "申请所涉查封均已解除或期限届满，无须裁定解除。", "Every seizure the request names is lifted or past its expiry; there is nothing for a ruling to lift.");
        }

        var notified = outstanding.Select((s, i) => new ReleaseLetter(LetterId(state, $"notification-{rulingId}", i), s.Seizure.SeizureId, LetterRecipient.SeizingBody, s.Seizure.SeizingBody)).ToList();
        return Decision.Emit(new LiftingRulingIssued(
            state.Id!, rulingId, [.. outstanding.Select(s => s.Seizure.SeizureId)], NoticeIdFor(rulingId), state.HoldingAgency, CourtCalendar.DateOf(now), notified, c.By, now, early));
    }

    /// <summary>Letters are named for their request, step and place, so a replayed decision names the same letters.</summary>
    private static string LetterId(ReleaseRequest state, string step, int index) =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{state.Id}-{step}-{index + 1}");
}
