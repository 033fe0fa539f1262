using Court.Application.Common;
using Court.Application.Demo;
using Court.Web.Tests.Bankruptcy.Support;

namespace Court.Web.Tests.Bankruptcy;

/// <summary>A court started in demo mode with one case per seeder: bankruptcy seeds its dozen estates anyway.</summary>
public sealed class CourtWithBankruptcyDemo : BankruptcyApi
{
    protected override int DemoCases => 1;
}

/// <summary>The demo seeder goes through the slice's own commands and leaves estates in every state.</summary>
public sealed class DemoDataTests(CourtWithBankruptcyDemo api) : IClassFixture<CourtWithBankruptcyDemo>
{
    [Fact]
    public async Task A_dozen_estates_cover_every_stage_from_seized_to_transferred()
    {
        var judge = await api.AsJudge();
        var cases = await judge.GetItemsAsync("/api/bankruptcy-cases");
        Assert.True(cases.Count >= 12, $"{cases.Count} cases");

        var states = new HashSet<string>(StringComparer.Ordinal);
        foreach (var c in cases)
        {
            var view = await judge.GetJsonAsync($"/api/bankruptcy-cases/{c.GetProperty("id").GetString()}");
            foreach (var asset in view.GetProperty("assets").EnumerateArray())
            {
                states.Add(asset.GetProperty("state").GetString()!);
            }
        }

        // Every stage, named as the processes holding the assets name their states (Seized / Free when none does).
        Assert.Superset(new HashSet<string>(["Seized", "Requested", "AwaitingSeizingBodies", "Free", "AwaitingRegistry", "Stalled", "Scheduled", "Sold", "Confirmed", "Transferred"]), states);
        var agenda = await judge.GetJsonAsync("/api/joint-meeting/agenda");
        Assert.Contains(agenda.GetProperty("items").EnumerateArray(), i => i.GetProperty("decisions").GetArrayLength() > 0 && i.GetProperty("actions").GetArrayLength() > 0);
        Assert.NotEmpty((await (await api.AsBureau()).GetJsonAsync("/api/notices")).GetProperty("items").EnumerateArray());
        Assert.NotEmpty((await (await api.AsAdministrator()).GetJsonAsync("/api/release-requests")).GetProperty("items").EnumerateArray());
    }

    /// <summary>Documents print the demo users' names and titles: a name is a name, and the court's people belong to the court.</summary>
    [Fact]
    public void Every_demo_user_has_a_plain_name_and_a_title_and_the_courts_people_sign_for_the_pilot_court()
    {
        Assert.All(DemoUsers.All, u =>
        {
            Assert.DoesNotMatch("[（()]", u.DisplayNameZh + u.DisplayNameEn);
            Assert.False(string.IsNullOrWhiteSpace(u.Title), $"{u.UserName} has no title");
        });
        Assert.All(DemoUsers.All.Where(u => u.Role is Roles.Clerk or Roles.Judge or Roles.CourtPresident), u => Assert.Equal(DemoUser.PilotCourt, u.Court));
    }
}
