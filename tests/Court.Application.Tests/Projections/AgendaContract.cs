using Court.Application.Bankruptcy.JointMeeting;
using Court.Application.Bankruptcy.ReadModels;
using Court.Application.Projections;
using Court.Domain.Bankruptcy;
using Court.Infrastructure.EventStore;
using Court.Infrastructure.Persistence;
using Court.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Court.Application.Tests.Projections;

/// <summary>
/// The joint meeting's agenda read a page at a time and its figures counted in SQL (decision 0162), on each provider:
/// the same figures the old in-memory pass over every notice and request gave, and every item once across pages.
/// </summary>
public abstract class AgendaContract(TestDatabase database) : IAsyncLifetime
{
    private static readonly DateTimeOffset Now = new(2026, 11, 20, 2, 0, 0, TimeSpan.Zero);
    private static readonly string[] Parties = ["nrb-jiangjin", "psb-vehicles", "某区人民法院"];
    private readonly List<AgendaItemView> items = [.. Enumerable.Range(0, 23).Select(MakeItem)];
    private readonly List<NoticeView> notices = [.. Enumerable.Range(0, 31).Select(MakeNotice)];
    private readonly List<ReleaseRequestView> requests = [.. Enumerable.Range(0, 17).Select(MakeRequest)];
    private ServiceProvider services = null!;

    public async Task InitializeAsync()
    {
        services = await CourtServices.BuildAsync(database);
        await using var connection = await services.GetRequiredService<ConnectionFactory>().OpenAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        await using (var session = new SqlDocumentSession(connection, transaction) { Projection = "agenda-test" })
        {
            items.ForEach(i => session.Store(i.Id, i, i.Resolved ? "resolved" : "open"));
            notices.ForEach(n => session.Store(n.Id, n, n.Agency));
            requests.ForEach(r => session.Store(r.Id, r, r.EstateId));
            await session.FlushAsync(CancellationToken.None);
        }

        await transaction.CommitAsync();
    }

    public async Task DisposeAsync() => await services.DisposeAsync();

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Every_item_comes_once_across_pages_open_first_then_by_placing_time_and_the_last_page_has_no_cursor(bool resolved)
    {
        var seen = new List<AgendaItemView>();
        var page = new PageParameters(Limit: 4, Total: true);
        Agenda answer;
        do
        {
            answer = await AgendaAsync(new GetAgenda(resolved, page));
            Assert.True(answer.Items.Count <= 4);
            Assert.Equal(answer.HasMore, answer.Next is not null);
            seen.AddRange(answer.Items);
            page = page with { After = answer.Next };
        }
        while (answer.Next is not null);

        var expected = items.Where(i => resolved || !i.Resolved).OrderBy(i => i.Resolved).ThenBy(i => i.PlacedAt).ThenBy(i => i.Id, StringComparer.Ordinal).Select(i => i.Id).ToList();
        Assert.Equal(expected, seen.Select(i => i.Id));
        Assert.True(expected.Count > 8, "several pages");
        Assert.Equal(expected.Count, (await AgendaAsync(new GetAgenda(resolved, new PageParameters(Total: true)))).Total);
    }

    [Fact]
    public async Task The_figures_are_those_of_every_notice_and_request_whatever_the_page()
    {
        var figures = (await AgendaAsync(new GetAgenda(false, new PageParameters(Limit: 1)))).Figures;

        var days = requests.Where(r => r.ReleasedAt is not null).Select(r => (r.ReleasedAt!.Value - r.RequestedAt).TotalDays).Order().ToList();
        Assert.Equal(items.Where(i => !i.Resolved).GroupBy(i => i.Party).ToDictionary(g => g.Key, g => g.Count()), figures.OpenItemsByParty);
        Assert.Equal(notices.Where(n => n.IsOverdueAt(Now)).GroupBy(n => n.Agency).ToDictionary(g => g.Key, g => g.Count()), figures.OverdueNoticesByAgency);
        Assert.Equal(notices.Count(n => n.IsOverdueAt(Now)), figures.OverdueNotices);
        Assert.Equal(requests.Count(r => !r.IsFinal), figures.OpenReleaseRequests);
        Assert.Equal(days.Count, figures.ReleasesCompleted);
        Assert.Equal(Math.Round(days.Count % 2 == 1 ? days[days.Count / 2] : (days[(days.Count / 2) - 1] + days[days.Count / 2]) / 2, 1), figures.MedianDaysToRelease);
        Assert.Equal(requests.Count(r => r.Stage == ReleaseStates.RulingDue), figures.RulingsDue);
        Assert.True(figures.OverdueNotices > 0 && figures.OverdueNotices < notices.Count(n => !n.IsFinal), "some open notices are overdue, some not");
        Assert.Contains(notices, n => n.IsOverdueAt(Now) && !n.AcknowledgementOverdue && !n.ExecutionOverdue);
    }

    private async Task<Agenda> AgendaAsync(GetAgenda query)
    {
        Assert.True(new GetAgendaValidator().Validate(query).IsValid);
        return await new AgendaQueries(services.GetRequiredService<IReadModels>(), new FakeTimeProvider(Now)).Handle(query, CancellationToken.None);
    }

    /// <summary>Every fourth resolved; placing times shared by pairs (ties broken by id).</summary>
    private static AgendaItemView MakeItem(int i) => new()
    {
        Id = $"a-{i:D3}",
        CaseNumber = $"(2026)渝0116破{i + 1}号",
        Party = Parties[i % Parties.Length],
        Summary = "逾期未办理",
        PlacedAt = Now.AddHours(-(i / 2)),
        Resolved = i % 4 == 0,
    };

    /// <summary>Final, flagged overdue, past the deadline but not yet flagged, not yet due, and with no deadline, in turn.</summary>
    private static NoticeView MakeNotice(int i) => new()
    {
        Id = $"n-{i:D3}",
        Agency = Parties[i % 2],
        IssuedAt = Now.AddDays(-30 + i),
        IsFinal = i % 5 == 0,
        AcknowledgementOverdue = i % 5 == 1,
        DueAt = (i % 5) switch { 2 => Now.AddMinutes(-i), 3 => Now.AddDays(i), 4 => null, _ => Now.AddDays(-1) },
    };

    private static ReleaseRequestView MakeRequest(int i) => new()
    {
        Id = $"r-{i:D3}",
        EstateId = $"estate-{i % 3}",
        RequestedAt = Now.AddDays(-40 + i),
        IsFinal = i % 3 == 0,
        Stage = i % 3 == 0 ? "Released" : i % 3 == 1 ? ReleaseStates.RulingDue : "Requested",
        ReleasedAt = i % 3 == 0 ? Now.AddDays(-40 + i).AddHours(7 * i) : null,
    };
}

public sealed class SqliteAgendaTests(SqliteTestDatabase database) : AgendaContract(database), IClassFixture<SqliteTestDatabase>;

public sealed class PostgresAgendaTests(PostgresTestDatabase database) : AgendaContract(database), IClassFixture<PostgresTestDatabase>;
