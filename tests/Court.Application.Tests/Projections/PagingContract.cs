using System.Globalization;
using Court.Application.Projections;
using Court.Infrastructure.EventStore;
using Court.Infrastructure.Persistence;
using Court.Testing;
using FluentValidation;
using Microsoft.Extensions.DependencyInjection;

namespace Court.Application.Tests.Projections;

/// <summary>A listed test document: many share a rank (ties), some have none, each sits at a desk (its partition).</summary>
[Court.Application.Projections.Collection("paging-tickets")]
public sealed record Ticket(string Id, string Desk, long? Rank, string Office, string Title) : IListed
{
    public IEnumerable<ListKey> ListKeys() =>
        [ListKey.Number("rank", Rank), ListKey.Text("office", Office), ListKey.Search(Title)];
}

/// <summary>A listed test document with a key it has only while something is due (like a case's report-due date).</summary>
[Court.Application.Projections.Collection("paging-errands")]
public sealed record Errand(string Id, long? Due) : IListed
{
    public IEnumerable<ListKey> ListKeys() => Due is { } due ? [ListKey.Number("due", due), ListKey.Text("kind", "errand")] : [ListKey.Text("kind", "errand")];
}

/// <summary>Keyset paging in SQL (decision 0120), against each provider on a real database.</summary>
public abstract class PagingContract(TestDatabase database) : IAsyncLifetime
{
    private const int Count = 237;
    private static readonly string[] Desks = ["desk-0", "desk-1", "desk-2", "desk-3", "desk-4"];
    private ServiceProvider services = null!;

    private IReadModels Reads => services.GetRequiredService<IReadModels>();

    public async Task InitializeAsync()
    {
        services = await CourtServices.BuildAsync(database);
        await StoreAsync(Enumerable.Range(0, Count).Select(Make));
    }

    public async Task DisposeAsync() => await services.DisposeAsync();

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Pages_visit_every_document_once_in_key_then_id_order_across_ties(bool descending)
    {
        var seen = await AllPagesAsync(new PageRequest("rank") { Descending = descending, Limit = 50, Partitions = Desks });

        var expected = Enumerable.Range(0, Count).Select(Make)
            .OrderBy(t => ListKey.Encode(t.Rank), StringComparer.Ordinal).ThenBy(t => t.Id, StringComparer.Ordinal)
            .Select(t => t.Id).ToList();
        if (descending)
        {
            expected.Reverse();
        }

        Assert.Equal(expected, seen.Select(t => t.Id));
    }

    [Fact]
    public async Task Documents_without_a_value_sort_after_all_others()
    {
        var seen = await AllPagesAsync(new PageRequest("rank") { Limit = 200, Partitions = Desks });

        var firstUnranked = seen.FindIndex(t => t.Rank is null);
        Assert.True(firstUnranked > 0);
        Assert.All(seen.Skip(firstUnranked), t => Assert.Null(t.Rank));
        Assert.Equal(Enumerable.Range(0, Count).Count(i => Make(i).Rank is null), seen.Count - firstUnranked);
    }

    [Fact]
    public async Task Partitions_and_filters_narrow_every_page_and_the_total_counts_all_matches()
    {
        var request = new PageRequest("rank") { Limit = 7, Partitions = ["desk-1", "desk-2"], WithTotal = true };
        request.Filters["office"] = ["north"];

        var first = await Reads.PageAsync<Ticket>(request);
        var seen = await AllPagesAsync(request);

        var expected = Enumerable.Range(0, Count).Select(Make).Where(t => t.Desk is "desk-1" or "desk-2" && t.Office == "north").ToList();
        Assert.Equal(expected.Count, first.Total);
        Assert.Equal(expected.Select(t => t.Id).Order(StringComparer.Ordinal), seen.Select(t => t.Id).Order(StringComparer.Ordinal));
        Assert.True(expected.Count > 7, "the filter should leave more than one page");
    }

    [Fact]
    public async Task Search_finds_a_fragment_ignoring_case_and_takes_wildcards_literally()
    {
        await StoreAsync([new Ticket("odd-1", "desk-9", 1, "south", "Refund 100% of the FEE_2"), new Ticket("odd-2", "desk-9", 2, "south", "Refund 1000 of the fee2")]);

        var percent = await Reads.PageAsync<Ticket>(new PageRequest("rank") { Search = "100%", Partitions = ["desk-9"] });
        var underscore = await Reads.PageAsync<Ticket>(new PageRequest("rank") { Search = "fee_2", Partitions = ["desk-9"] });
        var both = await Reads.PageAsync<Ticket>(new PageRequest("rank") { Search = "REFUND", Partitions = ["desk-9"] });

        Assert.Equal(["odd-1"], percent.Items.Select(t => t.Id));
        Assert.Equal(["odd-1"], underscore.Items.Select(t => t.Id));
        Assert.Equal(["odd-1", "odd-2"], both.Items.Select(t => t.Id));
    }

