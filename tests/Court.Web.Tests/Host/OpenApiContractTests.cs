using System.Net;
using System.Text;
using System.Text.Json;
using Court.Web.Tests.Bankruptcy.Support;

namespace Court.Web.Tests.Host;

/// <summary>
/// The OpenAPI document as the agencies' contract (decision 0130): every operation named, the headers each takes and
/// answers, the statuses the host's layers can answer, integers as integers — and what it declares is what the host does.
/// </summary>
public sealed class OpenApiContractTests(ApiWithSeizedBuilding api) : IClassFixture<ApiWithSeizedBuilding>
{
    private static readonly string[] Writes = ["post", "put", "patch", "delete"];

    [Fact]
    public async Task Every_operation_has_its_own_operation_id_the_token_endpoint_too()
    {
        var operations = await OperationsAsync();

        var ids = operations.Select(o => o.Operation.TryGetProperty("operationId", out var id) ? id.GetString() : null).ToList();
        Assert.All(operations, o => Assert.True(o.Operation.TryGetProperty("operationId", out _), $"{o.Method} {o.Path} has no operationId"));
        Assert.Equal(ids.Count, ids.Distinct(StringComparer.Ordinal).Count());
        Assert.Equal("IssueToken", Operation(operations, "post", "/api/auth/token").GetProperty("operationId").GetString());
    }

    [Fact]
    public async Task Every_write_takes_an_idempotency_key_and_says_when_an_answer_is_a_replay_except_signing_in()
    {
        var operations = await OperationsAsync();

        var writes = operations.Where(o => Writes.Contains(o.Method) && o.Path != "/api/auth/token").ToList();
        Assert.NotEmpty(writes);
        Assert.All(writes, o =>
        {
            Assert.Contains("Idempotency-Key", HeaderParameters(o.Operation));
            Assert.All(Successes(o.Operation), r => Assert.True(Headers(r).Contains("Idempotent-Replayed"), $"{o.Method} {o.Path}"));
            Assert.True(o.Operation.GetProperty("responses").TryGetProperty("422", out _), $"{o.Method} {o.Path} does not declare 422");
        });
        Assert.DoesNotContain("Idempotency-Key", HeaderParameters(Operation(operations, "post", "/api/auth/token")));
    }

    [Theory]
    [InlineData("/api/assets/{id}/seizures")]
    [InlineData("/api/assets/{id}/seizures/{seizureId}/renew")]
    [InlineData("/api/notices/{id}/query")]
    [InlineData("/api/bankruptcy-cases/{id}/release-requests")]
    [InlineData("/api/release-requests/{id}/issue-ruling")]
    public async Task Writes_that_check_the_version_declare_if_match_412_and_the_new_etag(string path)
    {
        var operation = Operation(await OperationsAsync(), "post", path);

        Assert.Contains("If-Match", HeaderParameters(operation));
        Assert.True(operation.GetProperty("responses").TryGetProperty("412", out _), $"{path} does not declare 412");
        Assert.All(Successes(operation), r => Assert.Contains("ETag", Headers(r)));
    }

    [Fact]
    public async Task Every_operation_declaring_if_match_refuses_a_negative_version_naming_the_header()
    {
        var declaring = (await OperationsAsync()).Where(o => HeaderParameters(o.Operation).Contains("If-Match")).ToList();
        Assert.True(declaring.Count > 40, $"only {declaring.Count} operations declare If-Match");
        var administrator = await api.AsAdministrator();

        foreach (var (method, path, _) in declaring)
        {
            using var request = new HttpRequestMessage(new HttpMethod(method.ToUpperInvariant()), FillRoute(path)) { Content = new StringContent("{}", Encoding.UTF8, "application/json") };
            request.Headers.TryAddWithoutValidation("If-Match", "\"-1\"");

            using var response = await administrator.SendAsync(request);

            var text = await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{method} {path}: {(int)response.StatusCode} {text}");
            Assert.True(JsonDocument.Parse(text).RootElement.GetProperty("errors").TryGetProperty("If-Match", out _), $"{method} {path}: {text}");
        }
    }

