using Court.Infrastructure.Persistence;
using Court.Infrastructure.Workflows;
using Microsoft.Extensions.DependencyInjection;

namespace Court.Testing;

public static class Timers
{
    /// <summary>
    /// Fires every timer due by the host's clock and waits until none is left pending. The host's own timer loop runs
    /// too and may claim a timer first; <see cref="WorkflowTimerService.RunOnceAsync"/> then skips it while the loop is
    /// still firing it, so returning after one pass would let a test read the state before the expiry was appended.
    /// Returns how many timers this call fired itself.
    /// </summary>
    public static async Task<int> FireDueTimersAsync(this IServiceProvider services, TimeSpan? timeout = null)
    {
        var timers = services.GetRequiredService<WorkflowTimerService>();
        var connections = services.GetRequiredService<ConnectionFactory>();
        var now = services.GetRequiredService<TimeProvider>().GetUtcNow().ToUnixTimeMilliseconds();
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(30));
        var fired = 0;
        while (true)
        {
            fired += await timers.RunOnceAsync(CancellationToken.None);
            await using var connection = await connections.OpenAsync();
            await using var pending = connection.Command(null, "SELECT COUNT(*) FROM timers WHERE status = @pending AND due_at <= @now")
                .With("@pending", (int)TimerStatus.Pending).With("@now", now);
            if (Convert.ToInt64(await pending.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture) == 0)
            {
                return fired;
            }

            if (DateTime.UtcNow > deadline)
            {
                var left = (await connections.ListTimersAsync()).Where(t => t.Status == TimerStatus.Pending && t.DueAt.ToUnixTimeMilliseconds() <= now);
                throw new TimeoutException("Due timers are still pending (claimed by another host, or failing to fire; see the log): "
                    + string.Join("; ", left.Select(t => $"{t.StreamId} {t.State} {t.Trigger} due {t.DueAt:O}")));
            }

            await Task.Delay(20);
        }
    }
}
