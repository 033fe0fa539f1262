using System.Globalization;
using Court.Application.EventStore;
using Court.Application.Projections;
using Court.Domain.Common;
using Court.Infrastructure;
using Court.Infrastructure.Persistence;
using Court.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Court.Web.Tests.Host;

/// <summary>`dotnet run --project src/Court.Web -- projections rebuild [name]`, run in-process on a SQLite file.</summary>
public sealed class ProjectionsRebuildTests
{
    [Fact]
    public async Task Rebuilding_every_projection_restores_the_read_models_exactly()
    {
        await using var database = new SqliteTestDatabase();
        await SeedAsync(database);
        var before = await DocumentsAsync(database);
        await WreckReadModelsAsync(database);
        Assert.NotEqual(before, await DocumentsAsync(database));

        Assert.True(await CommandLine.TryRunAsync(["projections", "rebuild", .. HostArgs(database)], Register));

        Assert.Equal(0, Environment.ExitCode);
        Assert.Equal(before, await DocumentsAsync(database));
    }

    [Fact]
    public async Task Rebuilding_one_projection_by_name_leaves_the_others_alone()
    {
        await using var database = new SqliteTestDatabase();
        await SeedAsync(database);
        var before = await DocumentsAsync(database);
        await WreckReadModelsAsync(database);
        var wrecked = await DocumentsAsync(database);

        Assert.True(await CommandLine.TryRunAsync(["projections", "rebuild", TallyProjection.ProjectionName, .. HostArgs(database)], Register));

        var after = await DocumentsAsync(database);
        Assert.Equal(before.Where(d => d.StartsWith(TallyProjection.ProjectionName, StringComparison.Ordinal)), after.Where(d => d.StartsWith(TallyProjection.ProjectionName, StringComparison.Ordinal)));
        Assert.Equal(wrecked.Where(d => d.StartsWith(LedgerProjection.ProjectionName, StringComparison.Ordinal)), after.Where(d => d.StartsWith(LedgerProjection.ProjectionName, StringComparison.Ordinal)));
    }

    private static void Register(IServiceCollection services)
    {
        services.AddSingleton(new EventAssembly(typeof(TallyProjection).Assembly));
        services.AddSingleton<IProjection, LedgerProjection>();
        services.AddSingleton<IProjection, TallyProjection>();
    }

    private static string[] HostArgs(SqliteTestDatabase database) =>
        [.. database.Settings.Select(s => $"--{s.Key}={s.Value}"), "--Court:Demo:Enabled=false"];

    /// <summary>200 entries over 20 ledgers, projected inline (ledgers) and by the daemon (tallies).</summary>
    private static async Task SeedAsync(SqliteTestDatabase database)
    {
        await using var services = await CourtServices.BuildAsync(database, Register);
        await using var daemon = await services.StartHostedServicesAsync();
        var store = services.GetRequiredService<IEventStore>();
        var registry = services.GetRequiredService<EventTypeRegistry>();
        var metadata = new EventMetadata(Guid.NewGuid(), null, "test", null, DateTimeOffset.UnixEpoch);
        for (var i = 0; i < 200; i++)
        {
            var ledger = $"ledger-{i % 20}";
            var entry = new EntryRecorded(i * 7 % 100, i % 3 == 0 ? "fee" : "refund");
            await store.AppendToStreamAsync(ledger, ExpectedVersion.Any, [registry.ToEventData(entry, metadata)]);
        }

        await services.WaitForProjectionsAsync();
    }

    private static async Task WreckReadModelsAsync(SqliteTestDatabase database)
    {
        await using var services = await CourtServices.BuildAsync(database, Register);
        await using var connection = await services.GetRequiredService<ConnectionFactory>().OpenAsync();
        foreach (var sql in new[]
        {
            "DELETE FROM documents WHERE id IN ('ledger-3', 'fee')",
            "UPDATE documents SET data = '{\"total\":-1}' WHERE id = 'ledger-4'",
            "UPDATE documents SET data = '{\"count\":0}' WHERE id = 'refund'",
        })
        {
            await using var command = connection.Command(null, sql);
            await command.ExecuteNonQueryAsync();
        }
    }

    private static async Task<List<string>> DocumentsAsync(SqliteTestDatabase database)
    {
        await using var services = await CourtServices.BuildAsync(database, Register);
        await using var connection = await services.GetRequiredService<ConnectionFactory>().OpenAsync();
        await using var command = connection.Command(null, "SELECT projection, collection, id, partition, data, position FROM documents ORDER BY projection, collection, id");
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<string>();
        while (await reader.ReadAsync())
        {
            rows.Add(string.Join('|', Enumerable.Range(0, 6).Select(i => reader.IsDBNull(i) ? "null" : Convert.ToString(reader.GetValue(i), CultureInfo.InvariantCulture))));
        }

        return rows;
    }
}

[EventType("test-web.entry-recorded.v1")]
public sealed record EntryRecorded(long AmountFen, string Kind) : IDomainEvent;

[Court.Application.Projections.Collection("test-web-ledgers")]
public sealed record Ledger(string Id, long Total, int Entries);

[Court.Application.Projections.Collection("test-web-tallies")]
public sealed record Tally(string Kind, int Count);

/// <summary>Inline: one ledger per stream.</summary>
public sealed class LedgerProjection : IProjection
{
    public const string ProjectionName = "test-web-ledger";

    public string Name => ProjectionName;

    public ProjectionMode Mode => ProjectionMode.Inline;

    public bool Handles(IDomainEvent @event) => @event is EntryRecorded;

    public async ValueTask ApplyAsync(EventEnvelope envelope, IDocumentSession session, CancellationToken cancellationToken)
    {
        var entry = (EntryRecorded)envelope.Event;
        var ledger = await session.LoadAsync<Ledger>(envelope.StreamId, cancellationToken) ?? new Ledger(envelope.StreamId, 0, 0);
        session.Store(envelope.StreamId, ledger with { Total = ledger.Total + entry.AmountFen, Entries = ledger.Entries + 1 }, partition: entry.Kind);
    }
}

/// <summary>Async: entries per kind across all ledgers.</summary>
public sealed class TallyProjection : IProjection
{
    public const string ProjectionName = "test-web-tally";

    public string Name => ProjectionName;

    public ProjectionMode Mode => ProjectionMode.Async;

    public bool Handles(IDomainEvent @event) => @event is EntryRecorded;

    public async ValueTask ApplyAsync(EventEnvelope envelope, IDocumentSession session, CancellationToken cancellationToken)
    {
        var kind = ((EntryRecorded)envelope.Event).Kind;
        var tally = await session.LoadAsync<Tally>(kind, cancellationToken) ?? new Tally(kind, 0);
        session.Store(kind, tally with { Count = tally.Count + 1 });
    }
}