    [Fact]
    public async Task A_created_record_answers_where_it_is_and_its_etag_as_the_document_says()
    {
        var operation = Operation(await OperationsAsync(), "post", "/api/assets/{id}/seizures");
        Assert.Contains("Location", Headers(operation.GetProperty("responses").GetProperty("201")));
        Assert.Contains("ETag", Headers(operation.GetProperty("responses").GetProperty("201")));

        var created = await (await api.AsAdministrator()).PostJsonAsync($"/api/assets/{api.AssetId}/seizures", Samples.Seizure(document: "(2021)渝0116执801号", rank: "Queued"));

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.NotNull(created.Headers.Location);
        Assert.NotNull(created.Headers.ETag);
    }

    [Fact]
    public async Task Every_write_declares_the_refusals_it_can_answer_as_problem_details()
    {
        var writes = (await OperationsAsync()).Where(o => Writes.Contains(o.Method) && o.Path.StartsWith("/api/", StringComparison.Ordinal) && o.Path != "/api/auth/token").ToList();
        Assert.True(writes.Count > 40, $"only {writes.Count} writes");

        Assert.All(writes, o =>
        {
            var responses = o.Operation.GetProperty("responses");
            var expected = new List<string> { "409", "422" };
            // Signed-in operations (401 with WWW-Authenticate) can be refused by role or agency; the signed carrier webhook cannot.
            if (responses.TryGetProperty("401", out var unauthorized) && Headers(unauthorized).Contains("WWW-Authenticate"))
            {
                expected.Add("403");
            }

            if (o.Path.Contains('{', StringComparison.Ordinal))
            {
                expected.Add("404");
            }

            if (o.Operation.TryGetProperty("requestBody", out _))
            {
                expected.Add("400");
            }

            if (HeaderParameters(o.Operation).Contains("If-Match"))
            {
                expected.Add("412");
            }

            Assert.All(expected, status => Assert.True(responses.TryGetProperty(status, out _), $"{o.Method} {o.Path} does not declare {status}"));
        });
    }

    [Fact]
    public async Task Every_declared_refusal_is_a_problem_details_document()
    {
        var refusals = (await OperationsAsync()).SelectMany(o => o.Operation.GetProperty("responses").EnumerateObject()
            .Where(r => r.Name[0] is '4' or '5').Select(r => (o.Method, o.Path, Status: r.Name, Response: r.Value))).ToList();

        Assert.NotEmpty(refusals);
        Assert.All(refusals, r =>
        {
            var schema = r.Response.TryGetProperty("content", out var content) && content.TryGetProperty("application/problem+json", out var media)
                ? media.GetProperty("schema").GetProperty("$ref").GetString() : null;
            Assert.True(schema is "#/components/schemas/ProblemDetails" or "#/components/schemas/HttpValidationProblemDetails", $"{r.Method} {r.Path} {r.Status}: {r.Response}");
        });
    }

    [Fact]
    public async Task What_writes_really_answer_is_what_they_declare()
    {
        var operations = await OperationsAsync();
        var administrator = await api.AsAdministrator();
        var unknown = Guid.NewGuid().ToString();

        // 404 for a record that is not there, 412 for a stale version, 400 for a body that cannot be read.
        await AssertDeclaredAsync(operations, "post", "/api/assets/{id}/seizures", await administrator.PostJsonAsync($"/api/assets/{unknown}/seizures", Samples.Seizure(document: "(2021)渝0116执802号", rank: "Queued")));
        using (var stale = new HttpRequestMessage(HttpMethod.Post, $"/api/assets/{api.AssetId}/seizures") { Content = JsonContent(Samples.Seizure(document: "(2021)渝0116执803号", rank: "Queued")) })
        {
            stale.Headers.TryAddWithoutValidation("If-Match", "\"9999\"");
            await AssertDeclaredAsync(operations, "post", "/api/assets/{id}/seizures", await administrator.SendAsync(stale), HttpStatusCode.PreconditionFailed);
        }

        await AssertDeclaredAsync(operations, "post", "/api/bankruptcy-cases/{id}/assets", await administrator.PostAsync($"/api/bankruptcy-cases/{api.CaseId}/assets", new StringContent("{", Encoding.UTF8, "application/json")), HttpStatusCode.BadRequest);
        await AssertDeclaredAsync(operations, "post", "/api/release-requests/{id}/issue-ruling", await administrator.PostJsonAsync($"/api/release-requests/{unknown}/issue-ruling", new { }));
    }

