using System.Globalization;
using Court.Application.Bankruptcy.Cases;
using Court.Application.Bankruptcy.ReadModels;
using Court.Application.Common;
using Court.Application.EventStore;
using Court.Application.Projections;
using Court.Application.Workflows;
using Court.Infrastructure.EventStore;
using Court.Infrastructure.Persistence;
using Court.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Court.Application.Tests.Projections;

/// <summary>
/// The bankruptcy case list read in pages from the document keys (decision 0160), on each provider: last changed
/// first, ties broken by id, only the caller's court for court staff, only her estates for an administrator.
/// </summary>
public abstract class CaseListContract(TestDatabase database) : IAsyncLifetime
{
    private const int Count = 83;
    private static readonly DateTimeOffset Start = new(2026, 11, 2, 1, 0, 0, TimeSpan.Zero);
    private ServiceProvider services = null!;

    public async Task InitializeAsync()
    {
        services = await CourtServices.BuildAsync(database);
        await WriteAsync(session =>
        {
            foreach (var view in Enumerable.Range(0, Count).Select(Make))
            {
                session.Store(view.Id, view, view.AdministratorUserId);
            }
        });
    }

    public async Task DisposeAsync() => await services.DisposeAsync();

    [Fact]
    public async Task Court_staff_page_through_their_courts_cases_last_changed_first_with_ties_broken_by_id()
    {
        var seen = await AllPagesAsync(Clerk("渝0116"), new PageParameters(Limit: 7));

        var expected = Enumerable.Range(0, Count).Select(Make).Where(v => v.CourtCode == "渝0116")
            .OrderByDescending(v => v.LastChangedAt).ThenByDescending(v => v.Id, StringComparer.Ordinal).Select(v => v.Id).ToList();
        Assert.Equal(expected, seen.Select(c => c.Id));
        Assert.True(expected.Count > 7 * 3, "several pages");
        Assert.True(expected.GroupBy(id => Make(Index(id)).LastChangedAt).Any(g => g.Count() > 1), "the data should have ties");
    }

