using System.Net;
using Court.Application.Bankruptcy.Cases;
using Court.Web.Tests.Bankruptcy.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Court.Web.Tests.Bankruptcy;

/// <summary>A seizure's status is computed when it is read (issue 12): an expired one does not show as in force until the hourly sweep.</summary>
public sealed class SeizureStatusAtReadTimeTests(ApiWithOpenedCase api) : IClassFixture<ApiWithOpenedCase>
{
    private Task<int> SweepAsync() => api.Services.GetRequiredService<SeizureExpirySweep>().RunOnceAsync(CancellationToken.None);

    private async Task<int> FreeAssetsAsync() =>
        Assert.Single(await (await api.AsAdministrator()).GetItemsAsync("/api/bankruptcy-cases"), c => c.GetProperty("id").GetString() == api.CaseId).GetProperty("assetsFree").GetInt32();

    [Fact]
    public async Task An_expired_seizure_reads_as_lapsed_before_the_sweep_records_it()
    {
        var admin = await api.AsAdministrator();
        var account = (await (await admin.PostJsonAsync($"/api/bankruptcy-cases/{api.CaseId}/assets", new { kind = "DepositAccount", description = "一般存款账户", holdingAgency = "bank-ccb-jiangjin", estimatedValueFen = 500_000L, bank = "中国建设银行重庆江津支行", accountNumber = "50001234567890999" })).ReadJsonAsync(HttpStatusCode.Created)).GetProperty("assetId").GetString()!;
        var freeBefore = await FreeAssetsAsync();

        // A freeze of 2019 recorded late: a deposit seizure lasts a year, so it expired in 2020, and no sweep has run since.
        var seizure = (await (await admin.PostJsonAsync($"/api/assets/{account}/seizures", new { seizingBody = "重庆市江津区人民法院", documentNumber = "(2019)渝0116执301号", seizedOn = "2019-03-01", rank = "First" })).ReadJsonAsync(HttpStatusCode.Created)).GetProperty("seizureId").GetString()!;
        var asset = await api.AssetAsync(account);
        var read = asset.GetProperty("seizures").EnumerateArray().Single(s => s.GetProperty("id").GetString() == seizure);
        Assert.Equal(("Lapsed", "Free"), (read.GetProperty("status").GetString(), asset.GetProperty("state").GetString()));
        Assert.Empty(asset.GetProperty("blockedBy").EnumerateArray());
        Assert.Equal(freeBefore, await FreeAssetsAsync());

        // The sweep then records what the reader already saw.
        Assert.True(await SweepAsync() >= 1);
        Assert.Equal("Free", (await api.AssetAsync(account)).GetProperty("state").GetString());
    }
}
