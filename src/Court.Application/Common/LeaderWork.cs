using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Court.Application.Common;

/// <summary>
/// Background work that runs on one node at a time: the node holding the leader lock (on PostgreSQL an advisory lock,
/// on SQLite the one process). Every node serves HTTP; only the leader runs these. Register with
/// <see cref="LeaderWorkRegistration.AddLeaderWork{T}"/>. The lock avoids doing the work twice in the normal case;
/// the work must still be idempotent (conditional checkpoints, deterministic event ids), because a leader that has
/// lost its connection may run on for a moment before it notices.
/// </summary>
public interface ILeaderWork
{
    /// <summary>
    /// Runs while this node leads. <paramref name="leadership"/> is cancelled when the host stops or the lock is lost:
    /// return promptly then. Returning earlier, or throwing, restarts the work after a pause while this node still leads.
    /// </summary>
    Task RunAsync(CancellationToken leadership);
}

public static class LeaderWorkRegistration
{
    /// <summary>Registers <typeparamref name="T"/> as a singleton (resolvable by its own type, e.g. for tests) and as leader-only work.</summary>
    public static IServiceCollection AddLeaderWork<T>(this IServiceCollection services)
        where T : class, ILeaderWork
    {
        services.TryAddSingleton<T>();
        services.AddSingleton<ILeaderWork>(sp => sp.GetRequiredService<T>());
        return services;
    }
}