    private static StringContent JsonContent(object body) => new(JsonSerializer.Serialize(body), Encoding.UTF8, "application/json");

    private static async Task AssertDeclaredAsync(List<(string Method, string Path, JsonElement Operation)> operations, string method, string path, HttpResponseMessage response, HttpStatusCode? expected = null)
    {
        var text = await response.Content.ReadAsStringAsync();
        if (expected is { } status)
        {
            Assert.True(response.StatusCode == status, $"{method} {path}: {(int)response.StatusCode} {text}");
        }

        Assert.True((int)response.StatusCode >= 400, $"{method} {path}: {(int)response.StatusCode} {text}");
        var code = ((int)response.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(Operation(operations, method, path).GetProperty("responses").TryGetProperty(code, out _), $"{method} {path} answered {code} undeclared: {text}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Every_success_declares_its_body_the_files_too_but_for_a_shrinking_list()
    {
        // What a generated client cannot read (decision 0165): a 2xx with no body, so its method returns nothing.
        string[] notYet =
        [
            "ConfirmSmallClaimsThreshold", "GetGovernmentDebtCase", "GetGovernmentDebtTotals", "GetGovernmentDebtor", "GetSmallClaimsCase",
            "ListFeeSchedules", "ListGovernmentDebtDepartments", "ListSmallClaimsThresholds",
            "PublishSmallClaimsThreshold", "RecordSmallClaimsRefundPaid", "VerifyLog", "VerifyStreamChain",
        ];
        var operations = await OperationsAsync();

        var bodiless = operations
            .Where(o => o.Operation.GetProperty("responses").EnumerateObject().Any(r => r.Name[0] == '2' && r.Name != "204" && !r.Value.TryGetProperty("content", out _)))
            .Select(o => o.Operation.GetProperty("operationId").GetString())
            .Order(StringComparer.Ordinal);
        Assert.Equal(notYet, bodiless);
        var inbox = Operation(operations, "get", "/api/notices").GetProperty("responses").GetProperty("200").GetProperty("content");
        Assert.True(inbox.TryGetProperty("application/json", out _) && inbox.TryGetProperty("text/csv", out _), inbox.ToString());
    }

    [Fact]
    public async Task Every_201_declares_its_location()
    {
        var created = (await OperationsAsync()).Where(o => o.Operation.GetProperty("responses").TryGetProperty("201", out _)).ToList();

        Assert.NotEmpty(created);
        Assert.All(created, o => Assert.Contains("Location", Headers(o.Operation.GetProperty("responses").GetProperty("201"))));
    }

    [Fact]
    public async Task Signed_in_operations_declare_401_with_www_authenticate_403_and_503_and_public_ones_no_401()
    {
        var operations = await OperationsAsync();

        var assets = Operation(operations, "post", "/api/bankruptcy-cases/{id}/assets").GetProperty("responses");
        Assert.Contains("WWW-Authenticate", Headers(assets.GetProperty("401")));
        foreach (var status in new[] { "403", "413", "415", "503" })
        {
            Assert.True(assets.TryGetProperty(status, out _), $"RegisterAsset does not declare {status}");
        }

        Assert.Contains("Retry-After", Headers(assets.GetProperty("503")));
        Assert.False(Operation(operations, "get", "/api/verify").GetProperty("responses").TryGetProperty("401", out _));
    }

    [Fact]
    public async Task Rate_limited_operations_declare_429_with_retry_after()
    {
        var operations = await OperationsAsync();

        foreach (var (method, path) in new[] { ("post", "/api/auth/token"), ("get", "/api/verify"), ("get", "/api/public/government-debtors") })
        {
            var responses = Operation(operations, method, path).GetProperty("responses");
            Assert.Contains("Retry-After", Headers(responses.GetProperty("429")));
        }

        var token = Operation(operations, "post", "/api/auth/token").GetProperty("responses");
        Assert.True(token.TryGetProperty("401", out _));
        Assert.True(token.TryGetProperty("200", out _));
    }

    [Fact]
    public async Task Integers_are_integers_in_the_document_and_on_the_wire()
    {
        var text = await api.Anonymous().GetStringAsync("/openapi/v1.json");
        using var document = JsonDocument.Parse(text);

        var mixed = Schemas(document.RootElement).Where(s => s.TryGetProperty("type", out var type) && type.ValueKind == JsonValueKind.Array
            && type.EnumerateArray().Any(t => t.GetString() is "integer" or "number") && type.EnumerateArray().Any(t => t.GetString() == "string")).ToList();
        Assert.Empty(mixed);

        var asText = await (await api.AsAdministrator()).PostAsync(
            $"/api/bankruptcy-cases/{api.CaseId}/assets",
            new StringContent("""{"kind":"Other","description":"设备","holdingAgency":"nrb-jiangjin","estimatedValueFen":"100"}""", Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, asText.StatusCode);
        Assert.True(JsonDocument.Parse(await asText.Content.ReadAsStringAsync()).RootElement.GetProperty("errors").TryGetProperty("estimatedValueFen", out _));
    }

    [Fact]
    public async Task Every_reference_in_the_document_resolves()
    {
        using var document = JsonDocument.Parse(await api.Anonymous().GetStringAsync("/openapi/v1.json"));
        var components = document.RootElement.GetProperty("components").GetProperty("schemas");

        var references = Schemas(document.RootElement).Where(s => s.TryGetProperty("$ref", out _)).Select(s => s.GetProperty("$ref").GetString()!).Distinct().ToList();

        Assert.NotEmpty(references);
        Assert.All(references, r => Assert.True(components.TryGetProperty(r.Split('/')[^1], out _), $"{r} does not resolve"));
    }

    private string FillRoute(string path) => path
        .Replace("{id}", api.AssetId, StringComparison.Ordinal)
        .Replace("{caseId}", api.CaseId, StringComparison.Ordinal)
        .Replace("{seizureId}", api.FirstSeizure, StringComparison.Ordinal)
        .Replace("{number}", "x", StringComparison.Ordinal)
        .Replace("{code}", "x", StringComparison.Ordinal)
        .Replace("{noticeId}", "x", StringComparison.Ordinal)
        .Replace("{refundId}", "x", StringComparison.Ordinal)
        .Replace("{queryId}", "x", StringComparison.Ordinal)
        .Replace("{serviceId}", "x", StringComparison.Ordinal)
        .Replace("{partyId}", "x", StringComparison.Ordinal)
        .Replace("{stream}", "x", StringComparison.Ordinal) + "?stream=x";

    private async Task<List<(string Method, string Path, JsonElement Operation)>> OperationsAsync()
    {
        using var document = JsonDocument.Parse(await api.Anonymous().GetStringAsync("/openapi/v1.json"));
        return [.. document.RootElement.GetProperty("paths").EnumerateObject()
            .SelectMany(path => path.Value.EnumerateObject()
                .Where(m => m.Name is "get" or "post" or "put" or "patch" or "delete")
                .Select(m => (m.Name, path.Name, m.Value.Clone())))];
    }

    private static JsonElement Operation(IEnumerable<(string Method, string Path, JsonElement Operation)> operations, string method, string path) =>
        operations.Single(o => o.Method == method && o.Path == path).Operation;

    private static List<string> HeaderParameters(JsonElement operation) =>
        operation.TryGetProperty("parameters", out var parameters)
            ? [.. parameters.EnumerateArray().Where(p => p.GetProperty("in").GetString() == "header").Select(p => p.GetProperty("name").GetString()!)]
            : [];

    private static IEnumerable<JsonElement> Successes(JsonElement operation) =>
        operation.GetProperty("responses").EnumerateObject().Where(r => r.Name.StartsWith('2')).Select(r => r.Value);

    private static List<string> Headers(JsonElement response) =>
        response.TryGetProperty("headers", out var headers) ? [.. headers.EnumerateObject().Select(h => h.Name)] : [];

    private static IEnumerable<JsonElement> Schemas(JsonElement element)
    {
        if (element.ValueKind == JsonValueKind.Object)
        {
            yield return element;
            foreach (var child in element.EnumerateObject().SelectMany(p => Schemas(p.Value)))
            {
                yield return child;
            }
        }
        else if (element.ValueKind == JsonValueKind.Array)
        {
            foreach (var child in element.EnumerateArray().SelectMany(Schemas))
            {
                yield return child;
            }
        }
    }
}
