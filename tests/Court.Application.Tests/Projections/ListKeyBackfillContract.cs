using Court.Application.Bankruptcy.ReadModels;
using Court.Application.Projections;
using Court.Infrastructure.EventStore;
using Court.Infrastructure.Persistence;
using Court.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Court.Application.Tests.Projections;

/// <summary>
/// Start-up brings a listed collection's key rows up to the names its read model now produces (decision 0160), on each
/// provider: a key the model gained is written, a key it lost is dropped, and a database already current is probed,
/// not rewritten.
/// </summary>
public abstract class ListKeyBackfillContract(TestDatabase database) : IAsyncLifetime
{
    private const string Court = "渝0116";
    private const string Collection = "bankruptcy.cases";
    private ServiceProvider services = null!;

    public async Task InitializeAsync()
    {
        services = await CourtServices.BuildAsync(database);
        await using var connection = await services.GetRequiredService<ConnectionFactory>().OpenAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        await using var session = new SqlDocumentSession(connection, transaction) { Projection = "backfill-test" };
        foreach (var i in Enumerable.Range(0, 5))
        {
            var view = new CaseView { Id = $"k-{i}", CaseNumber = $"(2026){Court}破{i + 1}号", CourtCode = Court, AdministratorUserId = "admin-a" };
            session.Store(view.Id, view, view.AdministratorUserId);
        }

        await session.FlushAsync(CancellationToken.None);
        await transaction.CommitAsync();
    }

    public async Task DisposeAsync() => await services.DisposeAsync();

    [Fact]
    public async Task Documents_stored_with_an_older_key_set_get_the_new_key_at_start_up_and_lose_the_dropped_one()
    {
        // As a database from before CaseView had `court` (and when it had a key since removed) would hold them.
        await ExecuteAsync($"DELETE FROM document_keys WHERE collection = '{Collection}' AND name = '{CaseView.CourtKey}'");
        await ExecuteAsync($"INSERT INTO document_keys (collection, id, name, value, partition) VALUES ('{Collection}', 'k-4', 'retired', 'x', 'admin-a')");
        Assert.Empty(await InCourtAsync());

        await services.DisposeAsync();
        services = await CourtServices.BuildAsync(database);

        Assert.Equal(["k-0", "k-1", "k-2", "k-3", "k-4"], (await InCourtAsync()).Select(v => v.Id).Order(StringComparer.Ordinal));
        Assert.Equal(0L, await CountAsync($"SELECT COUNT(*) FROM document_keys WHERE collection = '{Collection}' AND name = 'retired'"));
        Assert.Equal(0L, await services.GetRequiredService<ListKeyBackfill>().RunAsync());
    }

    [Fact]
    public async Task A_current_database_is_probed_through_its_last_document_and_nothing_is_written()
    {
        // A stray row on a document other than the last: a rewrite would clear it, a probe does not see it.
        await ExecuteAsync($"INSERT INTO document_keys (collection, id, name, value, partition) VALUES ('{Collection}', 'k-0', 'stray', 'x', 'admin-a')");

        Assert.Equal(0L, await services.GetRequiredService<ListKeyBackfill>().RunAsync());

        Assert.Equal(1L, await CountAsync($"SELECT COUNT(*) FROM document_keys WHERE collection = '{Collection}' AND name = 'stray'"));
    }

    private async Task<IReadOnlyList<CaseView>> InCourtAsync() =>
        (await services.GetRequiredService<IReadModels>().PageAsync<CaseView>(
            new PageRequest(CaseView.SortByChanged) { Filters = { [CaseView.CourtKey] = [Court] }, Limit = 200 })).Items;

    private async Task ExecuteAsync(string sql)
    {
        await using var connection = await services.GetRequiredService<ConnectionFactory>().OpenAsync();
        await using var command = connection.Command(null, sql);
        await command.ExecuteNonQueryAsync();
    }

    private async Task<long> CountAsync(string sql)
    {
        await using var connection = await services.GetRequiredService<ConnectionFactory>().OpenAsync();
        await using var command = connection.Command(null, sql);
        return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }
}

public sealed class SqliteListKeyBackfillTests(SqliteTestDatabase database) : ListKeyBackfillContract(database), IClassFixture<SqliteTestDatabase>;

public sealed class PostgresListKeyBackfillTests(PostgresTestDatabase database) : ListKeyBackfillContract(database), IClassFixture<PostgresTestDatabase>;
