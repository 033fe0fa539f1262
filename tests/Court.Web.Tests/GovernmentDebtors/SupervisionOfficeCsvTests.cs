using System.Net.Http.Headers;
using Court.Application.GovernmentDebtors;
using Court.Application.Workflows;
using Court.Web.Tests.Bankruptcy.Support;
using Court.Web.Tests.GovernmentDebtors.Support;
using Microsoft.Extensions.DependencyInjection;
using static Court.Web.Tests.GovernmentDebtors.Support.GovernmentDebtApi;

namespace Court.Web.Tests.GovernmentDebtors;

/// <summary>The supervision office's CSV export against the record: a case with a known amount and payment, its unit's leader changed. Today is 2022-04-23.</summary>
[Collection(GovernmentDebtCollection.Name)]
public sealed class SupervisionOfficeCsvTests(GovernmentDebtApi api)
{
    private const string Unit = "115001167090000404";

    [Fact]
    public async Task The_csv_row_says_the_amount_in_yuan_from_fen_and_the_age_from_the_judgment_across_a_change_of_leader()
    {
        var id = await api.OpenAsync(350, Unit, amount: 12_345.67m);
        var clerk = await api.As("clerk");
        await Ok(await clerk.PostJsonAsync(CasePath(id) + "/performances", new { kind = "payment", amount = 2_345.60m, on = "2022-04-10", description = "第一期" }));
        var supervisor = await api.As("supervisor");
        await Ok(await supervisor.PostJsonAsync($"/api/government-debts/units/{Unit}/leader", new { name = "黄立新", post = "局长", reason = "换届" }));
        var record = await api.CaseAsync(id);

        var csv = await supervisor.GetAsync("/api/government-debts/docket?format=csv&q=" + Uri.EscapeDataString("执350号"));
        var lines = (await csv.Content.ReadAsStringAsync()).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, lines.Length);
        var header = lines[0].Split(',');
        var row = lines[1].Split(',');
        Assert.Equal(header.Length, row.Length);
        string Cell(string name) => row[Array.IndexOf(header, name)];

        Assert.Equal(record.GetProperty("caseNumber").GetString(), Cell("case_number"));
        Assert.Equal("重庆市江津区交通运输局", Cell("debtor"));
        Assert.Equal(Unit, Cell("credit_code"));
        Assert.Equal("重庆市江津区人民政府", Cell("supervising_unit"));
        // The state by its title in the definition the case is pinned to, in Chinese by default; never the state's code.
        var state = api.Services.GetRequiredService<WorkflowCatalog>().Find(GovernmentDebtCases.WorkflowId, record.GetProperty("workflowVersion").GetInt32())!.FindState(record.GetProperty("state").GetString()!)!;
        Assert.Equal(state.Title.Zh, Cell("state"));
        Assert.NotEqual(state.Name, Cell("state"));
        Assert.Equal(10_000.07m, record.GetProperty("outstanding").GetDecimal());
        Assert.Equal("10000.07", Cell("outstanding_yuan"));
        // The judgment took effect on 2022-02-10: 72 days to 2022-04-23, whoever leads the unit now.
        Assert.Equal("72", Cell("age_days"));
        Assert.Equal("0", Cell("reports_missing"));
        Assert.Equal("no", Cell("listed"));

        var unit = await Ok(await supervisor.GetAsync($"/api/government-debts/units/{Unit}"));
        Assert.Equal(72, unit.GetProperty("ageDays").GetInt32());
        var leaders = unit.GetProperty("leadersDuringDebt").EnumerateArray().Select(l => l.ToString()).ToList();
        Assert.Contains(leaders, l => l.Contains("张明", StringComparison.Ordinal));
        Assert.Contains(leaders, l => l.Contains("黄立新", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_csv_names_the_state_by_its_english_title_when_english_is_asked_for()
    {
        var id = await api.PushedAsync(351, code: Unit);
        var record = await api.CaseAsync(id);
        var state = api.Services.GetRequiredService<WorkflowCatalog>().Find(GovernmentDebtCases.WorkflowId, record.GetProperty("workflowVersion").GetInt32())!.FindState("Pushed")!;
        var supervisor = await api.As("supervisor");
        supervisor.DefaultRequestHeaders.AcceptLanguage.Add(new StringWithQualityHeaderValue("en-US"));

        var csv = await supervisor.GetAsync("/api/government-debts/docket?format=csv&q=" + Uri.EscapeDataString("执351号"));
        var lines = (await csv.Content.ReadAsStringAsync()).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        var header = lines[0].Split(',');
        Assert.Equal(state.Title.En, lines.Single(l => l.StartsWith(record.GetProperty("caseNumber").GetString()!, StringComparison.Ordinal)).Split(',')[Array.IndexOf(header, "state")]);
    }
}
