using System.Collections.Concurrent;
using System.Globalization;
using Court.Application.EventStore;
using Court.Application.Projections;
using Court.Domain.Common;
using Court.Infrastructure;
using Court.Infrastructure.EventStore;
using Court.Infrastructure.Persistence;
using Court.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Court.Application.Tests.EventStore;

/// <summary>
/// The event store's contract, run against each provider on a real database. Tests share one database per class and
/// use streams of their own; a test that needs the whole log to itself makes a fresh database.
/// </summary>
public abstract class EventStoreContract(TestDatabase database)
{
    public static TheoryData<string, string, bool> ExpectedVersionMatrix => new()
    {
        { "missing", "any", true },
        { "missing", "no-stream", true },
        { "missing", "stream-exists", false },
        { "missing", "0", false },
        { "missing", "1", false },
        { "existing", "any", true },
        { "existing", "no-stream", false },
        { "existing", "stream-exists", true },
        { "existing", "1", true },
        { "existing", "0", false },
        { "existing", "5", false },
        { "deleted", "any", true },
        { "deleted", "no-stream", true },
        { "deleted", "stream-exists", false },
        { "deleted", "1", false },
        { "deleted", "0", false },
    };

    private static readonly EventTypeRegistry Registry = new([typeof(CounterOpened).Assembly]);

    // ---- expected version ------------------------------------------------------------------------------------

    [Theory]
    [MemberData(nameof(ExpectedVersionMatrix))]
    public async Task Append_honours_the_expected_version(string streamState, string expected, bool succeeds)
    {
        await using var services = await OpenAsync();
        var store = services.GetRequiredService<IEventStore>();
        var stream = NewStream();
        if (streamState != "missing")
        {
            await store.AppendToStreamAsync(stream, ExpectedVersion.NoStream, Increments(2));
        }

        if (streamState == "deleted")
        {
            await store.DeleteStreamAsync(stream, ExpectedVersion.Exactly(1));
        }

        var versionBefore = await store.GetStreamVersionAsync(stream);
        var rowsBefore = await CountRowsAsync(services, stream);
        var append = () => store.AppendToStreamAsync(stream, Parse(expected), Increments(1));

        if (succeeds)
        {
            var result = await append();
            var lastStored = streamState == "missing" ? -1 : 1;
            Assert.Equal(lastStored + 1, result.NextExpectedVersion);
            Assert.False(result.WasIdempotentReplay);
            long[] visible = streamState switch
            {
                "missing" => [0],
                "existing" => [0, 1, 2],
                _ => [2], // a deleted stream continues its versions and shows only what came after the delete
            };
            Assert.Equal(visible, (await store.ReadStreamAsync(stream)).Select(e => e.Version));
        }
        else
        {
            var error = await Assert.ThrowsAsync<WrongExpectedVersionException>(append);
            Assert.Equal(stream, error.StreamId);
            Assert.Equal(versionBefore, error.ActualVersion);
            Assert.Equal(rowsBefore, await CountRowsAsync(services, stream));
        }
    }

    [Fact]
    public async Task Deleting_at_a_stale_version_is_refused_and_keeps_the_stream()
    {
        await using var services = await OpenAsync();
        var store = services.GetRequiredService<IEventStore>();
        var stream = NewStream();
        await store.AppendToStreamAsync(stream, ExpectedVersion.NoStream, Increments(2));

        await Assert.ThrowsAsync<WrongExpectedVersionException>(() => store.DeleteStreamAsync(stream, ExpectedVersion.Exactly(0)));
        await Assert.ThrowsAsync<WrongExpectedVersionException>(() => store.DeleteStreamAsync(NewStream(), ExpectedVersion.StreamExists));

        Assert.Equal(2, (await store.ReadStreamAsync(stream)).Count);
    }

    // ---- idempotence -----------------------------------------------------------------------------------------

    [Theory]
    [InlineData("no-stream")]
    [InlineData("any")]
    public async Task Re_appending_the_same_events_at_the_same_place_succeeds_without_writing(string expected)
    {
        await using var services = await OpenAsync();
        var store = services.GetRequiredService<IEventStore>();
        var stream = NewStream();
        var events = Increments(3);
        var first = await store.AppendToStreamAsync(stream, Parse(expected), events);

        var again = await store.AppendToStreamAsync(stream, Parse(expected), events);

        Assert.True(again.WasIdempotentReplay);
        Assert.Equal(first.NextExpectedVersion, again.NextExpectedVersion);
        Assert.Equal(first.LastPosition, again.LastPosition);
        Assert.Equal(3, await CountRowsAsync(services, stream));
    }

