using System.Diagnostics;
using System.Net;
using Court.Infrastructure.Persistence;
using Court.Web.Infrastructure;
using Court.Web.Tests.Bankruptcy.Support;
using Microsoft.AspNetCore.Http;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Court.Web.Tests.Host;

/// <summary>A court on PostgreSQL whatever COURT_TEST_POSTGRES says: the faults below are PostgreSQL's.</summary>
public sealed class PostgresCourt : BankruptcyApi
{
    protected override DatabaseProvider? Provider => DatabaseProvider.PostgreSql;

    public string ConnectionString => Data.Settings["ConnectionStrings:Court"]!;
}

/// <summary>Decision 0112: readiness tells the truth quickly, an unavailable store answers 503, a restart costs no request.</summary>
public sealed class StoreFaultTests(PostgresCourt court) : IClassFixture<PostgresCourt>
{
    [Fact]
    public async Task Readiness_fails_fast_with_retry_after_while_postgres_cannot_write()
    {
        using var client = court.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/ready")).StatusCode);

        // A hung server, as far as a writer can tell: the probe's table is locked by a transaction that does not end.
        await using var blocker = new NpgsqlConnection(court.ConnectionString);
        await blocker.OpenAsync();
        await using var transaction = await blocker.BeginTransactionAsync();
        await using (var command = new NpgsqlCommand("LOCK TABLE projection_checkpoints IN ACCESS EXCLUSIVE MODE", blocker, transaction))
        {
            await command.ExecuteNonQueryAsync();
        }

        var watch = Stopwatch.StartNew();
        var response = await client.GetAsync("/health/ready");
        watch.Stop();
        await transaction.RollbackAsync();

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.NotNull(response.Headers.RetryAfter);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(8), $"took {watch.Elapsed}");
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/ready")).StatusCode);
    }

    [Fact]
    public async Task After_the_server_drops_every_connection_the_first_read_succeeds()
    {
        var clerk = await court.AsClerk();
        Assert.Equal(HttpStatusCode.OK, (await clerk.GetAsync("/api/bankruptcy-cases")).StatusCode);

        // What a PostgreSQL restart does to the pool: every connection the host holds is gone.
        await TerminateConnectionsAsync();
        var read = await clerk.GetAsync("/api/bankruptcy-cases");

        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
    }

    [Theory]
    [InlineData("(2022)渝0116破31号", null)]
    [InlineData("(2022)渝0116破32号", "store-fault-write-1")]
    public async Task After_the_server_drops_every_connection_the_first_write_succeeds_once(string caseNumber, string? idempotencyKey)
    {
        var caseId = await court.OpenCaseAsync(caseNumber);
        var administrator = await court.AsAdministrator();
        if (idempotencyKey is not null)
        {
            administrator.DefaultRequestHeaders.Add("Idempotency-Key", idempotencyKey);
        }

        await TerminateConnectionsAsync();
        var write = await administrator.PostJsonAsync($"/api/bankruptcy-cases/{caseId}/assets", Samples.Building("500116001001GB00001F00310001", "办公楼一栋"));

        Assert.True(write.StatusCode == HttpStatusCode.Created, await write.Content.ReadAsStringAsync());
        var assets = await (await administrator.GetAsync($"/api/bankruptcy-cases/{caseId}")).ReadJsonAsync(HttpStatusCode.OK);
        Assert.Single(assets.GetProperty("assets").EnumerateArray(), a => a.GetProperty("description").GetString() == "办公楼一栋");
    }

    [Theory]
    [InlineData(13)] // SQLITE_FULL: the disk is full
    [InlineData(10)] // SQLITE_IOERR
    public void A_full_disk_or_an_io_error_is_503_with_retry_after_and_not_stored_under_a_key(int sqliteCode)
    {
        var context = new DefaultHttpContext();
        var fault = new InvalidOperationException("append failed", new SqliteException("database or disk is full", sqliteCode));

        var problem = ProblemMapping.ToProblem(context, fault);

        Assert.Equal(StatusCodes.Status503ServiceUnavailable, problem?.Status);
        Assert.False(IdempotencyMiddleware.IsStored(StatusCodes.Status503ServiceUnavailable, fault));
    }

    [Fact]
    public void Postgres_unavailable_is_503()
    {
        var problem = ProblemMapping.ToProblem(new DefaultHttpContext(), new NpgsqlException("Failed to connect", new System.Net.Sockets.SocketException(111)));

        Assert.Equal(StatusCodes.Status503ServiceUnavailable, problem?.Status);
    }

    private async Task TerminateConnectionsAsync()
    {
        var database = new NpgsqlConnectionStringBuilder(court.ConnectionString).Database;
        await using var admin = new NpgsqlConnection(await Court.Testing.PostgresServer.GetAdminConnectionStringAsync());
        await admin.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE datname = @d AND pid <> pg_backend_pid()", admin);
        command.Parameters.AddWithValue("d", database!);
        await command.ExecuteScalarAsync();
    }
}