    [Fact]
    public async Task A_document_stored_again_moves_to_its_new_place_and_a_deleted_one_leaves_the_list()
    {
        await StoreAsync([new Ticket("move-1", "desk-8", 5, "east", "a"), new Ticket("move-2", "desk-8", 6, "east", "b"), new Ticket("move-3", "desk-8", 7, "east", "c")]);

        await StoreAsync([new Ticket("move-1", "desk-8", 9, "east", "a")]);
        await DeleteAsync("move-2");

        var page = await Reads.PageAsync<Ticket>(new PageRequest("rank") { Partitions = ["desk-8"], WithTotal = true });
        Assert.Equal(["move-3", "move-1"], page.Items.Select(t => t.Id));
        Assert.Equal(2, page.Total);
        Assert.False(page.HasMore);
    }

    [Fact]
    public async Task A_document_that_no_longer_has_a_key_leaves_the_list_sorted_by_it()
    {
        await WriteAsync(session =>
        {
            session.Store("errand-1", new Errand("errand-1", 3));
            session.Store("errand-2", new Errand("errand-2", 4));
        });

        await WriteAsync(session => session.Store("errand-1", new Errand("errand-1", null)));

        var due = await Reads.PageAsync<Errand>(new PageRequest("due") { WithTotal = true });
        Assert.Equal(["errand-2"], due.Items.Select(e => e.Id));
        Assert.Equal(1, due.Total);
        Assert.Equal(2, (await Reads.PageAsync<Errand>(new PageRequest("kind") { WithTotal = true })).Total);
    }

    [Fact]
    public async Task The_last_page_has_no_cursor_and_a_full_page_before_it_has_one()
    {
        var request = new PageRequest("rank") { Limit = 100, Partitions = Desks };
        var first = await Reads.PageAsync<Ticket>(request);
        var second = await Reads.PageAsync<Ticket>(request with { After = first.Next });
        var third = await Reads.PageAsync<Ticket>(request with { After = second.Next });

        Assert.Equal(100, first.Items.Count);
        Assert.True(first.HasMore);
        Assert.Equal(Count - 200, third.Items.Count);
        Assert.Null(third.Next);
    }

    [Theory]
    [InlineData(0, true)]
    [InlineData(1, false)]
    [InlineData(200, false)]
    [InlineData(201, true)]
    public void The_page_size_is_capped_at_200_and_a_bad_limit_names_the_limit_parameter(int limit, bool refused)
    {
        var failures = new PageValidator().Validate(new PageParameters(Limit: limit)).Errors;

        Assert.Equal(refused, failures.Any(f => f.PropertyName == "limit"));
    }

    [Fact]
    public async Task A_page_larger_than_the_cap_is_refused_by_the_store_too()
    {
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => Reads.PageAsync<Ticket>(new PageRequest("rank") { Limit = PageRequest.MaxLimit + 1 }));
        Assert.Equal(PageRequest.MaxLimit, (await Reads.PageAsync<Ticket>(new PageRequest("rank") { Limit = PageRequest.MaxLimit })).Items.Count);
    }

    [Fact]
    public async Task A_cursor_from_another_sort_is_refused()
    {
        var first = await Reads.PageAsync<Ticket>(new PageRequest("rank") { Limit = 5 });

        var failures = new PageValidator().Validate(new PageParameters(After: first.Next, Sort: "-rank")).Errors;
        Assert.Contains(failures, f => f.PropertyName == "after");
        Assert.Empty(new PageValidator().Validate(new PageParameters(After: first.Next, Sort: "rank")).Errors);
        Assert.Contains(new PageValidator().Validate(new PageParameters(Sort: "title")).Errors, f => f.PropertyName == "sort");
    }

    private static Ticket Make(int i) => new(
        $"t-{i:D4}",
        $"desk-{i % 5}",
        i % 11 == 0 ? null : i % 7,
        i % 3 == 0 ? "north" : "south",
        $"ticket {i.ToString(CultureInfo.InvariantCulture)}");

    private async Task<List<Ticket>> AllPagesAsync(PageRequest request)
    {
        var all = new List<Ticket>();
        string? after = null;
        do
        {
            var page = await Reads.PageAsync<Ticket>(request with { After = after });
            Assert.True(page.Items.Count <= request.Limit);
            all.AddRange(page.Items);
            after = page.Next;
        }
        while (after is not null);
        return all;
    }

    private async Task StoreAsync(IEnumerable<Ticket> tickets)
    {
        await WriteAsync(session =>
        {
            foreach (var ticket in tickets)
            {
                session.Store(ticket.Id, ticket, ticket.Desk);
            }
        });
    }

    private Task DeleteAsync(string id) => WriteAsync(session => session.Delete<Ticket>(id));

    private async Task WriteAsync(Action<SqlDocumentSession> write)
    {
        await using var connection = await services.GetRequiredService<ConnectionFactory>().OpenAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        await using var session = new SqlDocumentSession(connection, transaction) { Projection = "paging-test" };
        write(session);
        await session.FlushAsync(CancellationToken.None);
        await transaction.CommitAsync();
    }

    private sealed class PageValidator : AbstractValidator<PageParameters>
    {
        public PageValidator() => RuleFor(p => (PageParameters?)p).PagedBy(new ListSorts("rank"));
    }
}

public sealed class SqlitePagingTests(SqliteTestDatabase database) : PagingContract(database), IClassFixture<SqliteTestDatabase>;

public sealed class PostgresPagingTests(PostgresTestDatabase database) : PagingContract(database), IClassFixture<PostgresTestDatabase>;
