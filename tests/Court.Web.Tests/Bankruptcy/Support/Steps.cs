using System.Net;
using System.Text.Json;

namespace Court.Web.Tests.Bankruptcy.Support;

/// <summary>The HTTP steps the fixtures and scenarios are built from, each asserting its own success.</summary>
public static class Steps
{
    public const string BuildingUnitCode = "500116001001GB00001F00010001";

    public static async Task<string> OpenCaseAsync(this BankruptcyApi api, string caseNumber = Samples.CaseNumber, string administrator = "admin")
    {
        var response = await (await api.AsClerk()).PostJsonAsync("/api/bankruptcy-cases", Samples.OpenCase(caseNumber) is var body ? With(body, "administratorUserId", administrator) : body);
        return (await response.ReadJsonAsync(HttpStatusCode.Created)).GetProperty("id").GetString()!;
    }

    public static async Task<string> RegisterBuildingAsync(this BankruptcyApi api, string caseId, string unitCode = BuildingUnitCode, string description = "厂房一栋（钢结构）", string administrator = "admin")
    {
        var response = await (await api.As(administrator)).PostJsonAsync($"/api/bankruptcy-cases/{caseId}/assets", Samples.Building(unitCode, description));
        return (await response.ReadJsonAsync(HttpStatusCode.Created)).GetProperty("assetId").GetString()!;
    }

    public static async Task<string> RegisterVehicleAsync(this BankruptcyApi api, string caseId)
    {
        var response = await (await api.AsAdministrator()).PostJsonAsync($"/api/bankruptcy-cases/{caseId}/assets", Samples.Vehicle);
        return (await response.ReadJsonAsync(HttpStatusCode.Created)).GetProperty("assetId").GetString()!;
    }

    public static async Task<string> RecordSeizureAsync(this BankruptcyApi api, string assetId, string body = "重庆市江津区人民法院", string document = "(2021)渝0116执100号", string rank = "First", string administrator = "admin")
    {
        var response = await (await api.As(administrator)).PostJsonAsync($"/api/assets/{assetId}/seizures", Samples.Seizure(body, document, rank));
        return (await response.ReadJsonAsync(HttpStatusCode.Created)).GetProperty("seizureId").GetString()!;
    }

    public static async Task<string> RequestReleaseAsync(this BankruptcyApi api, string caseId, string assetId, params string[] seizureIds)
    {
        var response = await (await api.AsAdministrator()).PostJsonAsync($"/api/bankruptcy-cases/{caseId}/release-requests", new { assetId, seizureIds, reasons = "人民法院已受理破产申请，依企业破产法第十九条应解除保全措施。" });
        return (await response.ReadJsonAsync(HttpStatusCode.Created)).GetProperty("id").GetString()!;
    }

    public static async Task ApproveAsync(this BankruptcyApi api, string requestId) =>
        await (await (await api.AsJudge()).PostJsonAsync($"/api/release-requests/{requestId}/approve", new { note = "同意" })).ReadJsonAsync(HttpStatusCode.OK);

    public static async Task IssueRulingAsync(this BankruptcyApi api, string requestId) =>
        await (await (await api.AsJudge()).PostJsonAsync($"/api/release-requests/{requestId}/issue-ruling", new { })).ReadJsonAsync(HttpStatusCode.OK);

    public static async Task<JsonElement> GetJsonAsync(this HttpClient client, string path, HttpStatusCode expected = HttpStatusCode.OK) =>
        await (await client.GetAsync(path)).ReadJsonAsync(expected);

    public static async Task<JsonElement> ReleaseRequestAsync(this BankruptcyApi api, string requestId) =>
        (await (await api.AsJudge()).GetJsonAsync($"/api/release-requests/{requestId}")).GetProperty("request");

    public static async Task<string> NoticeIdOfAsync(this BankruptcyApi api, string requestId) =>
        (await api.ReleaseRequestAsync(requestId)).GetProperty("noticeId").GetString()!;

    public static async Task<JsonElement> AssetAsync(this BankruptcyApi api, string assetId) =>
        (await (await api.AsJudge()).GetJsonAsync($"/api/assets/{assetId}")).GetProperty("asset");

    public static async Task<JsonElement> ReadJsonAsync(this HttpResponseMessage response, HttpStatusCode expected)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri}: expected {(int)expected}, got {(int)response.StatusCode}: {body}");
        return body.Length == 0 ? default : JsonDocument.Parse(body).RootElement.Clone();
    }

    private static object With(object body, string name, string value)
    {
        var node = JsonSerializer.SerializeToNode(body)!.AsObject();
        node[name] = value;
        return node;
    }
}