    [Fact]
    public async Task Re_appending_a_later_append_at_its_exact_version_succeeds_without_writing()
    {
        await using var services = await OpenAsync();
        var store = services.GetRequiredService<IEventStore>();
        var stream = NewStream();
        await store.AppendToStreamAsync(stream, ExpectedVersion.NoStream, Increments(1));
        var second = Increments(2);
        await store.AppendToStreamAsync(stream, ExpectedVersion.Exactly(0), second);
        await store.AppendToStreamAsync(stream, ExpectedVersion.Exactly(2), Increments(1));

        var again = await store.AppendToStreamAsync(stream, ExpectedVersion.Exactly(0), second);

        Assert.True(again.WasIdempotentReplay);
        Assert.Equal(2, again.NextExpectedVersion);
        Assert.Equal(4, await CountRowsAsync(services, stream));
    }

    [Fact]
    public async Task Re_appending_after_the_store_is_reopened_is_still_idempotent()
    {
        var stream = NewStream();
        var events = Increments(2);
        await using (var first = await OpenAsync())
        {
            await first.GetRequiredService<IEventStore>().AppendToStreamAsync(stream, ExpectedVersion.NoStream, events);
        }

        await using var reopened = await OpenAsync();
        var again = await reopened.GetRequiredService<IEventStore>().AppendToStreamAsync(stream, ExpectedVersion.NoStream, events);

        Assert.True(again.WasIdempotentReplay);
        Assert.Equal(1, again.NextExpectedVersion);
        Assert.Equal(2, await CountRowsAsync(reopened, stream));
    }

    [Fact]
    public async Task An_event_id_stored_in_another_stream_is_a_duplicate()
    {
        await using var services = await OpenAsync();
        var store = services.GetRequiredService<IEventStore>();
        var events = Increments(1);
        var elsewhere = NewStream();
        await store.AppendToStreamAsync(elsewhere, ExpectedVersion.NoStream, events);
        var stream = NewStream();

        var error = await Assert.ThrowsAsync<DuplicateEventIdException>(() => store.AppendToStreamAsync(stream, ExpectedVersion.Any, events));

        Assert.Equal(events[0].EventId, error.EventId);
        Assert.Equal(elsewhere, error.StoredIn);
        Assert.Equal(-1, await store.GetStreamVersionAsync(stream));
    }

    [Fact]
    public async Task An_event_id_stored_at_another_version_of_the_same_stream_is_a_duplicate()
    {
        await using var services = await OpenAsync();
        var store = services.GetRequiredService<IEventStore>();
        var stream = NewStream();
        var first = Increments(1);
        await store.AppendToStreamAsync(stream, ExpectedVersion.NoStream, first);
        await store.AppendToStreamAsync(stream, ExpectedVersion.Exactly(0), Increments(1));

        await Assert.ThrowsAsync<DuplicateEventIdException>(() => store.AppendToStreamAsync(stream, ExpectedVersion.Exactly(1), first));
        await Assert.ThrowsAsync<DuplicateEventIdException>(() => store.AppendToStreamAsync(stream, ExpectedVersion.Any, [.. first, .. Increments(1)]));

        Assert.Equal(2, await CountRowsAsync(services, stream));
    }

    [Fact]
    public async Task The_same_event_id_twice_in_one_append_is_refused()
    {
        await using var services = await OpenAsync();
        var store = services.GetRequiredService<IEventStore>();
        var one = Increments(1)[0];

        await Assert.ThrowsAsync<ArgumentException>(() => store.AppendToStreamAsync(NewStream(), ExpectedVersion.Any, [one, one]));
    }

    // ---- reads -----------------------------------------------------------------------------------------------

