using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Court.Testing;

/// <summary>
/// A PostgreSQL cluster of its own, for the one test that crashes the server (the shared test server must stay up
/// for the classes running beside it). Durable as in production (fsync on); initdb and the server run as the
/// postgres user when the tests run as root, as ./test.sh does.
/// </summary>
public sealed class PrivatePostgresCluster : IAsyncDisposable
{
    private readonly TempDirectory directory;
    private readonly string bin;
    private readonly int port;

    private PrivatePostgresCluster(TempDirectory directory, string bin, int port)
    {
        this.directory = directory;
        this.bin = bin;
        this.port = port;
        var data = Path.Combine(directory.Path, "data");
        var start = StartCommand(data);
        CrashCommand = string.Join(
            '\n',
            $"pid=$(head -1 {data}/postmaster.pid)",
            "pkill -9 -P \"$pid\"; kill -9 \"$pid\"",
            "while kill -0 \"$pid\" 2>/dev/null; do sleep 0.1; done",
            $"rm -f {data}/postmaster.pid {directory.Path}/.s.PGSQL.{port}.lock",
            start);
    }

    public string ConnectionString => $"Host=127.0.0.1;Port={port};Username=postgres;Database=court";

    /// <summary>A shell script that kills the server without shutdown (SIGKILL) and starts it again: crash recovery.</summary>
    public string CrashCommand { get; }

    public static async Task<PrivatePostgresCluster> StartAsync()
    {
        var bin = (Directory.Exists("/usr/lib/postgresql") ? Directory.GetDirectories("/usr/lib/postgresql").Order().Select(d => Path.Combine(d, "bin")) : [])
            .FirstOrDefault(d => File.Exists(Path.Combine(d, "initdb")))
            ?? throw new InvalidOperationException("No PostgreSQL binaries under /usr/lib/postgresql; ./test.sh installs them.");
        var directory = new TempDirectory("court-pgcluster");
        var cluster = new PrivatePostgresCluster(directory, bin, FreePort());
        var data = Path.Combine(directory.Path, "data");
        await RunAsync(AsPostgres($"chmod 755 {directory.Path}; chown postgres {directory.Path}", asRoot: true));
        await RunAsync(AsPostgres($"{bin}/initdb -D {data} -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null"));
        await RunAsync(cluster.StartCommand(data));
        await RunAsync(AsPostgres($"{bin}/psql -h 127.0.0.1 -p {cluster.port} -U postgres -c 'CREATE DATABASE court' >/dev/null"));
        return cluster;
    }

    public async ValueTask DisposeAsync()
    {
        var data = Path.Combine(directory.Path, "data");
        if (File.Exists(Path.Combine(data, "postmaster.pid")))
        {
            await RunAsync(AsPostgres($"{bin}/pg_ctl -D {data} -m immediate stop >/dev/null 2>&1 || true"));
        }

        directory.Dispose();
    }

    private static bool IsRoot => Environment.UserName == "root";

    private string StartCommand(string data) =>
        AsPostgres($"{bin}/pg_ctl -D {data} -l {directory.Path}/postgres.log -w -t 60 -o \"-p {port} -k {directory.Path} -c listen_addresses=127.0.0.1\" start >/dev/null");

    private static string AsPostgres(string command, bool asRoot = false) =>
        !IsRoot ? (asRoot ? "true" : command) : asRoot ? command : $"runuser -u postgres -- bash -c '{command.Replace("'", "'\\''", StringComparison.Ordinal)}'";

    private static async Task RunAsync(string command)
    {
        var start = new ProcessStartInfo("bash") { UseShellExecute = false, RedirectStandardError = true };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add(command);
        using var process = Process.Start(start) ?? throw new InvalidOperationException("bash did not start");
        var error = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"`{command}` exited with {process.ExitCode}: {error}");
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
