using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Court.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;

namespace Court.Web.Tests.Host;

/// <summary>The bare host with no demo data, on a SQLite file in a temp folder.</summary>
public sealed class BareHost : WebApplicationFactory<Program>, IAsyncLifetime
{
    private readonly TempDirectory folder = new("court-host");

    public string DataDirectory => folder.Path;

    public Task InitializeAsync() => Task.CompletedTask;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("Court:Database:Provider", "Sqlite");
        builder.UseSetting("Court:Database:DataDirectory", folder.Path);
        builder.UseSetting("Court:Demo:Enabled", "false");
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        await DisposeAsync();
        SqliteConnection.ClearAllPools();
        folder.Dispose();
    }
}

public sealed partial class HostTests(BareHost host) : IClassFixture<BareHost>
{
    [Fact]
    public async Task Liveness_answers_healthy()
    {
        using var client = host.CreateClient();

        var response = await client.GetAsync("/health/live");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Readiness_answers_healthy_when_the_database_answers()
    {
        using var client = host.CreateClient();

        var response = await client.GetAsync("/health/ready");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task The_OpenAPI_document_describes_the_api()
    {
        using var client = host.CreateClient();

        var response = await client.GetAsync("/openapi/v1.json");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.StartsWith("3.", document.RootElement.GetProperty("openapi").GetString(), StringComparison.Ordinal);
        Assert.True(document.RootElement.GetProperty("paths").EnumerateObject().Any());
    }

    [Fact]
    public async Task Scalar_loads_its_script_from_this_server_and_nothing_from_a_CDN()
    {
        using var client = host.CreateClient();

        var html = await client.GetStringAsync("/scalar");

        var scripts = ScriptSources().Matches(html).Select(m => m.Groups["src"].Value).ToList();
        Assert.NotEmpty(scripts);
        Assert.DoesNotMatch(ExternalUrl(), html);
        Assert.Contains("\"withDefaultFonts\":false", html, StringComparison.Ordinal);
        Assert.Contains("\"telemetry\":false", html, StringComparison.Ordinal);
        foreach (var src in scripts)
        {
            var script = await client.GetAsync(new Uri(new Uri("http://localhost/scalar/"), src));
            Assert.Equal(HttpStatusCode.OK, script.StatusCode);
            Assert.Contains("javascript", script.Content.Headers.ContentType?.MediaType, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("/api/no-such-thing")]
    [InlineData("/api/bankruptcy-cases/x/no-such-thing")]
    public async Task An_unknown_api_route_is_a_404_problem_even_when_signed_out(string path)
    {
        using var client = host.CreateClient();

        var response = await client.GetAsync(path);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(404, problem.RootElement.GetProperty("status").GetInt32());
    }

    [GeneratedRegex("<script[^>]*\\bsrc=\"(?<src>[^\"]+)\"", RegexOptions.IgnoreCase)]
    private static partial Regex ScriptSources();

    [GeneratedRegex("(src|href)=\"(https?:)?//", RegexOptions.IgnoreCase)]
    private static partial Regex ExternalUrl();
}

public sealed class ReadinessTests
{
    [Fact]
    public async Task Readiness_is_unhealthy_when_the_database_cannot_be_opened()
    {
        await using var host = new BareHost();
        using var client = host.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/ready")).StatusCode);

        // Take the database away: its folder is gone, so SQLite cannot open (or create) the file.
        Directory.Delete(host.DataDirectory, recursive: true);
        SqliteConnection.ClearAllPools();
        var response = await client.GetAsync("/health/ready");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal("Unhealthy", await response.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/live")).StatusCode);
    }
}
