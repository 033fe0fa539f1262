using System.Net;
using Court.Web.Tests.Bankruptcy.Support;
using Court.Web.Tests.GovernmentDebtors.Support;
using static Court.Web.Tests.GovernmentDebtors.Support.GovernmentDebtApi;

namespace Court.Web.Tests.GovernmentDebtors;

/// <summary>A debtor unit sees only its own cases; the supervision office sees every flagged case; other agencies nothing.</summary>
[Collection(GovernmentDebtCollection.Name)]
public sealed class AgencyIsolationTests(GovernmentDebtApi api)
{
    [Fact]
    public async Task Each_party_sees_what_is_addressed_to_it()
    {
        var town = await api.OpenAsync(33);
        var bureau = await api.OpenAsync(34, Bureau);

        var townDocket = await Ok(await (await api.As("town")).GetAsync("/api/government-debts/docket?limit=200"));
        var townCases = townDocket.GetProperty("items").EnumerateArray().Select(e => e.GetProperty("debtorCreditCode").GetString()).ToList();
        Assert.NotEmpty(townCases);
        Assert.All(townCases, c => Assert.Equal(Town, c));
        Assert.Equal(HttpStatusCode.OK, (await (await api.As("town")).GetAsync(CasePath(town))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await (await api.As("town")).GetAsync(CasePath(bureau))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await (await api.As("town")).PostJsonAsync(CasePath(bureau) + "/reports", new { month = "2022-04-01", progress = "x" })).StatusCode);

        var supervisor = await Ok(await (await api.As("supervisor")).GetAsync("/api/government-debts/docket?limit=200&q=" + Uri.EscapeDataString("渝0116执3")));
        var seen = supervisor.GetProperty("items").EnumerateArray().Select(e => e.GetProperty("id").GetString()).ToList();
        Assert.Contains(town, seen);
        Assert.Contains(bureau, seen);

        var bank = await api.As("bank");
        Assert.Equal(HttpStatusCode.Forbidden, (await bank.GetAsync("/api/government-debts/docket")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await bank.GetAsync("/api/government-debts/units")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await bank.GetAsync(CasePath(town))).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await api.Anonymous().GetAsync("/api/government-debts/docket")).StatusCode);
    }
}
