using Court.Application.GovernmentDebtors;
using Court.Application.Workflows;
using Court.Web.Tests.GovernmentDebtors.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Court.Web.Tests.GovernmentDebtors;

/// <summary>A court started in demo mode: the government-debtor seeder runs its cases through the commands.</summary>
public sealed class CourtWithGovernmentDebtDemo : GovernmentDebtApi
{
    protected override int DemoCases => 1;
}

public sealed class DemoDataTests(CourtWithGovernmentDebtDemo api) : IClassFixture<CourtWithGovernmentDebtDemo>
{
    [Fact]
    public async Task Every_state_of_the_government_debt_definition_has_a_demo_case_and_the_town_changed_its_leader()
    {
        var supervisor = await api.As("supervisor");
        var states = new HashSet<string>(StringComparer.Ordinal);
        foreach (var open in new[] { "true", "false" })
        {
            var docket = await GovernmentDebtApi.Ok(await supervisor.GetAsync($"/api/government-debts/docket?open={open}&limit=200"));
            states.UnionWith(docket.GetProperty("items").EnumerateArray().Select(e => e.GetProperty("state").GetString()!));
        }

        // The states are the definition's: a state added to the process needs a demo case too.
        var definition = api.Services.GetRequiredService<WorkflowCatalog>().Latest(GovernmentDebtCases.WorkflowId)!;
        Assert.Empty(definition.States.Select(s => s.Name).Except(states));

        var town = await GovernmentDebtApi.Ok(await supervisor.GetAsync($"/api/government-debts/units/{GovernmentDebtApi.Town}"));
        Assert.Equal(["张明", "黄立新"], town.GetProperty("leadersDuringDebt").EnumerateArray().Select(l => l.GetProperty("leader").GetProperty("name").GetString()!));
    }
}
