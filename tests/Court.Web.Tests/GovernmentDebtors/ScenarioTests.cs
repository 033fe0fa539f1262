using System.Globalization;
using System.Net;
using Court.Web.Tests.Bankruptcy.Support;
using Court.Web.Tests.GovernmentDebtors.Support;
using static Court.Web.Tests.GovernmentDebtors.Support.GovernmentDebtApi;

namespace Court.Web.Tests.GovernmentDebtors;

/// <summary>A host of its own: the scenario moves the clock.</summary>
public sealed class ScenarioCourt : GovernmentDebtApi;

/// <summary>
/// The whole mechanism over HTTP: flag → push → supervise with a missing report → report to the Party committee →
/// list → publish → partial then full payment → removal within 3 working days, and the public list follows.
/// </summary>
public sealed class ScenarioTests(ScenarioCourt api) : IClassFixture<ScenarioCourt>
{
    [Fact]
    public async Task From_flagging_to_removal_with_the_public_list_updated()
    {
        // Flag: the town government is flagged from its credit code when the case is opened.
        var id = await api.OpenAsync(100);
        var judge = await api.As("judge");
        await Ok(await judge.PostJsonAsync(CasePath(id) + "/enforcement-notice", new { }));
        await Ok(await judge.PostJsonAsync(CasePath(id) + "/push", new { on = "2022-03-25" }));
        await Ok(await (await api.As("supervisor")).PostJsonAsync(CasePath(id) + "/supervision", new { performBy = "2022-05-31", on = "2022-04-01" }));
        await Ok(await (await api.As("town")).PostJsonAsync(CasePath(id) + "/reports", new { month = "2022-04-01", amount = 0m, progress = "资金未到位" }));

        // Mid-June: May's report (due 5 working days after 31 May) is missing; the supervision office sees it.
        api.Clock.SetUtcNow(new DateTimeOffset(2022, 6, 15, 2, 0, 0, TimeSpan.Zero));
        judge = await api.As("judge");
        var supervisor = await api.As("supervisor");
        var row = Assert.Single((await Ok(await supervisor.GetAsync("/api/government-debts/docket?sort=report-due&q=" + Uri.EscapeDataString("(2022)渝0116执100号")))).GetProperty("items").EnumerateArray());
        Assert.Equal((1, "2022-06-08"), (row.GetProperty("reportsMissing").GetInt32(), row.GetProperty("reportDueOn").GetString()));
        Assert.True(row.GetProperty("overdue").GetBoolean());

        await Ok(await judge.PostJsonAsync(CasePath(id) + "/non-performance", new { }));
        await Ok(await judge.PostJsonAsync(CasePath(id) + "/party-committee-report", new { partyCommittee = "中共重庆市江津区委员会", government = "重庆市江津区人民政府", organisationDepartmentNotified = true }));
        await Ok(await judge.PostJsonAsync(CasePath(id) + "/listing", new { ground = 1 }));
        await Ok(await judge.PostJsonAsync(CasePath(id) + "/listing/publication", new { }));
        var entry = await PublicEntryAsync();
        Assert.Equal((0m, 1_000_000m, "2022-06-15"), (entry!.Value.GetProperty("performed").GetDecimal(), entry.Value.GetProperty("unperformed").GetDecimal(), entry.Value.GetProperty("publishedOn").GetString()));

        // A partial payment shows on the public list; the full one makes the removal due within 3 working days.
        var clerk = await api.As("clerk");
        await Ok(await clerk.PostJsonAsync(CasePath(id) + "/performances", new { amount = 400_000m, on = "2022-06-15" }));
        entry = await PublicEntryAsync();
        Assert.Equal((400_000m, 600_000m), (entry!.Value.GetProperty("performed").GetDecimal(), entry.Value.GetProperty("unperformed").GetDecimal()));

        await Ok(await clerk.PostJsonAsync(CasePath(id) + "/performances", new { amount = 600_000m, on = "2022-06-15" }));
        var due = await api.CaseAsync(id);
        Assert.Equal(("RemovalDue", "2022-06-20", "removal"), (due.GetProperty("state").GetString(), due.GetProperty("removalDueOn").GetString(), due.GetProperty("nextStep").GetString()));

        api.Clock.SetUtcNow(new DateTimeOffset(2022, 6, 17, 2, 0, 0, TimeSpan.Zero));
        await Ok(await (await api.As("judge")).PostJsonAsync(CasePath(id) + "/listing/removal", new { reason = "performed" }));
        var removed = await api.CaseAsync(id);
        var removal = Assert.Single(removed.GetProperty("removals").EnumerateArray());
        Assert.True(DateOnly.Parse(removal.GetProperty("removedOn").GetString()!, CultureInfo.InvariantCulture) <= new DateOnly(2022, 6, 20));
        Assert.Equal(("Removed", 0m), (removed.GetProperty("state").GetString(), removed.GetProperty("outstanding").GetDecimal()));
        var purposes = removed.GetProperty("documents").EnumerateArray().Select(d => d.GetProperty("purpose").GetString()).ToList();
        Assert.Equal(["ReminderLetter", "EnforcementNotice", "PushLetter", "SupervisionLetter", "PartyCommitteeReport", "ListingDecision", "RemovalDecision"], purposes);
        Assert.Null(await PublicEntryAsync());

        // The removal decision is a real document: its number reads back from the documents service.
        var number = removed.GetProperty("documents")[6].GetProperty("documentNumber").GetString()!;
        Assert.Equal(HttpStatusCode.OK, (await (await api.As("judge")).GetAsync("/api/documents/" + Uri.EscapeDataString(number))).StatusCode);
    }

    private async Task<System.Text.Json.JsonElement?> PublicEntryAsync()
    {
        var list = await Ok(await api.Anonymous().GetAsync("/api/public/government-debtors?q=" + Uri.EscapeDataString("(2022)渝0116执100号")));
        return list.GetProperty("items").EnumerateArray().Select(e => (System.Text.Json.JsonElement?)e).SingleOrDefault();
    }
}