    [Fact]
    public async Task A_stream_reads_forwards_backwards_from_a_version_and_up_to_a_count()
    {
        await using var services = await OpenAsync();
        var store = services.GetRequiredService<IEventStore>();
        var stream = NewStream();
        var events = Increments(5);
        await store.AppendToStreamAsync(stream, ExpectedVersion.NoStream, events);

        Assert.Equal(events.Select(e => e.EventId), (await store.ReadStreamAsync(stream)).Select(e => e.EventId));
        Assert.Equal([4L, 3L, 2L, 1L, 0L], (await store.ReadStreamAsync(stream, ReadDirection.Backwards, long.MaxValue)).Select(e => e.Version));
        Assert.Equal([2L, 3L, 4L], (await store.ReadStreamAsync(stream, fromVersion: 2)).Select(e => e.Version));
        Assert.Equal([1L, 2L], (await store.ReadStreamAsync(stream, fromVersion: 1, maxCount: 2)).Select(e => e.Version));
        Assert.Equal([3L, 2L], (await store.ReadStreamAsync(stream, ReadDirection.Backwards, 3, maxCount: 2)).Select(e => e.Version));
        Assert.Empty(await store.ReadStreamAsync(stream, fromVersion: 5));
        Assert.Empty(await store.ReadStreamAsync(NewStream()));
        Assert.Equal(4, await store.GetStreamVersionAsync(stream));
        Assert.Equal(-1, await store.GetStreamVersionAsync(NewStream()));
    }

    [Fact]
    public async Task A_recorded_event_keeps_everything_it_was_given()
    {
        await using var services = await OpenAsync();
        var store = services.GetRequiredService<IEventStore>();
        var stream = NewStream();
        var metadata = new EventMetadata(Guid.NewGuid(), Guid.NewGuid(), "clerk-1", Agencies.Bank.Code, new DateTimeOffset(2026, 3, 2, 8, 30, 0, TimeSpan.Zero), "bankruptcy-release", 2);
        var sent = Registry.ToEventData(new CounterOpened("法院 counter"), metadata);

        var result = await store.AppendToStreamAsync(stream, ExpectedVersion.NoStream, [sent]);

        var recorded = Assert.Single(await store.ReadStreamAsync(stream));
        Assert.Equal((result.LastPosition, stream, 0L, sent.EventId, "test.counter-opened.v1", sent.Data), (recorded.Position, recorded.StreamId, recorded.Version, recorded.EventId, recorded.Type, recorded.Data));
        Assert.Equal(metadata, EventTypeRegistry.ReadMetadata(recorded));
        Assert.Equal(new CounterOpened("法院 counter"), Registry.Deserialize(recorded));
        Assert.Equal(64, recorded.Hash.Length);
    }

    [Fact]
    public async Task The_log_reads_in_position_order_after_a_position()
    {
        await using var services = await OpenAsync();
        var store = services.GetRequiredService<IEventStore>();
        var a = NewStream();
        var b = NewStream();
        var first = await store.AppendToStreamAsync(a, ExpectedVersion.NoStream, Increments(2));
        await store.AppendToStreamAsync(b, ExpectedVersion.NoStream, Increments(2));
        await store.AppendToStreamAsync(a, ExpectedVersion.Exactly(1), Increments(1));

        var all = await store.ReadAllAsync(first.LastPosition - 2, 100);
        var tail = await store.ReadAllAsync(all[1].Position, 2);

        Assert.Equal([(a, 0L), (a, 1L), (b, 0L), (b, 1L), (a, 2L)], all.Select(e => (e.StreamId, e.Version)));
        Assert.True(all.Zip(all.Skip(1)).All(p => p.First.Position < p.Second.Position));
        Assert.Equal(all.Skip(2).Take(2).Select(e => e.EventId), tail.Select(e => e.EventId));
        Assert.Empty(await store.ReadAllAsync(all[^1].Position, 100));
    }

    // ---- soft delete -----------------------------------------------------------------------------------------

    [Fact]
    public async Task A_deleted_stream_reads_as_empty_but_stays_in_the_log()
    {
        await using var services = await OpenAsync();
        var store = services.GetRequiredService<IEventStore>();
        var stream = NewStream();
        var appended = await store.AppendToStreamAsync(stream, ExpectedVersion.NoStream, Increments(3));

        await store.DeleteStreamAsync(stream, ExpectedVersion.Exactly(2));

        Assert.Empty(await store.ReadStreamAsync(stream));
        Assert.Empty(await store.ReadStreamAsync(stream, ReadDirection.Backwards, long.MaxValue));
        Assert.Equal(-1, await store.GetStreamVersionAsync(stream));
        Assert.Equal(3, (await store.ReadAllAsync(appended.LastPosition - 3, 100)).Count(e => e.StreamId == stream));
        Assert.True((await store.VerifyAsync(stream)).IsIntact);
    }

