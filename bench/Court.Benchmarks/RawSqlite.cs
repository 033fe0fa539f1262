using System.Diagnostics;
using System.Globalization;
using Microsoft.Data.Sqlite;

namespace Court.Benchmarks;

/// <summary>
/// The baseline: Microsoft.Data.Sqlite with prepared statements on one open connection, on the event store's own
/// schema with its pragmas (WAL, synchronous=FULL). No hash chain, no stream heads, no expected-version checks.
/// </summary>
internal sealed class RawSqlite : IDisposable
{
    private readonly SqliteConnection connection;

    private RawSqlite(SqliteConnection connection) => this.connection = connection;

    /// <summary>Opens a database the event store's migrations made, with the event store's own pragmas.</summary>
    public static RawSqlite Open(string path) => new(Connect(path));

    /// <summary>Commands per second, <paramref name="batch"/> commands of 3 events per durable transaction.</summary>
    public double AppendCommands(int commands, int batch)
    {
        using var insert = connection.CreateCommand();
        insert.CommandText = "INSERT INTO events (stream_id, version, event_id, type, data, metadata, recorded_at, hash) VALUES ($s, $v, $id, $t, $d, $m, $at, $h)";
        var p = new[] { "$s", "$v", "$id", "$t", "$d", "$m", "$at", "$h" }.Select(n => insert.Parameters.Add(new SqliteParameter(n, null))).ToArray();
        insert.Prepare();
        var run = Guid.NewGuid().ToString("N")[..8];
        var versions = new Dictionary<int, long>();
        var watch = Stopwatch.StartNew();
        for (var done = 0; done < commands;)
        {
            using var transaction = connection.BeginTransaction();
            insert.Transaction = transaction;
            for (var c = 0; c < batch && done < commands; c++, done++)
            {
                var stream = done % 400;
                var version = versions.GetValueOrDefault(stream, -1);
                foreach (var e in Payload.Command(done))
                {
                    p[0].Value = $"raw-{run}-{stream}";
                    p[1].Value = ++version;
                    p[2].Value = e.EventId;
                    p[3].Value = e.Type;
                    p[4].Value = e.Data;
                    p[5].Value = e.Metadata;
                    p[6].Value = 0L;
                    p[7].Value = "";
                    insert.ExecuteNonQuery();
                }

                versions[stream] = version;
            }

            transaction.Commit();
        }

        return commands / watch.Elapsed.TotalSeconds;
    }

    /// <summary>Loads per second: read every column of one stream's events, in version order.</summary>
    public double LoadStreams(int streams, int loads) => LoadStreams(connection, streams, loads, new Random(1));

    public static double LoadStreamsConcurrently(string path, int streams, int loads, int readers)
    {
        var watch = Stopwatch.StartNew();
        Parallel.For(0, readers, new ParallelOptions { MaxDegreeOfParallelism = readers }, r =>
        {
            using var connection = Connect(path);
            LoadStreams(connection, streams, loads / readers, new Random(r));
        });
        return loads / watch.Elapsed.TotalSeconds;
    }

    /// <summary>Events per second: page through the log and upsert one summary document per stream per page.</summary>
    public double Rebuild()
    {
        Execute(connection, "CREATE TABLE IF NOT EXISTS raw_documents (id TEXT PRIMARY KEY, data TEXT NOT NULL); DELETE FROM raw_documents;");
        using var read = connection.CreateCommand();
        read.CommandText = "SELECT position, stream_id, version, event_id, type, data, metadata, recorded_at, hash FROM events WHERE position > $p ORDER BY position LIMIT 2000";
        var after = read.Parameters.Add(new SqliteParameter { ParameterName = "$p", Value = 0L });
        using var upsert = connection.CreateCommand();
        upsert.CommandText = "INSERT INTO raw_documents (id, data) VALUES ($id, $d) ON CONFLICT (id) DO UPDATE SET data = excluded.data";
        var id = upsert.Parameters.Add(new SqliteParameter("$id", ""));
        var data = upsert.Parameters.Add(new SqliteParameter("$d", ""));
        var summaries = new Dictionary<string, (long Events, long LastVersion)>(StringComparer.Ordinal);
        long total = 0;
        var watch = Stopwatch.StartNew();
        while (true)
        {
            var touched = new HashSet<string>(StringComparer.Ordinal);
            using (var reader = read.ExecuteReader())
            {
                while (reader.Read())
                {
                    after.Value = reader.GetInt64(0);
                    var stream = reader.GetString(1);
                    _ = (reader.GetString(3), reader.GetString(4), reader.GetString(5), reader.GetString(6), reader.GetInt64(7), reader.GetString(8));
                    var s = summaries.GetValueOrDefault(stream);
                    summaries[stream] = (s.Events + 1, reader.GetInt64(2));
                    touched.Add(stream);
                    total++;
                }
            }

            if (touched.Count == 0)
            {
                break;
            }

            using var transaction = connection.BeginTransaction();
            upsert.Transaction = transaction;
            foreach (var stream in touched)
            {
                var (events, last) = summaries[stream];
                id.Value = stream;
                data.Value = string.Create(CultureInfo.InvariantCulture, $$"""{"id":"{{stream}}","events":{{events}},"lastVersion":{{last}}}""");
                upsert.ExecuteNonQuery();
            }

            transaction.Commit();
        }

        return total / watch.Elapsed.TotalSeconds;
    }

    public void Dispose() => connection.Dispose();

    private static double LoadStreams(SqliteConnection connection, int streams, int loads, Random random)
    {
        using var select = connection.CreateCommand();
        select.CommandText = "SELECT position, stream_id, version, event_id, type, data, metadata, recorded_at, hash FROM events WHERE stream_id = $s ORDER BY version";
        var s = select.Parameters.Add(new SqliteParameter("$s", ""));
        select.Prepare();
        var watch = Stopwatch.StartNew();
        for (var i = 0; i < loads; i++)
        {
            s.Value = $"load-{random.Next(streams)}";
            var rows = new List<(long, string, long, string, string, string, string, long, string)>();
            using var reader = select.ExecuteReader();
            while (reader.Read())
            {
                rows.Add((reader.GetInt64(0), reader.GetString(1), reader.GetInt64(2), reader.GetString(3), reader.GetString(4), reader.GetString(5), reader.GetString(6), reader.GetInt64(7), reader.GetString(8)));
            }

            if (rows.Count != 20)
            {
                throw new InvalidOperationException("short stream");
            }
        }

        return loads / watch.Elapsed.TotalSeconds;
    }

    private static SqliteConnection Connect(string path)
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = true }.ToString());
        connection.Open();
        Execute(connection, Court.Infrastructure.Persistence.SqlitePragmas.Pragmas);
        return connection;
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
