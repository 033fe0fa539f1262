using Court.Application.Projections;
using Court.Domain.Fees;

namespace Court.Application.Fees;

/// <summary>A published schedule version as the read side keeps it.</summary>
[Collection("fee-schedule-versions")]
public sealed record FeeScheduleVersionView(FeeSchedule Schedule, DateOnly PublishedOn, string PublishedBy, string? Note);

/// <summary>The catalogue every fee decision and quote uses: the shipped schedules and every published version.</summary>
public sealed class FeeSchedules(IReadModels readModels)
{
    public async Task<FeeScheduleCatalog> CatalogAsync(CancellationToken cancellationToken = default)
    {
        var published = await readModels.ListAsync<FeeScheduleVersionView>(cancellationToken: cancellationToken);
        return new FeeScheduleCatalog([.. NationalFeeSchedule.BuiltIn, .. published.Select(p => p.Schedule)]);
    }

    public async Task<IReadOnlyList<FeeScheduleVersionView>> VersionsAsync(CancellationToken cancellationToken = default)
    {
        var published = await readModels.ListAsync<FeeScheduleVersionView>(cancellationToken: cancellationToken);
        return [.. NationalFeeSchedule.BuiltIn.Select(s => new FeeScheduleVersionView(s, s.EffectiveFrom, "system", "国务院令第481号")), .. published];
    }
}

/// <summary>Keeps <see cref="FeeScheduleVersionView"/> in step with publications, in the publishing transaction.</summary>
public sealed class FeeScheduleProjection : IProjection
{
    public string Name => "fee-schedules";

    public ProjectionMode Mode => ProjectionMode.Inline;

    public bool Handles(Domain.Common.IDomainEvent @event) => @event is FeeSchedulePublished;

    public ValueTask ApplyAsync(EventEnvelope envelope, IDocumentSession session, CancellationToken cancellationToken)
    {
        var published = (FeeSchedulePublished)envelope.Event;
        var schedule = published.Schedule;
        session.Store($"{schedule.Id}/v{schedule.Version}", new FeeScheduleVersionView(schedule, published.PublishedOn, envelope.Metadata.UserId, published.Note));
        return ValueTask.CompletedTask;
    }
}
