using Court.Application.Common;
using Court.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Court.Web.Infrastructure;

/// <summary>
/// Deletes Idempotency-Keys older than <see cref="IdempotencySettings.Retention"/>, hourly by the injected clock, on
/// the leader node. A key past retention already counts as unused, so pruning only keeps the table small.
/// </summary>
public sealed partial class IdempotencyPruner(IServiceScopeFactory scopes, TimeProvider clock, IdempotencySettings settings, ILogger<IdempotencyPruner> logger) : ILeaderWork
{
    public static readonly TimeSpan Interval = TimeSpan.FromHours(1);

    /// <summary>One pass: returns how many keys were deleted.</summary>
    public async Task<int> PruneOnceAsync(CancellationToken cancellationToken)
    {
        var cutoff = clock.GetUtcNow().ToUnixTimeMilliseconds() - (long)settings.Retention.TotalMilliseconds;
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CourtDbContext>();
        return await db.IdempotencyKeys.Where(k => k.CreatedAt <= cutoff).ExecuteDeleteAsync(cancellationToken);
    }

    public async Task RunAsync(CancellationToken leadership)
    {
        while (!leadership.IsCancellationRequested)
        {
            try
            {
                await PruneOnceAsync(leadership);
                await Task.Delay(Interval, clock, leadership);
            }
            catch (OperationCanceledException) when (leadership.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                LogPruneFailed(logger, ex);
                await Task.Delay(TimeSpan.FromMinutes(1), clock, leadership);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Pruning expired Idempotency-Keys failed; it retries in a minute")]
    private static partial void LogPruneFailed(ILogger logger, Exception exception);
}
