using System.Net;
using Court.Web.Tests.Bankruptcy.Support;
using Court.Web.Tests.GovernmentDebtors.Support;
using static Court.Web.Tests.GovernmentDebtors.Support.GovernmentDebtApi;

namespace Court.Web.Tests.GovernmentDebtors;

/// <summary>
/// A court whose local mechanism has no written report to the Party committee publishes version 2 of the process
/// (GovernmentDebtors/Definitions/government-debtor-enforcement.v2.json: the state and its transition dropped, the
/// listing straight from "found not performed"). The host reads its workflows folder from settings; no code changes.
/// </summary>
public sealed class CourtWithoutPartyCommitteeStep : GovernmentDebtApi
{
    private readonly Court.Testing.TempDirectory workflows = CopyOfShippedWorkflows();

    protected override IReadOnlyDictionary<string, string?> ExtraSettings => new Dictionary<string, string?> { ["Court:Workflows:Path"] = workflows.Path };

    private static Court.Testing.TempDirectory CopyOfShippedWorkflows()
    {
        var folder = new Court.Testing.TempDirectory("court-workflows");
        var shipped = Path.Combine(AppContext.BaseDirectory, "workflows");
        foreach (var file in Directory.EnumerateFiles(shipped, "*.json", SearchOption.AllDirectories))
        {
            var target = Path.Combine(folder.Path, Path.GetRelativePath(shipped, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }

        File.Copy(Path.Combine(AppContext.BaseDirectory, "GovernmentDebtors", "Definitions", "government-debtor-enforcement.v2.json"), Path.Combine(folder.Path, "government-debtor-enforcement.v2.json"));
        return folder;
    }
}

public sealed class WithoutPartyCommitteeStepTests(CourtWithoutPartyCommitteeStep api) : IClassFixture<CourtWithoutPartyCommitteeStep>
{
    [Fact]
    public async Task The_lifecycle_runs_on_the_local_definition_without_the_report_step()
    {
        var id = await api.SupervisedAsync(200, amount: 50_000m);
        var judge = await api.As("judge");
        Assert.Equal(2, (await api.CaseAsync(id)).GetProperty("workflowVersion").GetInt32());
        await Ok(await judge.PostJsonAsync(CasePath(id) + "/non-performance", new { }));

        var report = await Problem(await judge.PostJsonAsync(CasePath(id) + "/party-committee-report", new { partyCommittee = "区委", government = "区政府" }), HttpStatusCode.Conflict);
        Assert.Equal("workflow.trigger-not-permitted", report.GetProperty("code").GetString());

        await Ok(await judge.PostJsonAsync(CasePath(id) + "/listing", new { ground = 1 }));
        await Ok(await judge.PostJsonAsync(CasePath(id) + "/listing/publication", new { }));
        await Ok(await (await api.As("clerk")).PostJsonAsync(CasePath(id) + "/performances", new { amount = 50_000m }));
        await Ok(await judge.PostJsonAsync(CasePath(id) + "/listing/removal", new { reason = "performed" }));

        var done = await api.CaseAsync(id);
        Assert.Equal("Removed", done.GetProperty("state").GetString());
        Assert.DoesNotContain(done.GetProperty("documents").EnumerateArray(), d => d.GetProperty("purpose").GetString() == "PartyCommitteeReport");
    }

    [Fact]
    public async Task The_case_page_offers_no_form_for_the_step_the_local_definition_dropped()
    {
        var id = await api.SupervisedAsync(201, amount: 50_000m);
        var judge = await api.As("judge");
        await Ok(await judge.PostJsonAsync(CasePath(id) + "/non-performance", new { }));

        var page = await judge.GetAsync("/GovernmentDebtors/Case/" + id);
        var html = await page.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.DoesNotContain("data-testid=\"step-ReportGovernmentDebtToPartyCommittee\"", html, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"step-ListGovernmentDebtor\"", html, StringComparison.Ordinal);
    }
}
