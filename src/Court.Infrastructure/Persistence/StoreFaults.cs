using Microsoft.Data.Sqlite;
using Npgsql;

namespace Court.Infrastructure.Persistence;

/// <summary>
/// Which failures mean "the store cannot be used right now" (disk full, database unreachable, restarting, busy)
/// rather than a bug: they answer 503 with Retry-After, and reads (and writes provably not applied) are retried once.
/// </summary>
public static class StoreFaults
{
    /// <summary>Seconds a client is asked to wait after a 503 for an unavailable store.</summary>
    public const int RetryAfterSeconds = 5;

    public static bool IsUnavailable(Exception? exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            switch (e)
            {
                // SQLITE_BUSY, SQLITE_LOCKED, SQLITE_IOERR, SQLITE_FULL, SQLITE_CANTOPEN.
                case SqliteException s when s.SqliteErrorCode is 5 or 6 or 10 or 13 or 14:
                    return true;
                // Connection failures, admin shutdown, too many connections, disk full (class 53), timeouts.
                case NpgsqlException n when n.IsTransient:
                    return true;
                case PostgresException p when p.SqlState.StartsWith("53", StringComparison.Ordinal) || p.SqlState.StartsWith("08", StringComparison.Ordinal) || p.SqlState.StartsWith("57P", StringComparison.Ordinal):
                    return true;
            }
        }

        return false;
    }
}
