using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;

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

    /// <summary>The judge rules; before the letters' deadlines pass that needs his recorded reason, so the step gives one.</summary>
    public static async Task IssueRulingAsync(this BankruptcyApi api, string requestId) =>
        await (await (await api.AsJudge()).PostJsonAsync($"/api/release-requests/{requestId}/issue-ruling", new { earlyReason = EarlyReason })).ReadJsonAsync(HttpStatusCode.OK);

    public const string EarlyReason = "查封财产系易贬值设备，继续查封将严重损害债权人利益";

    private static int serial = 100;

    /// <summary>A fresh building with one first seizure in the case: its own asset, so a test can take it anywhere.</summary>
    public static async Task<(string AssetId, string SeizureId)> NewSeizedBuildingAsync(this BankruptcyApi api, string caseId)
    {
        var n = Interlocked.Increment(ref serial);
        var asset = await api.RegisterBuildingAsync(caseId, "500116001001GB00001F0002" + n.ToString("0000", System.Globalization.CultureInfo.InvariantCulture), $"仓库{n}号");
        return (asset, await api.RecordSeizureAsync(asset, document: $"(2021)渝0116执{n}号"));
    }

    /// <summary>A fresh release request (on a fresh building), taken as far as <paramref name="stage"/>: Requested, Approved, Ruled.</summary>
    public static async Task<(string RequestId, string AssetId, string SeizureId)> NewRequestAsync(this BankruptcyApi api, string caseId, string stage = "Requested")
    {
        var (asset, seizure) = await api.NewSeizedBuildingAsync(caseId);
        var request = await api.RequestReleaseAsync(caseId, asset, seizure);
        if (stage is "Approved" or "Ruled")
        {
            await api.ApproveAsync(request);
        }

        if (stage == "Ruled")
        {
            await api.IssueRulingAsync(request);
        }

        return (request, asset, seizure);
    }

    /// <summary>A fresh notice at the bureau (through a fresh request and ruling).</summary>
    public static async Task<string> NewNoticeAsync(this BankruptcyApi api, string caseId) =>
        await api.NoticeIdOfAsync((await api.NewRequestAsync(caseId, "Ruled")).RequestId);

    /// <summary>A new notice of the case left past its deadline: the id of the agenda item the timer places for it.</summary>
    public static async Task<string> OverdueAgendaItemAsync(this BankruptcyApi api, string caseId)
    {
        var noticeId = await api.NewNoticeAsync(caseId);
        var notice = (await (await api.AsBureau()).GetJsonAsync($"/api/notices/{noticeId}")).GetProperty("notice");
        await api.PassAsync(notice.GetProperty("dueAt").GetDateTimeOffset());
        var agenda = await (await api.AsJudge()).GetJsonAsync("/api/joint-meeting/agenda");
        return agenda.GetProperty("items").EnumerateArray().Single(i => i.GetProperty("sourceId").GetString() == noticeId).GetProperty("id").GetString()!;
    }

    public static string Today(this BankruptcyApi api) =>
        DateOnly.FromDateTime(api.Clock.GetUtcNow().ToOffset(TimeSpan.FromHours(8)).DateTime).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    public static async Task<long> CountEventsAsync(this BankruptcyApi api)
    {
        var store = api.Services.GetRequiredService<Court.Application.EventStore.IEventStore>();
        long count = 0;
        var after = 0L;
        while (await store.ReadAllAsync(after, 1000) is { Count: > 0 } page)
        {
            count += page.Count;
            after = page[^1].Position;
        }

        return count;
    }

    public static async Task<JsonElement> GetJsonAsync(this HttpClient client, string path, HttpStatusCode expected = HttpStatusCode.OK) =>
        await (await client.GetAsync(path)).ReadJsonAsync(expected);

    /// <summary>
    /// Every item of a paged list (<c>{ items, next }</c>): reads <paramref name="path"/> at the largest page size and
    /// follows <c>next</c> to the end, so a test that asks "is it in the list" does not depend on the page it lands on.
    /// </summary>
    public static async Task<List<JsonElement>> GetItemsAsync(this HttpClient client, string path)
    {
        var items = new List<JsonElement>();
        var query = (path.Contains('?', StringComparison.Ordinal) ? "&" : "?") + "limit=200";
        string? next = null;
        do
        {
            var page = await client.GetJsonAsync(path + query + (next is null ? "" : "&after=" + Uri.EscapeDataString(next)));
            items.AddRange(page.GetProperty("items").EnumerateArray());
            next = page.TryGetProperty("next", out var cursor) && cursor.ValueKind == JsonValueKind.String ? cursor.GetString() : null;
        }
        while (next is not null);
        return items;
    }

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
