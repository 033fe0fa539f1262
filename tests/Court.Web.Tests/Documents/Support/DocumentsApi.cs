using System.Collections.Concurrent;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Court.Application.Common;
using Court.Application.Documents;
using Court.Domain.Common;
using Court.Domain.Documents;
using Court.Web.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Court.Web.Tests.Documents.Support;

/// <summary>The real host with a generous verification rate limit, and helpers to issue documents as a judge.</summary>
public class DocumentsApi : CourtWebFactory
{
    private readonly ConcurrentDictionary<string, Task<string>> tokens = new(StringComparer.Ordinal);

    public static JsonSerializerOptions Json { get; } = new(JsonSerializerDefaults.Web) { Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() } };

    protected virtual int VerifyPermitLimit => 10_000;

    protected override IReadOnlyDictionary<string, string?> ExtraSettings => new Dictionary<string, string?>
    {
        ["Court:Documents:Verify:PermitLimit"] = VerifyPermitLimit.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Court:PublicBaseUrl"] = "https://court.example.cn/",
    };

    public HttpClient Anonymous() => CreateClient();

    public async Task<HttpClient> As(string user)
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await tokens.GetOrAdd(user, u => GetTokenAsync(u)));
        return client;
    }

    /// <summary>Issues a notice to the natural-resources bureau through the service, as the judge, the way a slice does.</summary>
    public async Task<IssuedDocument> IssueNoticeAsync(string asset = "江津区几江街道鼎山大道88号")
    {
        var scopes = Services.GetRequiredService<IServiceScopeFactory>();
        await using var scope = scopes.CreateScopeAs(new FixedCaller("judge", null, new HashSet<string> { Roles.Judge }, Guid.NewGuid()));
        return await scope.ServiceProvider.GetRequiredService<DocumentIssuer>().IssueAsync(Notice(asset));
    }

    public static DocumentToIssue Notice(string asset = "江津区几江街道鼎山大道88号") => new(
        DocumentKind.AssistedEnforcementNotice,
        "渝0116",
        "release-request-web-1",
        new DocumentContent(
            "协助执行通知书",
            "(2022)渝0116破1号",
            "重庆市江津区规划和自然资源局",
            Agencies.NaturalResources.Code,
            [
                DocumentSection.Text("请协助解除对下列财产的查封，注销查封登记。"),
                DocumentSection.Table("财产", new DocumentField("坐落", asset), new DocumentField("债务人", "重庆某某机械有限公司")),
            ],
            ["重庆市江津区公安局"],
            "联系人：王建国 023-47520000"));

    public static string PathOf(string number) => Uri.EscapeDataString(number);
}

public static class DocumentHttp
{
    public static async Task<JsonElement> JsonAsync(this HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.Content.Headers.ContentType?.MediaType is "application/json" or "application/problem+json", $"{(int)response.StatusCode}: {body}");
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    public static Task<HttpResponseMessage> PostJsonAsync(this HttpClient client, string path, object body, string? ifMatch = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(body, options: DocumentsApi.Json) };
        if (ifMatch is not null)
        {
            request.Headers.IfMatch.Add(new EntityTagHeaderValue(ifMatch));
        }

        return client.SendAsync(request);
    }

    public static Task<HttpResponseMessage> VerifyAsync(this HttpClient client, string number, string code) =>
        client.GetAsync($"/api/verify?number={Uri.EscapeDataString(number)}&code={Uri.EscapeDataString(code)}");
}