    [Fact]
    public async Task Appending_to_a_deleted_stream_continues_its_versions_and_shows_only_the_new_events()
    {
        await using var services = await OpenAsync();
        var store = services.GetRequiredService<IEventStore>();
        var stream = NewStream();
        await store.AppendToStreamAsync(stream, ExpectedVersion.NoStream, Increments(3));
        await store.DeleteStreamAsync(stream, ExpectedVersion.Any);

        var result = await store.AppendToStreamAsync(stream, ExpectedVersion.NoStream, Increments(2));

        Assert.Equal(4, result.NextExpectedVersion);
        Assert.Equal([3L, 4L], (await store.ReadStreamAsync(stream)).Select(e => e.Version));
        Assert.Equal(4, await store.GetStreamVersionAsync(stream));
        await store.AppendToStreamAsync(stream, ExpectedVersion.Exactly(4), Increments(1));
        Assert.True((await store.VerifyAsync(stream)).IsIntact);
    }

    // ---- concurrency -----------------------------------------------------------------------------------------

    [Fact]
    public async Task Sixteen_writers_on_one_stream_leave_no_gap_and_every_loser_gets_a_concurrency_error()
    {
        await using var services = await OpenAsync();
        var store = services.GetRequiredService<IEventStore>();
        var stream = NewStream();
        await store.AppendToStreamAsync(stream, ExpectedVersion.NoStream, Increments(1));
        const int writers = 16;
        const int rounds = 8;
        var won = new ConcurrentBag<long>();
        var lost = new ConcurrentBag<WrongExpectedVersionException>();
        var other = new ConcurrentBag<Exception>();
        var readyForFirstRound = 0;
        var go = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        async Task WriteAsync()
        {
            for (var round = 0; round < rounds; round++)
            {
                var version = await store.GetStreamVersionAsync(stream);
                if (round == 0)
                {
                    // Everyone has read version 0 before anyone writes: exactly one of the first round can win.
                    if (Interlocked.Increment(ref readyForFirstRound) == writers)
                    {
                        go.SetResult();
                    }

                    await go.Task;
                }

                try
                {
                    won.Add((await store.AppendToStreamAsync(stream, ExpectedVersion.Exactly(version), Increments(1))).NextExpectedVersion);
                }
                catch (WrongExpectedVersionException conflict)
                {
                    lost.Add(conflict);
                }
                catch (Exception ex)
                {
                    other.Add(ex);
                }
            }
        }

        await Task.WhenAll(Enumerable.Range(0, writers).Select(_ => Task.Run(WriteAsync)));

        Assert.Empty(other);
        Assert.Equal(writers * rounds, won.Count + lost.Count);
        Assert.True(lost.Count >= writers - 1, $"only {lost.Count} appends lost");
        Assert.All(lost, l => Assert.True(l.ActualVersion > l.Expected.Value));
        var versions = (await store.ReadStreamAsync(stream)).Select(e => e.Version).ToList();
        Assert.Equal(Enumerable.Range(0, won.Count + 1).Select(v => (long)v), versions);
        Assert.Equal(won.Order(), versions.Skip(1));
        Assert.True((await store.VerifyAsync(stream)).IsIntact);
    }

