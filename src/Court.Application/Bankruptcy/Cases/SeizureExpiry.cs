using System.Text.Json.Serialization;
using Court.Application.Bankruptcy.ReadModels;
using Court.Application.Common;
using Court.Application.Projections;
using Court.Domain.Bankruptcy;
using Court.Domain.Common;
using FluentValidation;
using Mediator;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Court.Application.Bankruptcy.Cases;

/// <summary>A seizing body renewed its seizure (续封) before expiry: it binds for another period (1/2/3 years by kind) from the renewal.</summary>
public sealed record RenewSeizure(string? DocumentNumber, DateOnly? RenewedOn) : ConditionalWrite, ICommand<Changed>, ICaseScoped
{
    [JsonIgnore]
    public string AssetId { get; init; } = "";

    [JsonIgnore]
    public string SeizureId { get; init; } = "";

    string ICaseScoped.CaseScope => CaseLink.ForAsset(AssetId);
}

/// <summary>Fired by the expiry sweep (as the system): the estate's seizures past their expiry lapse, and assets they alone bound are free.</summary>
public sealed record LapseExpiredSeizures(string EstateId) : ICommand<Changed>, ICaseScoped
{
    string ICaseScoped.CaseScope => EstateId;
}

public sealed class RenewSeizureValidator : AbstractValidator<RenewSeizure>
{
    public RenewSeizureValidator()
    {
        RuleFor(x => x.DocumentNumber).Text(100);
        RuleFor(x => x.RenewedOn).NotNull();
    }
}

public sealed class SeizureExpiryHandlers(AggregateStore store, IReadModels reads, ICallerContext caller) :
    ICommandHandler<RenewSeizure, Changed>,
    ICommandHandler<LapseExpiredSeizures, Changed>
{
    public async ValueTask<Changed> Handle(RenewSeizure command, CancellationToken cancellationToken)
    {
        var link = await reads.GetAsync<CaseLink>(CaseLink.ForAsset(command.AssetId), cancellationToken)
            ?? throw new DomainException(DomainError.NotFound("asset.not-found", "There is no such asset."));
        var renew = new EstateCommand.RenewSeizure(command.AssetId, command.SeizureId, command.DocumentNumber!.Trim(), command.RenewedOn!.Value, caller.UserId);
        var version = await store.ExecuteAsync<Estate>(link.EstateId, (state, now) => EstateDecider.Decide(state, renew, now), command.IfMatch, cancellationToken: cancellationToken);
        return new Changed(command.SeizureId, version);
    }

    public async ValueTask<Changed> Handle(LapseExpiredSeizures command, CancellationToken cancellationToken)
    {
        var lapse = new EstateCommand.LapseExpiredSeizures(caller.UserId);
        var version = await BankruptcyProcess.RetryingAsync(() => store.ExecuteAsync<Estate>(command.EstateId, (state, now) => EstateDecider.Decide(state, lapse, now), cancellationToken: cancellationToken));
        return new Changed(command.EstateId, version);
    }
}

/// <summary>
/// Seizures lapse at the end of their expiry day unless renewed (deposits 1 year, movables 2, real estate and other
/// rights 3). Every hour (by the injected clock) this sends <see cref="LapseExpiredSeizures"/> for each case holding a
/// seizure past its expiry, on the leader node. Idempotent, so a sweep repeated by a new leader is a no-op.
/// </summary>
public sealed partial class SeizureExpirySweep(IServiceScopeFactory scopes, IReadModels reads, TimeProvider clock, ILogger<SeizureExpirySweep> logger) : ILeaderWork
{
    public static readonly TimeSpan Interval = TimeSpan.FromHours(1);

    /// <summary>One pass: returns how many cases had seizures lapse.</summary>
    public async Task<int> RunOnceAsync(CancellationToken cancellationToken)
    {
        var today = CourtCalendar.DateOf(clock.GetUtcNow());
        var due = (await reads.ListAsync<CaseView>(null, cancellationToken))
            .Where(c => c.Assets.Any(a => a.Seizures.Any(s => s.Status == SeizureStatus.InForce && s.ExpiresOn < today)))
            .Select(c => c.Id)
            .ToList();
        foreach (var estateId in due)
        {
            await using var scope = scopes.CreateScopeAs(FixedCaller.System());
            await scope.ServiceProvider.GetRequiredService<ISender>().Send(new LapseExpiredSeizures(estateId), cancellationToken);
        }

        return due.Count;
    }

    public async Task RunAsync(CancellationToken leadership)
    {
        while (!leadership.IsCancellationRequested)
        {
            try
            {
                await RunOnceAsync(leadership);
                await Task.Delay(Interval, clock, leadership);
            }
            catch (OperationCanceledException) when (leadership.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                LogSweepFailed(logger, ex);
                await Task.Delay(TimeSpan.FromMinutes(1), clock, leadership);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "The seizure expiry sweep failed; it retries in a minute")]
    private static partial void LogSweepFailed(ILogger logger, Exception exception);
}
