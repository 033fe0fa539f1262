using System.Net;
using Court.Web.Tests.Bankruptcy.Support;
using Court.Web.Tests.GovernmentDebtors.Support;
using static Court.Web.Tests.GovernmentDebtors.Support.GovernmentDebtApi;

namespace Court.Web.Tests.GovernmentDebtors;

/// <summary>POST /units/{code}/leader and /handler: the debts stay with the unit through every change (新官也要理旧账).</summary>
[Collection(GovernmentDebtCollection.Name)]
public sealed class UnitRegisterTests(GovernmentDebtApi api)
{
    private const string Unit = "115001167090000039";

    [Fact]
    public async Task A_new_leader_takes_over_the_units_debts_and_their_age_runs_on()
    {
        var id = await api.OpenAsync(31, Unit);
        var before = await api.CaseAsync(id);
        await Ok(await (await api.As("supervisor")).PostJsonAsync($"/api/government-debts/units/{Unit}/leader", new { name = "黄立新", post = "局长", reason = "换届" }));

        var unit = await Ok(await (await api.As("supervisor")).GetAsync($"/api/government-debts/units/{Unit}"));
        Assert.Equal("黄立新", unit.GetProperty("leader").GetProperty("name").GetString());
        Assert.Equal(2, unit.GetProperty("leadersDuringDebt").GetArrayLength());
        var after = await api.CaseAsync(id);
        Assert.Equal((before.GetProperty("ageDays").GetInt32(), before.GetProperty("outstanding").GetDecimal()), (after.GetProperty("ageDays").GetInt32(), after.GetProperty("outstanding").GetDecimal()));
        Assert.Equal(2, after.GetProperty("leadersDuringDebt").GetArrayLength());
    }

    [Fact]
    public async Task The_handler_changes_and_another_unit_cannot_touch_the_register()
    {
        await api.OpenAsync(32, Unit);
        await Ok(await (await api.As("clerk")).PostJsonAsync($"/api/government-debts/units/{Unit}/handler", new { name = "钱进", post = "法规科科长", phone = "023-47521234" }));
        Assert.Equal("钱进", (await Ok(await (await api.As("clerk")).GetAsync($"/api/government-debts/units/{Unit}"))).GetProperty("handler").GetProperty("name").GetString());

        Assert.Equal(HttpStatusCode.NotFound, (await (await api.As("town")).PostJsonAsync($"/api/government-debts/units/{Unit}/handler", new { name = "某某", post = "某某" })).StatusCode);
        var problem = await Problem(await (await api.As("clerk")).PostJsonAsync($"/api/government-debts/units/{Unit}/leader", new { post = "局长" }), HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty("name", out _));
    }
}