    [Fact]
    public async Task The_court_filter_leaves_out_another_courts_cases_and_the_total_counts_the_courts_cases()
    {
        var first = await ListAsync(Clerk("渝05"), new PageParameters(Limit: 5, Total: true));
        var all = await AllPagesAsync(Clerk("渝05"), new PageParameters(Limit: 5));

        var expected = Enumerable.Range(0, Count).Select(Make).Where(v => v.CourtCode == "渝05").Select(v => v.Id).Order(StringComparer.Ordinal);
        Assert.Equal(expected, all.Select(c => c.Id).Order(StringComparer.Ordinal));
        Assert.Equal(expected.Count(), first.Total);
        Assert.All(all, c => Assert.StartsWith("(2026)渝05破", c.CaseNumber, StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_administrator_sees_her_estates_in_every_court_and_no_one_elses()
    {
        var all = await AllPagesAsync(new FixedCaller("admin-b", null, new HashSet<string> { Roles.Administrator }, Guid.NewGuid()), new PageParameters(Limit: 50));

        Assert.Equal(
            Enumerable.Range(0, Count).Select(Make).Where(v => v.AdministratorUserId == "admin-b").Select(v => v.Id).Order(StringComparer.Ordinal),
            all.Select(c => c.Id).Order(StringComparer.Ordinal));
        Assert.Contains(all, c => c.CaseNumber.Contains("渝05", StringComparison.Ordinal));
        Assert.Contains(all, c => c.CaseNumber.Contains("渝0116", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Sorted_by_number_serial_10_follows_serial_9()
    {
        var numbers = (await AllPagesAsync(Clerk("渝0116"), new PageParameters(Limit: 200, Sort: CaseView.SortByNumber))).Select(c => c.CaseNumber).ToList();

        Assert.True(numbers.IndexOf("(2026)渝0116破9号") < numbers.IndexOf("(2026)渝0116破10号"));
        Assert.Equal(numbers.Count, numbers.Distinct().Count());
    }

    [Fact]
    public async Task A_search_finds_the_debtor_within_the_callers_court()
    {
        var page = await ListAsync(Clerk("渝0116"), new PageParameters(Q: "债务人 12 "));

        Assert.Equal(["(2026)渝0116破12号"], page.Items.Select(c => c.CaseNumber));
    }

    [Fact]
    public async Task Case_documents_stored_before_the_list_get_their_keys_from_the_backfill_once()
    {
        // A court and an administrator of its own, so the other tests on this database do not see it.
        var old = Make(900);
        (old.CourtCode, old.CaseNumber, old.AdministratorUserId) = ("渝", "(2026)渝破1号", "admin-z");
        await WriteAsync(session => session.Store(old.Id, old, old.AdministratorUserId));
        await ExecuteAsync($"DELETE FROM document_keys WHERE collection = 'bankruptcy.cases' AND id = '{old.Id}'");
        Assert.DoesNotContain(await AllPagesAsync(Clerk(old.CourtCode), new PageParameters(Limit: 200)), c => c.Id == old.Id);

        var backfill = services.GetRequiredService<ListKeyBackfill>();
        Assert.Contains(typeof(CaseView), backfill.ListedTypes);
        // The last case by id lacks its keys, so the collection's key rows are rewritten: every case of it.
        Assert.Equal(Count + 1L, await backfill.RunAsync());

        Assert.Contains(await AllPagesAsync(Clerk(old.CourtCode), new PageParameters(Limit: 200)), c => c.Id == old.Id);
        Assert.Equal(0L, await backfill.RunAsync());
    }

    private static FixedCaller Clerk(string court) => new("clerk", null, new HashSet<string> { Roles.Clerk }, Guid.NewGuid(), court: court);

    private static int Index(string id) => int.Parse(id[2..], CultureInfo.InvariantCulture);

    /// <summary>Two courts, three administrators, and a change time shared by every third case.</summary>
    private static CaseView Make(int i)
    {
        var court = i % 4 == 0 ? "渝05" : "渝0116";
        return new CaseView
        {
            Id = $"c-{i:D4}",
            CaseNumber = $"(2026){court}破{i + 1}号",
            CourtCode = court,
            DebtorName = $"债务人 {(i + 1).ToString(CultureInfo.InvariantCulture)} 有限公司",
            AcceptedOn = new DateOnly(2026, 1, 1).AddDays(i),
            AdministratorUserId = $"admin-{(char)('a' + (i % 3))}",
            AdministratorName = "重庆某律师事务所",
            LastChangedAt = Start.AddMinutes(i / 3),
        };
    }

    private async Task<Page<CaseSummary>> ListAsync(ICallerContext caller, PageParameters page)
    {
        var validation = new ListBankruptcyCasesValidator().Validate(new ListBankruptcyCases(page));
        Assert.True(validation.IsValid, string.Join("; ", validation.Errors));
        var queries = new BankruptcyCaseQueries(
            services.GetRequiredService<IReadModels>(), services.GetRequiredService<IEventStore>(), services.GetRequiredService<EventTypeRegistry>(),
            caller, new NoPeople(), TimeProvider.System, new WorkflowSentences(new WorkflowCatalog(new NoDefinitions(), [], [], [], [], [])));
        return await queries.Handle(new ListBankruptcyCases(page), CancellationToken.None);
    }

    /// <summary>Follows <c>next</c> without repeating the sort, as a client does; each cursor must pass validation.</summary>
    private async Task<List<CaseSummary>> AllPagesAsync(ICallerContext caller, PageParameters first)
    {
        var all = new List<CaseSummary>();
        var page = first;
        while (true)
        {
            var answer = await ListAsync(caller, page);
            Assert.True(answer.Items.Count <= (first.Limit ?? PageRequest.DefaultLimit));
            all.AddRange(answer.Items);
            if (answer.Next is null)
            {
                return all;
            }

            page = page with { After = answer.Next, Total = null };
        }
    }

    private async Task WriteAsync(Action<SqlDocumentSession> write)
    {
        await using var connection = await services.GetRequiredService<ConnectionFactory>().OpenAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        await using var session = new SqlDocumentSession(connection, transaction) { Projection = "case-list-test" };
        write(session);
        await session.FlushAsync(CancellationToken.None);
        await transaction.CommitAsync();
    }

    private async Task ExecuteAsync(string sql)
    {
        await using var connection = await services.GetRequiredService<ConnectionFactory>().OpenAsync();
        await using var command = connection.Command(null, sql);
        await command.ExecuteNonQueryAsync();
    }

    private sealed class NoPeople : IPeople
    {
        public Task<IReadOnlyDictionary<string, Person>> FindAsync(IReadOnlyCollection<string> userIds, CancellationToken cancellationToken) =>
            Task.FromResult<IReadOnlyDictionary<string, Person>>(new Dictionary<string, Person>());
    }

    /// <summary>Lists read no timeline, so no workflow's words are needed.</summary>
    private sealed class NoDefinitions : IWorkflowDefinitionSource
    {
        public IReadOnlyList<WorkflowDefinition> Load(WorkflowValidationContext context) => [];
    }
}

public sealed class SqliteCaseListTests(SqliteTestDatabase database) : CaseListContract(database), IClassFixture<SqliteTestDatabase>;

public sealed class PostgresCaseListTests(PostgresTestDatabase database) : CaseListContract(database), IClassFixture<PostgresTestDatabase>;
