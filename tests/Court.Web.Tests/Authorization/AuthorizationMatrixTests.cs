using System.Net.Http.Json;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Court.Web.Tests.Authorization;

/// <summary>
/// Every API endpoint × every caller → the expected status. Rows live in one class per capability (IMatrixRows);
/// a mapped /api endpoint without a row fails <see cref="Every_api_endpoint_has_a_row"/>.
/// </summary>
public sealed class AuthorizationMatrixTests(MatrixCourt court) : IClassFixture<MatrixCourt>
{
    public static TheoryData<string, string> Cells()
    {
        var cells = new TheoryData<string, string>();
        foreach (var row in MatrixCatalog.Rows)
        {
            foreach (var caller in Callers.All)
            {
                cells.Add(row.Key, caller);
            }
        }

        return cells;
    }

    [Theory]
    [MemberData(nameof(Cells))]
    public async Task Each_caller_gets_the_expected_status(string endpoint, string caller)
    {
        var row = MatrixCatalog.Find(endpoint);
        using var client = caller == Callers.Anonymous ? court.CreateClient() : await court.CreateClientAs(caller);
        using var request = new HttpRequestMessage(new HttpMethod(row.Method), row.Path(court.State));
        if (row.Body?.Invoke(court.State, caller == Callers.Anonymous ? null : caller) is { } body)
        {
            request.Content = JsonContent.Create(body);
        }

        using var response = await client.SendAsync(request);

        Assert.True(
            row.Expected[caller] == (int)response.StatusCode,
            $"{row.Key} as {caller}: expected {row.Expected[caller]}, got {(int)response.StatusCode}. {await response.Content.ReadAsStringAsync()}");
        if ((int)response.StatusCode >= 400)
        {
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        }
    }

    [Fact]
    public void Every_api_endpoint_has_a_row()
    {
        var mapped = ApiEndpoints();
        var missing = mapped.Except(MatrixCatalog.Rows.Select(r => r.Key)).ToList();

        Assert.True(missing.Count == 0, "Add these endpoints to the authorization matrix (tests/Court.Web.Tests/Authorization):\n" + string.Join("\n", missing));
    }

    [Fact]
    public void Every_row_names_a_mapped_endpoint_once_and_every_caller()
    {
        var mapped = ApiEndpoints();

        Assert.DoesNotContain(MatrixCatalog.Rows, r => !mapped.Contains(r.Key));
        Assert.Empty(MatrixCatalog.Rows.GroupBy(r => r.Key).Where(g => g.Count() > 1).Select(g => g.Key));
        Assert.All(MatrixCatalog.Rows, r => Assert.Equal(Callers.All.Order(StringComparer.Ordinal), r.Expected.Keys.Order(StringComparer.Ordinal)));
    }

    /// <summary>"METHOD /pattern" of every endpoint under /api, from the app's own endpoint data source.</summary>
    private HashSet<string> ApiEndpoints()
    {
        var endpoints = court.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>();
        var keys = new HashSet<string>(StringComparer.Ordinal);
        foreach (var endpoint in endpoints)
        {
            // Group prefixes leave a trailing slash ("/api/cases" + "" = "/api/cases/"): compare without it.
            var pattern = "/" + (endpoint.RoutePattern.RawText ?? "").Trim('/');
            if (!pattern.StartsWith("/api/", StringComparison.Ordinal) || pattern == "/api/{**path}")
            {
                continue;
            }

            var methods = endpoint.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["*"];
            foreach (var method in methods)
            {
                keys.Add($"{method} {pattern}");
            }
        }

        return keys;
    }
}
