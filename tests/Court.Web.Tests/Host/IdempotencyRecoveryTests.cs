using System.Net;
using Court.Infrastructure.Persistence;
using Court.Web.Infrastructure;
using Court.Web.Tests.Bankruptcy.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Court.Web.Tests.Host;

/// <summary>
/// A keyed request cut off by a crash (the fault seam leaves the key row as a dead host would) is not stuck behind 409:
/// once its lease runs out a retry takes the key over and ends with exactly one effect (decision 0110). Runs on
/// SQLite, and on PostgreSQL when COURT_TEST_POSTGRES is set.
/// </summary>
[Collection(nameof(IdempotencyRecoveryTests))]
public sealed class IdempotencyRecoveryTests(ApiWithOpenedCase api) : IClassFixture<ApiWithOpenedCase>
{
    private static int serial;

    private IdempotencyFaults Faults => api.Services.GetRequiredService<IdempotencyFaults>();

    private TimeSpan Lease => api.Services.GetRequiredService<IdempotencySettings>().Lease;

    [Fact]
    public async Task A_request_cut_off_after_its_command_ran_is_answered_on_retry_with_one_effect()
    {
        var admin = await api.AsAdministrator();
        var (path, body, key) = NewAsset();
        var before = await api.CountEventsAsync();

        Faults.Crash = IdempotencyCrash.AfterCommand;
        await Assert.ThrowsAnyAsync<Exception>(() => admin.PostJsonAsync(path, body, idempotencyKey: key));
        Faults.Crash = IdempotencyCrash.None;
        var written = await api.CountEventsAsync() - before;

        var whileHeld = await admin.PostJsonAsync(path, body, idempotencyKey: key);
        api.Clock.Advance(Lease + TimeSpan.FromSeconds(1));
        var retried = await admin.PostJsonAsync(path, body, idempotencyKey: key);
        var replayed = await admin.PostJsonAsync(path, body, idempotencyKey: key);

        Assert.True(written > 0, "the command ran before the crash");
        Assert.Equal(HttpStatusCode.Conflict, whileHeld.StatusCode);
        Assert.NotNull(whileHeld.Headers.RetryAfter);
        Assert.Equal(HttpStatusCode.Created, retried.StatusCode);
        Assert.Equal(before + written, await api.CountEventsAsync());
        var assetId = (await retried.ReadJsonAsync()).GetProperty("assetId").GetString();
        Assert.Equal(assetId, (await replayed.ReadJsonAsync()).GetProperty("assetId").GetString());
        Assert.Equal("true", replayed.Headers.GetValues("Idempotent-Replayed").Single());
        var events = await api.Services.GetRequiredService<Court.Application.EventStore.IEventStore>().ReadAllAsync(0, 100_000);
        Assert.Single(events, e => e.Data.Contains(assetId!, StringComparison.Ordinal) && e.Type.Contains("asset-registered", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_request_cut_off_before_its_command_ran_runs_once_on_retry()
    {
        var admin = await api.AsAdministrator();
        var (path, body, key) = NewAsset();
        var before = await api.CountEventsAsync();

        Faults.Crash = IdempotencyCrash.BeforeCommand;
        await Assert.ThrowsAnyAsync<Exception>(() => admin.PostJsonAsync(path, body, idempotencyKey: key));
        Faults.Crash = IdempotencyCrash.None;
        var afterCrash = await api.CountEventsAsync();
        api.Clock.Advance(Lease + TimeSpan.FromSeconds(1));
        var retried = await admin.PostJsonAsync(path, body, idempotencyKey: key);
        var written = await api.CountEventsAsync() - before;
        var again = await admin.PostJsonAsync(path, body, idempotencyKey: key);

        Assert.Equal(before, afterCrash);
        Assert.Equal(HttpStatusCode.Created, retried.StatusCode);
        Assert.True(written > 0);
        Assert.Equal(HttpStatusCode.Created, again.StatusCode);
        Assert.Equal(before + written, await api.CountEventsAsync());
    }

    [Fact]
    public async Task A_keyed_refusal_is_stored_and_replayed()
    {
        var admin = await api.AsAdministrator();
        var key = "refused-" + Interlocked.Increment(ref serial);
        var path = $"/api/bankruptcy-cases/{api.CaseId}/assets";
        var invalid = new { kind = "Building", description = "" };

        var first = await admin.PostJsonAsync(path, invalid, idempotencyKey: key);
        var second = await admin.PostJsonAsync(path, invalid, idempotencyKey: key);

        Assert.Equal(HttpStatusCode.BadRequest, first.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, second.StatusCode);
        Assert.Equal("true", second.Headers.GetValues("Idempotent-Replayed").Single());
        Assert.Equal(await first.Content.ReadAsStringAsync(), await second.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Unauthenticated_answers_and_token_answers_are_never_stored()
    {
        var key = "never-" + Interlocked.Increment(ref serial);
        using var anonymous = api.Anonymous();

        var unauthenticated = await anonymous.PostJsonAsync($"/api/bankruptcy-cases/{api.CaseId}/assets", Samples.Building(), idempotencyKey: key);
        var token = await anonymous.PostJsonAsync("/api/auth/token", new { username = "admin", password = Court.Application.Demo.DemoUsers.Password }, idempotencyKey: key);
        var tokenAgain = await anonymous.PostJsonAsync("/api/auth/token", new { username = "admin", password = Court.Application.Demo.DemoUsers.Password }, idempotencyKey: key);

        Assert.Equal(HttpStatusCode.Unauthorized, unauthenticated.StatusCode);
        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (token.StatusCode, tokenAgain.StatusCode));
        Assert.False(tokenAgain.Headers.Contains("Idempotent-Replayed"));
        Assert.Equal(0, await CountKeysAsync(k => k.Key.EndsWith("|" + key)));
    }

    [Fact]
    public async Task Keys_expire_after_the_retention_and_are_pruned()
    {
        var admin = await api.AsAdministrator();
        var (path, body, key) = NewAsset();
        var first = await admin.PostJsonAsync(path, body, idempotencyKey: key);
        var retention = api.Services.GetRequiredService<IdempotencySettings>().Retention;

        api.Clock.Advance(retention - TimeSpan.FromMinutes(1));
        await api.Services.GetRequiredService<IdempotencyPruner>().PruneOnceAsync(CancellationToken.None);
        var stillThere = await CountKeysAsync(k => k.Key == "admin|" + key);
        api.Clock.Advance(TimeSpan.FromMinutes(2));
        await api.Services.GetRequiredService<IdempotencyPruner>().PruneOnceAsync(CancellationToken.None);

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(TimeSpan.FromHours(24), retention);
        Assert.Equal(1, stillThere);
        Assert.Equal(0, await CountKeysAsync(k => k.Key == "admin|" + key));
    }

    private (string Path, object Body, string Key) NewAsset()
    {
        var n = Interlocked.Increment(ref serial);
        var unit = "500116001001GB00009F" + n.ToString("00000000", System.Globalization.CultureInfo.InvariantCulture);
        return ($"/api/bankruptcy-cases/{api.CaseId}/assets", Samples.Building(unit, $"库房{n}号"), $"asset-{n}-{Guid.NewGuid():N}");
    }

    private async Task<int> CountKeysAsync(System.Linq.Expressions.Expression<Func<IdempotencyRecord, bool>> where)
    {
        await using var scope = api.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<CourtDbContext>().IdempotencyKeys.CountAsync(where);
    }
}
