using Court.Domain.Fees;
using Mediator;

namespace Court.Application.Fees.Schedules;

/// <summary>Every schedule version, newest first, and which of them charge a case of each procedure filed on <see cref="On"/> (today when absent).</summary>
public sealed record ListFeeSchedules(DateOnly? On = null) : IQuery<FeeScheduleList>;

public sealed record FeeScheduleVersionItem(FeeSchedule Schedule, DateOnly PublishedOn, string PublishedBy, string? Note, bool InForce, IReadOnlyList<string> ChargesProcedures);

public sealed record FeeScheduleList(DateOnly On, string Court, IReadOnlyList<FeeScheduleVersionItem> Versions);

public sealed class ListFeeSchedulesHandler(FeeSchedules schedules, TimeProvider clock, FeesSettings settings) : IQueryHandler<ListFeeSchedules, FeeScheduleList>
{
    public async ValueTask<FeeScheduleList> Handle(ListFeeSchedules query, CancellationToken cancellationToken)
    {
        var on = query.On ?? ChinaTime.DateOf(clock.GetUtcNow());
        var court = settings.CourtCode;
        var catalog = await schedules.CatalogAsync(cancellationToken);
        var versions = await schedules.VersionsAsync(cancellationToken);
        var items = versions
            .OrderByDescending(v => v.Schedule.EffectiveFrom).ThenByDescending(v => v.Schedule.Version)
            .Select(v =>
            {
                var charges = Enum.GetValues<Procedure>()
                    .Where(p => catalog.InForce(FeeKind.Property, p, court, on) is { } s && s.Id == v.Schedule.Id && s.Version == v.Schedule.Version)
                    .Select(ProcedureCodes.Code).ToList();
                return new FeeScheduleVersionItem(v.Schedule, v.PublishedOn, v.PublishedBy, v.Note, catalog.CurrentVersion(v.Schedule.Id, on)?.Version == v.Schedule.Version, charges);
            })
            .ToList();
        return new FeeScheduleList(on, court, items);
    }
}
