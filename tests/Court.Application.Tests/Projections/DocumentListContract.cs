using Court.Application.Common;
using Court.Application.Documents.Listing;
using Court.Application.Projections;
using Court.Domain.Documents;
using Court.Infrastructure.EventStore;
using Court.Infrastructure.Persistence;
using Court.Testing;
using Microsoft.Extensions.DependencyInjection;
using DocumentRecord = Court.Application.Documents.DocumentRecord;

namespace Court.Application.Tests.Projections;

/// <summary>
/// A stream's documents and the documents register read a page at a time over the document keys, on each provider:
/// oldest first in a stream and newest first in the register, only what the caller may see, every document once.
/// </summary>
public abstract class DocumentListContract(TestDatabase database) : IAsyncLifetime
{
    private static readonly DateTimeOffset Start = new(2026, 10, 1, 1, 0, 0, TimeSpan.Zero);
    private readonly List<DocumentRecord> records = [.. Enumerable.Range(0, 41).Select(Make)];
    private ServiceProvider services = null!;

    public async Task InitializeAsync()
    {
        services = await CourtServices.BuildAsync(database);
        await using var connection = await services.GetRequiredService<ConnectionFactory>().OpenAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        await using (var session = new SqlDocumentSession(connection, transaction) { Projection = "documents-test" })
        {
            records.ForEach(r => session.Store(DocumentRecord.IdOf(r.Id), r, r.SourceStreamId));
            await session.FlushAsync(CancellationToken.None);
        }

        await transaction.CommitAsync();
    }

    public async Task DisposeAsync() => await services.DisposeAsync();

    [Fact]
    public async Task A_clerk_pages_through_a_streams_documents_of_her_court_oldest_first_each_once()
    {
        var seen = await AllAsync(page => new ListDocumentsHandler(Reads, Clerk("渝0116")).Handle(new ListDocuments("stream-a", page), CancellationToken.None), 3);

        var expected = records.Where(r => r.SourceStreamId == "stream-a" && r.CourtCode == "渝0116")
            .OrderBy(r => r.IssuedAt).ThenBy(r => r.Number, StringComparer.Ordinal).Select(r => r.Number).ToList();
        Assert.Equal(expected, seen.Select(r => r.Number));
        Assert.True(expected.Count > 6, "several pages");
        Assert.True(expected.GroupBy(n => records.Single(r => r.Number == n).IssuedAt).Any(g => g.Count() > 1), "ties on the issue time");
    }

    [Fact]
    public async Task An_agency_reads_only_what_is_addressed_to_it_and_a_caller_of_neither_kind_reads_nothing()
    {
        var bureau = new FixedCaller("nrb", "nrb-jiangjin", new HashSet<string> { Roles.AgencyOfficer }, Guid.NewGuid());
        var stranger = new FixedCaller("someone", null, new HashSet<string> { Roles.Administrator }, Guid.NewGuid());

        var forBureau = await AllAsync(page => new ListDocumentsHandler(Reads, bureau).Handle(new ListDocuments("stream-a", page), CancellationToken.None), 4);
        var forStranger = await new ListDocumentsHandler(Reads, stranger).Handle(new ListDocuments("stream-a"), CancellationToken.None);

        Assert.Equal(records.Where(r => r.SourceStreamId == "stream-a" && r.AddresseeAgency == "nrb-jiangjin").Select(r => r.Number).Order(StringComparer.Ordinal), forBureau.Select(r => r.Number).Order(StringComparer.Ordinal));
        Assert.NotEmpty(forBureau);
        Assert.Empty(forStranger.Items);
    }

    [Fact]
    public async Task The_register_pages_newest_first_and_a_search_ignores_case()
    {
        var all = await AllAsync(page => new SearchDocumentsHandler(Reads, Clerk("渝0116")).Handle(new SearchDocuments(null, page), CancellationToken.None), 5);
        var found = await AllAsync(page => new SearchDocumentsHandler(Reads, Clerk("渝0116")).Handle(new SearchDocuments("LETTER 1", page), CancellationToken.None), 2);

        var mine = records.Where(r => r.CourtCode == "渝0116").ToList();
        Assert.Equal(mine.OrderByDescending(r => r.IssuedAt).ThenByDescending(r => r.Number, StringComparer.Ordinal).Select(r => r.Number), all.Select(r => r.Number));
        Assert.Equal(mine.Where(r => r.Title.Contains("letter 1", StringComparison.OrdinalIgnoreCase)).Select(r => r.Number).Order(StringComparer.Ordinal), found.Select(r => r.Number).Order(StringComparer.Ordinal));
        Assert.True(found.Count > 2);
    }

    private IReadModels Reads => services.GetRequiredService<IReadModels>();

    private static FixedCaller Clerk(string court) => new("clerk", null, new HashSet<string> { Roles.Clerk }, Guid.NewGuid(), court: court);

    /// <summary>Two streams, two courts, every third addressed to the bureau, issue times shared by fours.</summary>
    private static DocumentRecord Make(int i) => new(
        Guid.Parse($"00000000-0000-0000-0000-{i:D12}"),
        $"文〔2026〕第{i + 1:D4}号",
        DocumentKind.AssistedEnforcementNotice,
        i % 5 == 0 ? "渝05" : "渝0116",
        i % 2 == 0 ? "stream-a" : "stream-b",
        $"Letter {i}",
        "(2026)渝0116破1号",
        i % 3 == 0 ? "重庆市江津区规划和自然资源局" : "某某",
        i % 3 == 0 ? "nrb-jiangjin" : null,
        DocumentStatus.InForce,
        Start.AddHours(i / 4),
        null);

    private static async Task<List<DocumentRecord>> AllAsync(Func<PageParameters, ValueTask<Page<DocumentRecord>>> read, int limit)
    {
        var all = new List<DocumentRecord>();
        var page = new PageParameters(Limit: limit);
        while (true)
        {
            var answer = await read(page);
            Assert.True(answer.Items.Count <= limit);
            all.AddRange(answer.Items);
            if (answer.Next is null)
            {
                return all;
            }

            page = page with { After = answer.Next };
        }
    }
}

public sealed class SqliteDocumentListTests(SqliteTestDatabase database) : DocumentListContract(database), IClassFixture<SqliteTestDatabase>;

public sealed class PostgresDocumentListTests(PostgresTestDatabase database) : DocumentListContract(database), IClassFixture<PostgresTestDatabase>;
