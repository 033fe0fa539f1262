using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Court.Web.Tests.Bankruptcy.Support;

namespace Court.Web.Tests.Host;

/// <summary>ETag and If-Match by one rule (EntityTags) on every endpoint: weak or strong tags, <c>*</c>, no negative versions.</summary>
public sealed class IfMatchTests(ApiWithSeizedBuilding api) : IClassFixture<ApiWithSeizedBuilding>
{
    private static readonly string[] Paragraphs = ["函。"];

    [Fact]
    public async Task A_weak_tag_or_star_is_taken_and_a_stale_one_is_412()
    {
        var administrator = await api.AsAdministrator();

        var weak = await SendAsync(administrator, $"/api/assets/{api.AssetId}/seizures", Samples.Seizure(document: "(2021)渝0116执701号", rank: "Queued"), "W/" + await CaseETagAsync());
        Assert.Equal(HttpStatusCode.Created, weak.StatusCode);

        var star = await SendAsync(administrator, $"/api/assets/{api.AssetId}/seizures", Samples.Seizure(document: "(2021)渝0116执702号", rank: "Queued"), "*");
        Assert.Equal(HttpStatusCode.Created, star.StatusCode);

        var stale = await administrator.PostJsonAsync($"/api/assets/{api.AssetId}/seizures", Samples.Seizure(document: "(2021)渝0116执703号", rank: "Queued"), ifMatch: "\"1\"");
        Assert.Equal(HttpStatusCode.PreconditionFailed, stale.StatusCode);
    }

    [Fact]
    public async Task Creating_a_release_request_honours_if_match()
    {
        var administrator = await api.AsAdministrator();
        var body = new { assetId = api.AssetId, seizureIds = new[] { api.FirstSeizure }, reasons = "依《企业破产法》第十九条，应当解除保全。" };

        var stale = await administrator.PostJsonAsync($"/api/bankruptcy-cases/{api.CaseId}/release-requests", body, ifMatch: "\"999\"");
        Assert.Equal(HttpStatusCode.PreconditionFailed, stale.StatusCode);

        var current = await administrator.PostJsonAsync($"/api/bankruptcy-cases/{api.CaseId}/release-requests", body, ifMatch: await CaseETagAsync());
        Assert.Equal(HttpStatusCode.Created, current.StatusCode);
    }

    [Fact]
    public async Task A_record_that_does_not_exist_yet_has_no_etag_and_a_negative_version_is_refused_everywhere()
    {
        var asset = await (await api.AsAdministrator()).GetAsync($"/api/assets/{api.AssetId}");
        Assert.Equal(HttpStatusCode.OK, asset.StatusCode);
        Assert.Null(asset.Headers.ETag);

        var bankruptcy = await SendAsync(await api.AsAdministrator(), $"/api/assets/{api.AssetId}/schedule-disposal", new { method = "Auction", platform = "人民法院诉讼资产网", scheduledOn = "2030-06-20", reservePriceFen = 100 }, "\"-1\"");
        await AssertNamesIfMatchAsync(bankruptcy);

        var number = await IssueLetterAsync();
        var documents = await SendAsync(await api.AsClerk(), $"/api/documents/{Uri.EscapeDataString(number)}/execute", new { reference = "第1号" }, "\"-1\"");
        await AssertNamesIfMatchAsync(documents);
    }

    [Fact]
    public async Task Documents_take_a_weak_tag_like_every_other_endpoint()
    {
        var number = await IssueLetterAsync();
        var clerk = await api.AsClerk();
        var executed = await SendAsync(clerk, $"/api/documents/{Uri.EscapeDataString(number)}/execute", new { reference = "第2号" }, "*");
        Assert.Equal(HttpStatusCode.OK, executed.StatusCode);
        var etag = executed.Headers.ETag!.Tag;

        var stale = await SendAsync(await api.AsJudge(), $"/api/documents/{Uri.EscapeDataString(number)}/revoke", new { reason = "错发" }, "W/\"7\"");
        var revoked = await SendAsync(await api.AsJudge(), $"/api/documents/{Uri.EscapeDataString(number)}/revoke", new { reason = "错发" }, "W/" + etag);

        Assert.Equal(HttpStatusCode.PreconditionFailed, stale.StatusCode);
        Assert.Equal(HttpStatusCode.OK, revoked.StatusCode);
    }

    private async Task<string> CaseETagAsync() =>
        (await (await api.AsAdministrator()).GetAsync($"/api/bankruptcy-cases/{api.CaseId}")).Headers.ETag!.Tag;

    private async Task<string> IssueLetterAsync()
    {
        var response = await (await api.AsClerk()).PostJsonAsync("/api/documents", new
        {
            kind = "OtherLetter",
            courtCode = "渝0116",
            sourceStreamId = "estate-if-match",
            content = new { title = "函", caseNumber = "(2022)渝0116破1号", addressee = "重庆市江津区人民政府办公室", sections = new[] { new { paragraphs = Paragraphs } } },
        });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.ReadJsonAsync()).GetProperty("number").GetString()!;
    }

    /// <summary>Sends If-Match as typed: HttpClient's typed header would refuse <c>*</c> or a malformed tag before it is sent.</summary>
    private static Task<HttpResponseMessage> SendAsync(HttpClient client, string path, object body, string ifMatch)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(body, options: BankruptcyApi.Json) };
        request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        return client.SendAsync(request);
    }

    private static async Task AssertNamesIfMatchAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{(int)response.StatusCode}: {text}");
        Assert.True(JsonDocument.Parse(text).RootElement.GetProperty("errors").TryGetProperty("If-Match", out _), text);
    }
}
