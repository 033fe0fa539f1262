using System.Net;
using Court.Web.Tests.Bankruptcy.Support;

namespace Court.Web.Tests.Bankruptcy;

/// <summary>POST /api/assets/{id}/schedule-disposal on a free building (and on a seized one).</summary>
public sealed class ScheduleDisposalTests(ApiWithFreeBuilding api) : IClassFixture<ApiWithFreeBuilding>
{
    [Fact]
    public async Task A_free_asset_is_scheduled_for_auction_and_scheduling_it_again_changes_nothing()
    {
        var body = new { method = "Auction", platform = "人民法院诉讼资产网", scheduledOn = "2022-05-20", reservePriceFen = 100_000_000_00L };
        var admin = await api.AsAdministrator();

        var response = await admin.PostJsonAsync($"/api/assets/{api.AssetId}/schedule-disposal", body);

        var version = (await response.ReadJsonAsync(HttpStatusCode.OK)).GetProperty("version").GetInt64();
        var asset = await api.AssetAsync(api.AssetId);
        Assert.Equal(("Scheduled", "Scheduled"), (asset.GetProperty("state").GetString(), asset.GetProperty("disposal").GetProperty("workflowState").GetString()));
        Assert.Equal(version, (await (await admin.PostJsonAsync($"/api/assets/{api.AssetId}/schedule-disposal", body)).ReadJsonAsync(HttpStatusCode.OK)).GetProperty("version").GetInt64());
        var refused = await (await admin.PostJsonAsync($"/api/assets/{api.AssetId}/schedule-disposal", body with { reservePriceFen = 1L })).ReadJsonAsync(HttpStatusCode.Conflict);
        Assert.Equal(("workflow.trigger-not-permitted", "Scheduled"), (refused.GetProperty("code").GetString(), refused.GetProperty("state").GetString()));
    }

    [Fact]
    public async Task A_seized_asset_cannot_be_scheduled()
    {
        var (asset, _) = await api.NewSeizedBuildingAsync(api.CaseId);

        var response = await (await api.AsAdministrator()).PostJsonAsync($"/api/assets/{asset}/schedule-disposal", new { method = "Auction", platform = "x", scheduledOn = "2022-05-20", reservePriceFen = 1 });

        Assert.Equal("asset.seized", (await response.ReadJsonAsync(HttpStatusCode.Conflict)).GetProperty("code").GetString());
    }

    [Fact]
    public async Task A_date_in_the_past_is_a_400()
    {
        var asset = await api.RegisterBuildingAsync(api.CaseId, "500116001001GB00001F00018001", "门卫室");

        Assert.Equal("disposal.date-past", (await (await (await api.AsAdministrator()).PostJsonAsync($"/api/assets/{asset}/schedule-disposal", new { method = "Sale", platform = "x", scheduledOn = "2022-01-01", reservePriceFen = 1 })).ReadJsonAsync(HttpStatusCode.BadRequest)).GetProperty("code").GetString());
    }
}

/// <summary>POST /api/assets/{id}/record-unsold and record-sale on a scheduled auction.</summary>
public sealed class RecordDisposalOutcomeTests(ApiWithFreeBuilding api) : IClassFixture<ApiWithFreeBuilding>
{
    private async Task<string> ScheduledAsync(int n)
    {
        var asset = await api.RegisterBuildingAsync(api.CaseId, "500116001001GB00001F0001" + n.ToString("0000", System.Globalization.CultureInfo.InvariantCulture), $"宿舍{n}");
        await (await (await api.AsAdministrator()).PostJsonAsync($"/api/assets/{asset}/schedule-disposal", new { method = "Auction", platform = "人民法院诉讼资产网", scheduledOn = api.Today(), reservePriceFen = 1_000_000L })).ReadJsonAsync(HttpStatusCode.OK);
        return asset;
    }

    [Fact]
    public async Task An_unsold_auction_can_be_followed_by_a_sale()
    {
        var asset = await ScheduledAsync(7001);
        var admin = await api.AsAdministrator();

        await (await admin.PostJsonAsync($"/api/assets/{asset}/record-unsold", new { reason = "无人出价" })).ReadJsonAsync(HttpStatusCode.OK);

        Assert.Equal("Unsold", (await api.AssetAsync(asset)).GetProperty("state").GetString());
        await (await admin.PostJsonAsync($"/api/assets/{asset}/schedule-disposal", new { method = "Sale", platform = "人民法院诉讼资产网", scheduledOn = api.Today(), reservePriceFen = 800_000L })).ReadJsonAsync(HttpStatusCode.OK);
        Assert.Equal("Scheduled", (await api.AssetAsync(asset)).GetProperty("state").GetString());
    }

    [Fact]
    public async Task The_sale_records_buyer_and_price_for_the_judge()
    {
        var asset = await ScheduledAsync(7002);

        await (await (await api.AsAdministrator()).PostJsonAsync($"/api/assets/{asset}/record-sale", new { buyerName = "重庆某某置业有限公司", buyerIdNumber = "91500116MA6000000Q", priceFen = 1_200_000L, soldOn = api.Today() })).ReadJsonAsync(HttpStatusCode.OK);

        var sold = await api.AssetAsync(asset);
        Assert.Equal(("Sold", 1_200_000L), (sold.GetProperty("state").GetString(), sold.GetProperty("disposal").GetProperty("priceFen").GetInt64()));
        Assert.Contains(sold.GetProperty("blockedBy").EnumerateArray(), b => (b.GetProperty("kind").GetString(), b.GetProperty("party").GetString()) == ("awaiting-judge", "judge"));
    }