    [Fact]
    public async Task Sixteen_writers_on_four_nodes_and_an_async_projection_count_every_event_once()
    {
        // Four stores on one database stand for four web nodes: their transactions interleave in the database, as
        // concurrent transactions do, which is where a log follower can skip an event that commits late.
        var nodes = new List<ServiceProvider>();
        for (var i = 0; i < 4; i++)
        {
            nodes.Add(await OpenAsync(s => s.AddSingleton<IProjection, EventCountProjection>()));
        }

        try
        {
            await using var daemon = await nodes[0].StartHostedServicesAsync();
            var tag = Guid.NewGuid().ToString("N");
            const int writers = 16;
            const int appendsEach = 25;
            await Task.WhenAll(Enumerable.Range(0, writers).Select(w => Task.Run(async () =>
            {
                var store = nodes[w % nodes.Count].GetRequiredService<IEventStore>();
                var stream = NewStream();
                for (var i = 0; i < appendsEach; i++)
                {
                    await store.AppendToStreamAsync(stream, i == 0 ? ExpectedVersion.NoStream : ExpectedVersion.Exactly((i * 2) - 1), Increments(2, tag));
                }
            })));

            await nodes[0].WaitForProjectionsAsync();
            var count = await nodes[0].GetRequiredService<IReadModels>().GetAsync<EventCount>(tag);

            Assert.NotNull(count);
            Assert.Equal(writers * appendsEach * 2, count.Count);
            Assert.Equal(0, count.Reapplied);
            Assert.Equal(count.Count, await CountTaggedRowsAsync(nodes[0], tag));
        }
        finally
        {
            foreach (var node in nodes)
            {
                await node.DisposeAsync();
            }
        }
    }

    // ---- group commit ----------------------------------------------------------------------------------------

    [Fact]
    public async Task In_one_batch_a_failing_append_fails_only_its_caller_and_the_others_commit()
    {
        var gate = new GateProjection();
        await using var services = await OpenAsync(s =>
        {
            s.AddSingleton<IProjection>(gate);
            s.AddSingleton<IProjection, FailingProjection>();
        });
        var store = services.GetRequiredService<SqlEventStore>();
        var existing = NewStream();
        await store.AppendToStreamAsync(existing, ExpectedVersion.NoStream, Increments(1));
        var taken = Increments(1);
        await store.AppendToStreamAsync(NewStream(), ExpectedVersion.NoStream, taken);

        // Hold the single writer inside a batch, queue the next batch behind it, then let both go.
        var held = store.AppendToStreamAsync(NewStream(), ExpectedVersion.NoStream, [Registry.ToEventData(new GateReached(), Metadata())]);
        await gate.Entered.Task;
        var batchesBefore = store.CommittedBatches;
        var isolatedBefore = store.IsolatedBatches;
        var fresh = NewStream();
        var poisoned = NewStream();
        var okNew = store.AppendToStreamAsync(fresh, ExpectedVersion.NoStream, Increments(2));
        var conflict = store.AppendToStreamAsync(existing, ExpectedVersion.Exactly(5), Increments(1));
        var duplicate = store.AppendToStreamAsync(NewStream(), ExpectedVersion.NoStream, taken);
        var failing = store.AppendToStreamAsync(poisoned, ExpectedVersion.NoStream, [.. Increments(1), Increment(FailingProjection.Poison)]);
        var okExisting = store.AppendToStreamAsync(existing, ExpectedVersion.Exactly(0), Increments(1));
        gate.Release.SetResult();
        await held;

        Assert.Equal(1, (await okNew).NextExpectedVersion);
        Assert.Equal(1, (await okExisting).NextExpectedVersion);
        await Assert.ThrowsAsync<WrongExpectedVersionException>(() => conflict);
        await Assert.ThrowsAsync<DuplicateEventIdException>(() => duplicate);
        await Assert.ThrowsAsync<InvalidOperationException>(() => failing);
        Assert.Equal(batchesBefore + 2, store.CommittedBatches);
        Assert.Equal(isolatedBefore + 1, store.IsolatedBatches);
        Assert.Equal(2, (await store.ReadStreamAsync(fresh)).Count);
        Assert.Equal(2, (await store.ReadStreamAsync(existing)).Count);
        Assert.Equal(0, await CountRowsAsync(services, poisoned));
        Assert.True((await store.VerifyAsync()).IsIntact);
    }

    // ---- projections -----------------------------------------------------------------------------------------

    [Fact]
    public async Task An_inline_projection_is_updated_with_the_append()
    {
        await using var services = await OpenAsync(s => s.AddSingleton<IProjection, CounterSummaryProjection>());
        var store = services.GetRequiredService<IEventStore>();
        var stream = NewStream();

        await store.AppendToStreamAsync(stream, ExpectedVersion.NoStream, [Increment(2), Increment(3)]);
        await store.AppendToStreamAsync(stream, ExpectedVersion.Exactly(1), [Increment(4)]);

        var readModels = services.GetRequiredService<IReadModels>();
        Assert.Equal(new CounterSummary(stream, 9, 2), await readModels.GetAsync<CounterSummary>(stream));
        Assert.Contains(new CounterSummary(stream, 9, 2), await readModels.ListAsync<CounterSummary>("counters"));
        Assert.DoesNotContain(new CounterSummary(stream, 9, 2), await readModels.ListAsync<CounterSummary>("elsewhere"));
    }

