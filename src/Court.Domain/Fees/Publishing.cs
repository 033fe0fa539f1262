using System.Collections.Immutable;
using Court.Domain.Common;

namespace Court.Domain.Fees;

/// <summary>A new version of a fee schedule, in force from its effective date. The schedule carries its version.</summary>
[EventType("fees.schedule-published.v1")]
public sealed record FeeSchedulePublished(FeeSchedule Schedule, DateOnly PublishedOn, string? Note) : IDomainEvent;

/// <summary>The published versions of one schedule (one stream per schedule id).</summary>
public sealed record FeeScheduleHistory(ImmutableList<FeeSchedule> Versions) : IAggregateState<FeeScheduleHistory>
{
    public static FeeScheduleHistory Initial { get; } = new(ImmutableList<FeeSchedule>.Empty);

    public static string StreamPrefix => "fee-schedule-";

    public FeeScheduleHistory Evolve(IDomainEvent @event) => @event switch
    {
        FeeSchedulePublished published => this with { Versions = Versions.Add(published.Schedule) },
        _ => this,
    };
}

/// <summary>Publish a schedule; the version number is assigned here. The terms arrive without one.</summary>
public sealed record PublishFeeSchedule(FeeSchedule Terms, string? Note);

public static class FeeSchedulePublishing
{
    /// <summary>
    /// A schedule takes effect today or later: cases already filed were charged by the schedule then in force, so a
    /// back-dated schedule would contradict what they were told. Publishing the same terms again changes nothing.
    /// </summary>
    public static Decision Decide(FeeScheduleHistory history, PublishFeeSchedule command, DateTimeOffset now)
    {
        var terms = command.Terms;
        if (terms.Problems() is [var first, ..] problems)
        {
            return DomainError.Invalid("fees.schedule-invalid", problems.Count == 1 ? first : string.Join(" ", problems));
        }

        var today = ChinaTime.DateOf(now);
        if (terms.EffectiveFrom < today)
        {
            return new DomainError("fees.effective-date-past", $"A schedule cannot take effect before today ({today:yyyy-MM-dd}): cases already filed keep the schedule they were charged by.");
        }

        var versions = NationalFeeSchedule.BuiltIn.Where(s => s.Id == terms.Id).Concat(history.Versions).ToList();
        if (versions.Count > 0 && versions.MaxBy(v => v.Version)!.SameTermsAs(terms))
        {
            return Decision.Nothing;
        }

        var version = versions.Count == 0 ? 1 : versions.Max(v => v.Version) + 1;
        return Decision.Emit(new FeeSchedulePublished(terms with { Version = version }, today, command.Note));
    }
}