    [Fact]
    public async Task A_price_below_the_reserve_is_a_400()
    {
        var asset = await ScheduledAsync(7003);

        var response = await (await api.AsAdministrator()).PostJsonAsync($"/api/assets/{asset}/record-sale", new { buyerName = "x", buyerIdNumber = "91500116MA6000000Q", priceFen = 999_999L, soldOn = api.Today() });

        Assert.Equal("disposal.below-reserve", (await response.ReadJsonAsync(HttpStatusCode.BadRequest)).GetProperty("code").GetString());
    }

    [Theory]
    [InlineData("y")]
    [InlineData("91500116MA6000000A")] // a credit code with the wrong check character
    [InlineData("500116198001011235")] // a resident ID with the wrong check digit
    public async Task A_buyer_id_that_is_neither_a_resident_id_nor_a_credit_code_is_a_400_on_the_field_in_the_callers_language(string idNumber)
    {
        var asset = await ScheduledAsync(7004);
        var admin = await api.AsAdministrator();
        var body = new { buyerName = "张三", buyerIdNumber = idNumber, priceFen = 1_200_000L, soldOn = api.Today() };

        var zh = await (await admin.PostJsonAsync($"/api/assets/{asset}/record-sale", body)).ReadJsonAsync(HttpStatusCode.BadRequest);
        using var english = new HttpRequestMessage(HttpMethod.Post, $"/api/assets/{asset}/record-sale") { Content = System.Net.Http.Json.JsonContent.Create(body) };
        english.Headers.AcceptLanguage.ParseAdd("en");
        var en = await (await admin.SendAsync(english)).ReadJsonAsync(HttpStatusCode.BadRequest);

        Assert.Contains(zh.GetProperty("errors").GetProperty("buyerIdNumber")[0].GetString()!, c => c >= '\u4e00' && c <= '\u9fff');
        Assert.Contains("unified social credit code", en.GetProperty("errors").GetProperty("buyerIdNumber")[0].GetString()!, StringComparison.Ordinal);
        Assert.Equal("Scheduled", (await api.AssetAsync(asset)).GetProperty("state").GetString()); // nothing recorded
    }

    [Fact]
    public async Task Nothing_is_sold_that_was_not_scheduled() =>
        Assert.Equal("disposal.not-scheduled", (await (await (await api.AsAdministrator()).PostJsonAsync($"/api/assets/{api.AssetId}/record-sale", new { buyerName = "x", buyerIdNumber = "91500116MA6000000Q", priceFen = 1L, soldOn = api.Today() })).ReadJsonAsync(HttpStatusCode.Conflict)).GetProperty("code").GetString());
}

/// <summary>POST /api/assets/{id}/confirm-sale on a sold building.</summary>
public sealed class ConfirmSaleTests(ApiWithFreeBuilding api) : IClassFixture<ApiWithFreeBuilding>
{
    [Fact]
    public async Task The_judge_confirms_the_sale_and_the_transfer_notice_reaches_the_bureau()
    {
        var admin = await api.AsAdministrator();
        await (await admin.PostJsonAsync($"/api/assets/{api.AssetId}/schedule-disposal", new { method = "Auction", platform = "人民法院诉讼资产网", scheduledOn = api.Today(), reservePriceFen = 1_000_000L })).ReadJsonAsync(HttpStatusCode.OK);
        await (await admin.PostJsonAsync($"/api/assets/{api.AssetId}/record-sale", new { buyerName = "重庆某某置业有限公司", buyerIdNumber = "91500116MA6000000Q", priceFen = 1_200_000L, soldOn = api.Today() })).ReadJsonAsync(HttpStatusCode.OK);
        Assert.Equal(HttpStatusCode.Forbidden, (await admin.PostJsonAsync($"/api/assets/{api.AssetId}/confirm-sale", new { })).StatusCode);

        await (await (await api.AsJudge()).PostJsonAsync($"/api/assets/{api.AssetId}/confirm-sale", new { })).ReadJsonAsync(HttpStatusCode.OK);

        var asset = await api.AssetAsync(api.AssetId);
        Assert.Equal("Confirmed", asset.GetProperty("state").GetString());
        var noticeId = asset.GetProperty("disposal").GetProperty("noticeId").GetString();
        var notice = Assert.Single(await (await api.AsBureau()).GetItemsAsync("/api/notices"), n => n.GetProperty("id").GetString() == noticeId);
        Assert.Equal(("Transfer", "TransferToBuyer", 1_200_000L), (notice.GetProperty("purpose").GetString(), notice.GetProperty("content").GetProperty("action").GetString(), notice.GetProperty("content").GetProperty("priceFen").GetInt64()));
        Assert.StartsWith("江津法过户字", notice.GetProperty("documentNumber").GetString(), StringComparison.Ordinal);
        await (await (await api.AsJudge()).PostJsonAsync($"/api/assets/{api.AssetId}/confirm-sale", new { })).ReadJsonAsync(HttpStatusCode.OK);
        Assert.Single(await (await api.AsBureau()).GetItemsAsync("/api/notices"), n => n.GetProperty("sourceId").GetString() == api.AssetId);
    }

    [Fact]
    public async Task An_asset_not_yet_sold_cannot_be_confirmed()
    {
        var asset = await api.RegisterBuildingAsync(api.CaseId, "500116001001GB00001F00016001", "配电房");

        Assert.Equal(HttpStatusCode.Conflict, (await (await api.AsJudge()).PostJsonAsync($"/api/assets/{asset}/confirm-sale", new { })).StatusCode);
    }
}