    [Fact]
    public async Task A_failing_inline_projection_fails_its_append_and_leaves_no_event_and_no_document()
    {
        await using var services = await OpenAsync(s =>
        {
            s.AddSingleton<IProjection, CounterSummaryProjection>();
            s.AddSingleton<IProjection, FailingProjection>();
        });
        var store = services.GetRequiredService<IEventStore>();
        var readModels = services.GetRequiredService<IReadModels>();
        var stream = NewStream();

        await Assert.ThrowsAsync<InvalidOperationException>(() => store.AppendToStreamAsync(stream, ExpectedVersion.NoStream, [Increment(5), Increment(FailingProjection.Poison)]));

        Assert.Equal(-1, await store.GetStreamVersionAsync(stream));
        Assert.Equal(0, await CountRowsAsync(services, stream));
        Assert.Null(await readModels.GetAsync<CounterSummary>(stream));
        Assert.Null(await readModels.GetAsync<FailingMark>(stream));

        // The failed append took nothing with it: the same stream accepts the next one from scratch.
        await store.AppendToStreamAsync(stream, ExpectedVersion.NoStream, [Increment(2)]);
        Assert.Equal(new CounterSummary(stream, 2, 0), await readModels.GetAsync<CounterSummary>(stream));
        Assert.Equal(new FailingMark(stream), await readModels.GetAsync<FailingMark>(stream));
    }

    // ---- tamper detection ------------------------------------------------------------------------------------

    [Fact]
    public async Task Altering_a_stored_event_is_found_by_verify_with_its_stream_and_position()
    {
        await using var fresh = await FreshDatabaseAsync();
        await using var services = await OpenAsync(fresh);
        var store = services.GetRequiredService<IEventStore>();
        var (stream, other) = (NewStream(), NewStream());
        await store.AppendToStreamAsync(other, ExpectedVersion.NoStream, Increments(2));
        await store.AppendToStreamAsync(stream, ExpectedVersion.NoStream, Increments(3));
        await store.AppendToStreamAsync(other, ExpectedVersion.Exactly(1), Increments(2));
        var target = (await store.ReadStreamAsync(stream))[1];
        Assert.True((await store.VerifyAsync()).IsIntact);

        await ExecuteAsync(services, "UPDATE events SET data = @d WHERE position = @p", ("@d", """{"by":1000}"""), ("@p", target.Position));

        var report = await store.VerifyAsync();
        Assert.False(report.IsIntact);
        Assert.Equal((stream, 1L, target.Position), (report.FirstBrokenLink!.StreamId, report.FirstBrokenLink.Version, report.FirstBrokenLink.Position));
        Assert.Equal(target.Position, (await store.VerifyAsync(stream)).FirstBrokenLink?.Position);
        Assert.True((await store.VerifyAsync(other)).IsIntact);
    }

    [Theory]
    [InlineData("middle")]
    [InlineData("last")]
    [InlineData("all")]
    public async Task Deleting_stored_events_is_found_by_verify(string which)
    {
        await using var fresh = await FreshDatabaseAsync();
        await using var services = await OpenAsync(fresh);
        var store = services.GetRequiredService<IEventStore>();
        var (stream, other) = (NewStream(), NewStream());
        await store.AppendToStreamAsync(stream, ExpectedVersion.NoStream, Increments(3));
        await store.AppendToStreamAsync(other, ExpectedVersion.NoStream, Increments(2));
        var events = await store.ReadStreamAsync(stream);

        var where = which switch
        {
            "middle" => "version = 1",
            "last" => "version = 2",
            _ => "version >= 0",
        };
        await ExecuteAsync(services, $"DELETE FROM events WHERE stream_id = @s AND {where}", ("@s", stream));

        var report = await store.VerifyAsync();
        Assert.Equal(stream, report.FirstBrokenLink?.StreamId);
        if (which == "middle")
        {
            Assert.Equal(events[2].Position, report.FirstBrokenLink!.Position);
        }

        Assert.False((await store.VerifyAsync(stream)).IsIntact);
        Assert.True((await store.VerifyAsync(other)).IsIntact);
    }

