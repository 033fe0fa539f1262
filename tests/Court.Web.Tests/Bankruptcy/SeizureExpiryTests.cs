using System.Net;
using Court.Application.Bankruptcy.Cases;
using Court.Web.Tests.Bankruptcy.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Court.Web.Tests.Bankruptcy;

/// <summary>POST /api/assets/{id}/seizures/{seizureId}/renew, and the expiry sweep on fake time.</summary>
public sealed class SeizureExpiryTests(ApiWithOpenedCase api) : IClassFixture<ApiWithOpenedCase>
{
    private Task<int> SweepAsync() => api.Services.GetRequiredService<SeizureExpirySweep>().RunOnceAsync(CancellationToken.None);

    [Fact]
    public async Task A_deposit_seizure_lapses_after_a_year_unless_renewed_and_the_asset_is_then_free()
    {
        var admin = await api.AsAdministrator();
        var account = (await (await admin.PostJsonAsync($"/api/bankruptcy-cases/{api.CaseId}/assets", new { kind = "DepositAccount", description = "基本存款账户", holdingAgency = "bank-ccb-jiangjin", estimatedValueFen = 1_000_000L, bank = "中国建设银行重庆江津支行", accountNumber = "50001234567890123" })).ReadJsonAsync(HttpStatusCode.Created)).GetProperty("assetId").GetString()!;
        var renewed = await api.RecordSeizureAsync(account, document: "(2021)渝0116执300号");
        var lapsing = await api.RecordSeizureAsync(account, "国家税务总局重庆市江津区税务局", "渝江税冻〔2021〕3号", "Queued");
        var seizures = (await api.AssetAsync(account)).GetProperty("seizures").EnumerateArray().ToList();
        Assert.All(seizures, s => Assert.Equal("2022-05-10", s.GetProperty("expiresOn").GetString()));

        await (await admin.PostJsonAsync($"/api/assets/{account}/seizures/{renewed}/renew", new { documentNumber = "(2021)渝0116执300号之一", renewedOn = api.Today() })).ReadJsonAsync(HttpStatusCode.OK);
        Assert.Equal("2023-04-23", (await api.AssetAsync(account)).GetProperty("seizures").EnumerateArray().Single(s => s.GetProperty("id").GetString() == renewed).GetProperty("expiresOn").GetString());

        // Past 10 May 2022 the unrenewed one lapses; the renewed one binds until April 2023, then it lapses too.
        api.Clock.Advance(TimeSpan.FromDays(20));
        await SweepAsync();
        var afterMay = await api.AssetAsync(account);
        Assert.Equal("Lapsed", afterMay.GetProperty("seizures").EnumerateArray().Single(s => s.GetProperty("id").GetString() == lapsing).GetProperty("status").GetString());
        Assert.Equal("Seized", afterMay.GetProperty("state").GetString());
        Assert.Equal(0, await SweepAsync());

        api.Clock.Advance(TimeSpan.FromDays(365));
        await SweepAsync();
        Assert.Equal("Free", (await api.AssetAsync(account)).GetProperty("state").GetString());
        var late = await (await api.AsAdministrator()).PostJsonAsync($"/api/assets/{account}/seizures/{renewed}/renew", new { documentNumber = "太迟", renewedOn = api.Today() });
        Assert.Equal(HttpStatusCode.Conflict, late.StatusCode);
    }

    [Fact]
    public async Task Renewing_an_unknown_seizure_is_a_404()
    {
        var asset = await api.RegisterBuildingAsync(api.CaseId, "500116001001GB00001F00015001", "锅炉房");

        Assert.Equal(HttpStatusCode.NotFound, (await (await api.AsAdministrator()).PostJsonAsync($"/api/assets/{asset}/seizures/nope/renew", new { documentNumber = "x", renewedOn = api.Today() })).StatusCode);
    }
}
