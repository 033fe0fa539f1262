using Medallion.Threading.Postgres;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Court.Infrastructure.Persistence;

/// <summary>
/// Serializes what every node does once at start (migrations, roles, demo data) across nodes sharing one database.
/// On PostgreSQL a session advisory lock of its own (its key next to the leader's and the append lock's), held on a
/// connection of its own and released when it closes, so a node killed while migrating does not block the others.
/// On SQLite one process owns the file (decision 0051): nothing to serialize.
/// </summary>
public static class StartupLock
{
    public const long Key = 7140420220414;

    /// <summary>How long a node waits for another node's start-up work before giving up.</summary>
    public static readonly TimeSpan Wait = TimeSpan.FromMinutes(10);

    public static async Task<IAsyncDisposable> AcquireAsync(IServiceProvider services, CancellationToken cancellationToken = default)
    {
        var settings = services.GetRequiredService<DatabaseSettings>();
        if (settings.Provider != DatabaseProvider.PostgreSql)
        {
            return NoLock.Instance;
        }

        var connectionString = settings.ResolveConnectionString();
        await EnsureDatabaseExistsAsync(services, cancellationToken);
        var distributedLock = new PostgresDistributedLock(new PostgresAdvisoryLockKey(Key), connectionString, o => o.UseMultiplexing(false));
        return await distributedLock.AcquireAsync(Wait, cancellationToken);
    }

    /// <summary>The lock lives in the database, so the database must exist first; two nodes creating it at once is fine.</summary>
    private static async Task EnsureDatabaseExistsAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        var creator = scope.ServiceProvider.GetRequiredService<CourtDbContext>().GetService<IRelationalDatabaseCreator>();
        if (await creator.ExistsAsync(cancellationToken))
        {
            return;
        }

        try
        {
            await creator.CreateAsync(cancellationToken);
        }
        catch (PostgresException e) when (e.SqlState is PostgresErrorCodes.DuplicateDatabase or PostgresErrorCodes.UniqueViolation)
        {
            // Another node created it this instant.
        }
    }

    private sealed class NoLock : IAsyncDisposable
    {
        public static readonly NoLock Instance = new();

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
