using System.Collections.Immutable;
using Court.Domain.Common;

namespace Court.Domain.GovernmentDebtors;

/// <summary>A named official of a flagged unit: its responsible leader (责任领导) or its handler (经办人).</summary>
public sealed record Official(string Name, string Post, string? Phone = null);

/// <summary>One leader's time in charge of the unit's debts; <see cref="Until"/> is null while in office.</summary>
public sealed record LeaderTerm(Official Leader, DateOnly From, DateOnly? Until);

/// <summary>
/// A flagged government debtor (特殊主体), one stream per credit code: its supervising unit (主管单位), responsible
/// leader and handler. Debts belong to the unit, not to a leader: a change of leader is an event here, and the unit's
/// cases are untouched by it, so ageing runs on across every change (新官也要理旧账).
/// </summary>
public sealed record GovernmentDebtor(
    bool Flagged,
    string CreditCode,
    string Name,
    SpecialPartyKind Kind,
    FlaggedBy By,
    bool IsLocalGovernment,
    string SupervisingUnit,
    Official? Handler,
    ImmutableList<LeaderTerm> Leaders) : IAggregateState<GovernmentDebtor>
{
    public static GovernmentDebtor Initial { get; } = new(false, "", "", SpecialPartyKind.GovernmentOrgan, FlaggedBy.CreditCode, false, "", null, []);

    public static string StreamPrefix => "government-debtor-";

    public Official? Leader => Leaders.LastOrDefault(t => t.Until is null)?.Leader;

    /// <summary>The leaders who held office at any time from <paramref name="since"/> (e.g. the day a judgment took effect) to now.</summary>
    public IReadOnlyList<LeaderTerm> LeadersSince(DateOnly since) => [.. Leaders.Where(t => t.Until is null || t.Until >= since)];

    public GovernmentDebtor Evolve(IDomainEvent @event) => @event switch
    {
        GovernmentDebtorFlagged e => this with
        {
            Flagged = true,
            CreditCode = e.CreditCode,
            Name = e.Name,
            Kind = e.Kind,
            By = e.By,
            IsLocalGovernment = e.IsLocalGovernment,
            SupervisingUnit = e.SupervisingUnit,
            Handler = e.Handler,
            Leaders = e.Leader is null ? [] : [new LeaderTerm(e.Leader, e.FlaggedOn, null)],
        },
        ResponsibleLeaderChanged e => this with
        {
            Leaders = Leaders.Select(t => t.Until is null ? t with { Until = e.ChangedOn } : t).ToImmutableList().Add(new LeaderTerm(e.To, e.ChangedOn, null)),
        },
        HandlerChanged e => this with { Handler = e.To },
        SupervisingUnitChanged e => this with { SupervisingUnit = e.To },
        _ => this,
    };
}

[EventType("government-debtor.flagged.v1")]
public sealed record GovernmentDebtorFlagged(
    string CreditCode,
    string Name,
    SpecialPartyKind Kind,
    FlaggedBy By,
    bool IsLocalGovernment,
    string SupervisingUnit,
    Official? Leader,
    Official? Handler,
    DateOnly FlaggedOn) : IDomainEvent;

/// <summary>A new responsible leader took over the unit's debts on <see cref="ChangedOn"/>; the debts stay with the unit.</summary>
[EventType("government-debtor.leader-changed.v1")]
public sealed record ResponsibleLeaderChanged(string CreditCode, Official? From, Official To, DateOnly ChangedOn, string? Reason) : IDomainEvent;

[EventType("government-debtor.handler-changed.v1")]
public sealed record HandlerChanged(string CreditCode, Official? From, Official To, DateOnly ChangedOn) : IDomainEvent;

[EventType("government-debtor.supervising-unit-changed.v1")]
public sealed record SupervisingUnitChanged(string CreditCode, string From, string To, DateOnly ChangedOn, string? Reason) : IDomainEvent;

public abstract record GovernmentDebtorCommand;

/// <summary>Flags a unit on its first case; later cases of the same unit find it flagged and change nothing.</summary>
public sealed record FlagGovernmentDebtor(
    string CreditCode,
    string Name,
    SpecialPartyFlag Flag,
    bool IsLocalGovernment,
    string SupervisingUnit,
    Official? Leader,
    Official? Handler) : GovernmentDebtorCommand;

public sealed record ChangeResponsibleLeader(Official To, DateOnly? ChangedOn, string? Reason) : GovernmentDebtorCommand;

public sealed record ChangeHandler(Official To, DateOnly? ChangedOn) : GovernmentDebtorCommand;

public sealed record ChangeSupervisingUnit(string To, DateOnly? ChangedOn, string? Reason) : GovernmentDebtorCommand;

public static class GovernmentDebtorDecider
{
    public static Decision Decide(GovernmentDebtor state, GovernmentDebtorCommand command, DateOnly today) => (state.Flagged, command) switch
    {
        (false, FlagGovernmentDebtor flag) => Decision.Emit(new GovernmentDebtorFlagged(
            flag.CreditCode, flag.Name.Trim(), flag.Flag.Kind, flag.Flag.By, flag.IsLocalGovernment, flag.SupervisingUnit.Trim(), flag.Leader, flag.Handler, today)),
        (true, FlagGovernmentDebtor) => Decision.Nothing,
        (false, _) => DomainError.NotFound("government-debtor.not-flagged", "该单位不是已标注的政府机关被执行人。", "This unit is not a flagged government debtor."),
        (true, ChangeResponsibleLeader change) => ChangeLeader(state, change, today),
        (true, ChangeHandler change) => state.Handler == change.To
            ? Decision.Nothing
            : OnOrBefore(change.ChangedOn, today) ?? Decision.Emit(new HandlerChanged(state.CreditCode, state.Handler, change.To, change.ChangedOn ?? today)),
        (true, ChangeSupervisingUnit change) => change.To.Trim() == state.SupervisingUnit
            ? Decision.Nothing
            : OnOrBefore(change.ChangedOn, today) ?? Decision.Emit(new SupervisingUnitChanged(state.CreditCode, state.SupervisingUnit, change.To.Trim(), change.ChangedOn ?? today, change.Reason)),
        _ => DomainError.Conflict("government-debtor.unknown-command", "政府机关被执行人不能进行此项操作。", $"Cannot {command.GetType().Name} on a government debtor."),
    };

    private static Decision ChangeLeader(GovernmentDebtor state, ChangeResponsibleLeader change, DateOnly today)
    {
        if (state.Leader == change.To)
        {
            return Decision.Nothing;
        }

        var on = change.ChangedOn ?? today;
        if (OnOrBefore(on, today) is { } future)
        {
            return future;
        }

        if (state.Leaders.LastOrDefault() is { } current && on < current.From)
        {
            return DomainError.Invalid("government-debtor.leader-change-before-current", $"{current.Leader.Name}于 {current.From:yyyy-MM-dd} 到任，继任者不能早于此日接任。", $"{current.Leader.Name} took office on {current.From:yyyy-MM-dd}; a successor cannot take over before that.");
        }

        return Decision.Emit(new ResponsibleLeaderChanged(state.CreditCode, state.Leader, change.To, on, change.Reason));
    }

    private static DomainError? OnOrBefore(DateOnly? on, DateOnly today) =>
        on > today ? DomainError.Invalid("government-debtor.change-in-future", "变更须在发生之日或之后记录，不能提前记录。", "A change is recorded on or after the day it happened, not before.") : null;
}