    // ---- helpers ---------------------------------------------------------------------------------------------

    protected Task<ServiceProvider> OpenAsync(Action<IServiceCollection>? configure = null) => OpenAsync(database, configure);

    protected static Task<ServiceProvider> OpenAsync(TestDatabase on, Action<IServiceCollection>? configure = null) =>
        CourtServices.BuildAsync(on, s =>
        {
            s.AddSingleton(new EventAssembly(typeof(CounterOpened).Assembly));
            configure?.Invoke(s);
        });

    protected async Task<TestDatabase> FreshDatabaseAsync()
    {
        var fresh = TestDatabase.For(database.Provider);
        await fresh.InitializeAsync();
        return fresh;
    }

    protected static string NewStream() => Counter.StreamPrefix + Guid.NewGuid().ToString("N");

    private static EventMetadata Metadata() => new(Guid.NewGuid(), null, "test", null, DateTimeOffset.UnixEpoch);

    private static EventData Increment(int by, string? tag = null) => Registry.ToEventData(new CounterIncremented(by, tag), Metadata());

    private static EventData[] Increments(int count, string? tag = null) => [.. Enumerable.Range(1, count).Select(i => Increment(i, tag))];

    private static ExpectedVersion Parse(string expected) => expected switch
    {
        "any" => ExpectedVersion.Any,
        "no-stream" => ExpectedVersion.NoStream,
        "stream-exists" => ExpectedVersion.StreamExists,
        _ => ExpectedVersion.Exactly(long.Parse(expected, CultureInfo.InvariantCulture)),
    };

    private static async Task<long> CountRowsAsync(IServiceProvider services, string stream) =>
        await ScalarAsync(services, "SELECT COUNT(*) FROM events WHERE stream_id = @s", ("@s", stream));

    private static async Task<long> CountTaggedRowsAsync(IServiceProvider services, string tag) =>
        await ScalarAsync(services, "SELECT COUNT(*) FROM events WHERE data LIKE @t", ("@t", $"%{tag}%"));

    private static async Task<long> ScalarAsync(IServiceProvider services, string sql, params (string Name, object Value)[] parameters)
    {
        await using var connection = await services.GetRequiredService<ConnectionFactory>().OpenAsync();
        await using var command = connection.Command(null, sql);
        foreach (var (name, value) in parameters)
        {
            command.With(name, value);
        }

        return Convert.ToInt64(await command.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
    }

    private static async Task ExecuteAsync(IServiceProvider services, string sql, params (string Name, object Value)[] parameters)
    {
        await using var connection = await services.GetRequiredService<ConnectionFactory>().OpenAsync();
        await using var command = connection.Command(null, sql);
        foreach (var (name, value) in parameters)
        {
            command.With(name, value);
        }

        Assert.True(await command.ExecuteNonQueryAsync() > 0);
    }
}

public sealed class SqliteEventStoreTests(SqliteTestDatabase database) : EventStoreContract(database), IClassFixture<SqliteTestDatabase>
{
    [Fact]
    public async Task Sqlite_connections_run_in_WAL_mode_with_full_synchronous_commits()
    {
        await using var services = await OpenAsync();
        await using var connection = await services.GetRequiredService<ConnectionFactory>().OpenAsync();

        Assert.Equal("wal", await PragmaAsync(connection, "journal_mode"));
        Assert.Equal("2", await PragmaAsync(connection, "synchronous"));

        await using var scope = services.CreateAsyncScope();
        var context = scope.ServiceProvider.GetRequiredService<CourtDbContext>();
        var efConnection = context.Database.GetDbConnection();
        await efConnection.OpenAsync();
        Assert.Equal("wal", await PragmaAsync(efConnection, "journal_mode"));
        Assert.Equal("2", await PragmaAsync(efConnection, "synchronous"));
    }

    private static async Task<string?> PragmaAsync(System.Data.Common.DbConnection connection, string pragma)
    {
        await using var command = connection.Command(null, $"PRAGMA {pragma}");
        return Convert.ToString(await command.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
    }
}

public sealed class PostgresEventStoreTests(PostgresTestDatabase database) : EventStoreContract(database), IClassFixture<PostgresTestDatabase>;
