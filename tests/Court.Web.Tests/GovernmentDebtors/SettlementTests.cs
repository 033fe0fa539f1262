using System.Net;
using Court.Web.Tests.Bankruptcy.Support;
using Court.Web.Tests.GovernmentDebtors.Support;
using static Court.Web.Tests.GovernmentDebtors.Support.GovernmentDebtApi;

namespace Court.Web.Tests.GovernmentDebtors;

[Collection(GovernmentDebtCollection.Name)]
public sealed class SettlementTests(GovernmentDebtApi api)
{
    [Fact]
    public async Task A_settlement_replaces_what_remains_by_the_agreed_amount()
    {
        var id = await api.SupervisedAsync(19, amount: 500_000m);
        await Ok(await (await api.As("clerk")).PostJsonAsync(CasePath(id) + "/settlement", new { amount = 420_000m, terms = "分两期付清，免除部分违约金" }));
        var detail = await api.CaseAsync(id);
        Assert.Equal((420_000m, "Supervised"), (detail.GetProperty("outstanding").GetDecimal(), detail.GetProperty("state").GetString()));
    }

    [Fact]
    public async Task The_debtor_unit_may_not_record_a_settlement()
    {
        var id = await api.SupervisedAsync(530);
        Assert.Equal(HttpStatusCode.Forbidden, (await (await api.As("town")).PostJsonAsync(CasePath(id) + "/settlement", new { amount = 0m, terms = "和解" })).StatusCode);
        Assert.Equal("Supervised", (await api.CaseAsync(id)).GetProperty("state").GetString());
    }

    [Fact]
    public async Task A_settlement_on_an_unknown_case_is_not_found() =>
        Assert.Equal(HttpStatusCode.NotFound, (await (await api.As("clerk")).PostJsonAsync(CasePath(UnknownCase) + "/settlement", new { amount = 0m, terms = "和解" })).StatusCode);

    [Fact]
    public async Task A_settlement_without_amount_or_terms_is_refused_on_both_fields_in_chinese_and_in_english() =>
        await AssertRefusedInBothLanguagesAsync(await api.As("clerk"), CasePath(await api.SupervisedAsync(531)) + "/settlement", new { }, "amount", "terms");

    [Fact]
    public async Task A_settlement_on_a_stale_version_fails_the_precondition()
    {
        var id = await api.SupervisedAsync(532);
        var clerk = await api.As("clerk");
        var version = (await api.CaseAsync(id)).GetProperty("version").GetInt64();
        var stale = await Problem(await clerk.PostJsonAsync(CasePath(id) + "/settlement", new { amount = 0m, terms = "和解" }, ifMatch: $"\"{version - 1}\""), HttpStatusCode.PreconditionFailed);
        Assert.Equal("urn:court:error:concurrency", stale.GetProperty("type").GetString());
        Assert.Equal(version, (await api.CaseAsync(id)).GetProperty("version").GetInt64());
    }
}
