using System.Collections.Immutable;
using Court.Domain.Common;
using Court.Domain.Fees;
using Court.Domain.Identifiers;

namespace Court.Domain.SmallClaims;

/// <summary>
/// A province's small-claims limits from a date on (CPL 2021 Art. 165): mandatory up to 50 % of the previous year's
/// average annual wage, by agreement up to twice it. The wage series differs between provinces, so the figure and
/// its basis are data. An unconfirmed period is an example until an administrator confirms it against the high
/// court's notice.
/// </summary>
public sealed record ThresholdPeriod(
    string Province,
    DateOnly EffectiveFrom,
    int WageYear,
    long AnnualWageFen,
    string WageSeries,
    bool Confirmed,
    string? Notice)
{
    public static readonly Ratio MandatoryShare = new(1, 2);
    public static readonly Ratio AgreementMultiple = new(2, 1);

    public long MandatoryLimitFen => Money.RoundHalfUp(AnnualWageFen * (decimal)MandatoryShare.Numerator / MandatoryShare.Denominator);

    public long AgreementLimitFen => AnnualWageFen * AgreementMultiple.Numerator / AgreementMultiple.Denominator;
}

/// <summary>The example thresholds shipped with the system. None is confirmed: no official Chongqing notice was found.</summary>
public static class ShippedThresholds
{
    public const string UrbanNonPrivate = "urban-non-private";

    /// <summary>
    /// Chongqing, if it uses the urban non-private wage series (as Jiangsu, Zhejiang and Hunan do). The dates are the
    /// CPL 2021's start and the first day of the month after each wage figure was published (estimates).
    /// </summary>
    public static IReadOnlyList<ThresholdPeriod> Chongqing { get; } =
    [
        new("CQ", new DateOnly(2022, 1, 1), 2020, 93_816_00, UrbanNonPrivate, false, null),
        new("CQ", new DateOnly(2022, 7, 1), 2021, 101_670_00, UrbanNonPrivate, false, null),
        new("CQ", new DateOnly(2023, 6, 1), 2022, 107_008_00, UrbanNonPrivate, false, null),
    ];

    public static IReadOnlyList<ThresholdPeriod> All { get; } = Chongqing;
}

/// <summary>An administrator confirmed a period's figure against the high court's notice.</summary>
[EventType("small-claims.threshold-confirmed.v1")]
public sealed record ThresholdConfirmed(string Province, DateOnly EffectiveFrom, string Notice) : IDomainEvent;

/// <summary>An administrator published a period (a new year's figure, or a correction of one with the same date); confirmed by publishing.</summary>
[EventType("small-claims.threshold-published.v1")]
public sealed record ThresholdPublished(ThresholdPeriod Period) : IDomainEvent;

/// <summary>A province's threshold periods: the shipped ones with what administrators confirmed and published (one stream per province).</summary>
public sealed record ThresholdTable(ImmutableList<IDomainEvent> Changes) : IAggregateState<ThresholdTable>
{
    public static ThresholdTable Initial { get; } = new(ImmutableList<IDomainEvent>.Empty);

    public static string StreamPrefix => "small-claims-thresholds-";

    public ThresholdTable Evolve(IDomainEvent @event) => @event is ThresholdConfirmed or ThresholdPublished ? this with { Changes = Changes.Add(@event) } : this;

    /// <summary>The periods of <paramref name="province"/>, oldest first; a later one with the same date replaces the earlier.</summary>
    public IReadOnlyList<ThresholdPeriod> Periods(string province)
    {
        var periods = ShippedThresholds.All.Where(p => p.Province == province).ToDictionary(p => p.EffectiveFrom);
        foreach (var change in Changes)
        {
            switch (change)
            {
                case ThresholdPublished published when published.Period.Province == province:
                    periods[published.Period.EffectiveFrom] = published.Period;
                    break;
                case ThresholdConfirmed confirmed when confirmed.Province == province && periods.TryGetValue(confirmed.EffectiveFrom, out var period):
                    periods[confirmed.EffectiveFrom] = period with { Confirmed = true, Notice = confirmed.Notice };
                    break;
            }
        }

        return [.. periods.Values.OrderBy(p => p.EffectiveFrom)];
    }

    public ThresholdPeriod? InForce(string province, DateOnly on) => Periods(province).LastOrDefault(p => p.EffectiveFrom <= on);
}

public sealed record ConfirmThreshold(string Province, DateOnly EffectiveFrom, string Notice);

public sealed record PublishThreshold(ThresholdPeriod Period);

public static class ThresholdDecisions
{
    public static Decision Decide(ThresholdTable table, ConfirmThreshold command) =>
        table.Periods(command.Province).FirstOrDefault(p => p.EffectiveFrom == command.EffectiveFrom) switch
        {
            null => DomainError.NotFound("small-claims.threshold-not-found", $"{command.Province} has no threshold taking effect on {command.EffectiveFrom:yyyy-MM-dd}."),
            { Confirmed: true } => Decision.Nothing,
            _ => Decision.Emit(new ThresholdConfirmed(command.Province, command.EffectiveFrom, command.Notice.Trim())),
        };

    public static Decision Decide(ThresholdTable table, PublishThreshold command)
    {
        var period = command.Period with { Confirmed = true };
        if (period.AnnualWageFen <= 0 || period.WageYear < 2000 || period.WageYear >= period.EffectiveFrom.Year || string.IsNullOrWhiteSpace(period.Notice))
        {
            return DomainError.Invalid("small-claims.threshold-invalid", "A threshold names a positive wage of a year before it takes effect, and the notice that set it.");
        }

        var existing = table.Periods(period.Province).FirstOrDefault(p => p.EffectiveFrom == period.EffectiveFrom);
        return existing == period ? Decision.Nothing : Decision.Emit(new ThresholdPublished(period));
    }
}
