using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Court.Application.Demo;
using Court.Application.Workflows;
using Court.Infrastructure.Leadership;
using Court.Testing;
using Court.Web.Tests.Bankruptcy.Support;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Court.Web.Tests.Bankruptcy;

/// <summary>The seized building on a host that reads its definitions from a folder of its own, so a test may publish a version.</summary>
public class ApiWithOwnWorkflows : ApiWithSeizedBuilding
{
    public static readonly string Shipped = Path.Combine(AppContext.BaseDirectory, "workflows");

    public TempDirectory Workflows { get; } = Copy();

    protected override IReadOnlyDictionary<string, string?> ExtraSettings => new Dictionary<string, string?>
    {
        ["Court:Workflows:Path"] = Workflows.Path,
        ["Court:Workflows:CalendarsPath"] = Path.Combine(Shipped, "calendars"),
    };

    /// <summary>Writes version <paramref name="version"/> of the release definition, changed by <paramref name="change"/>.</summary>
    public void PublishRelease(int version, Action<JsonNode> change)
    {
        var definition = JsonNode.Parse(File.ReadAllText(Path.Combine(Shipped, "bankruptcy-asset-release.v1.json")))!;
        definition["version"] = version;
        change(definition);
        File.WriteAllText(Workflows.File($"bankruptcy-asset-release.v{version}.json"), definition.ToJsonString());
    }

    /// <summary>
    /// A second host on the same data, started now: it loads the folder as it is now (as a restart after publishing would).
    /// The first host stops its leader work, as the old process would be gone: its timer loop does not know the new
    /// version, and a timer it claimed for a v2 instance would stay claimed for the lease.
    /// </summary>
    public async Task<WebApplicationFactory<Program>> RestartedAsync()
    {
        await Services.GetRequiredService<LeaderElection>().StopAsync(CancellationToken.None);
        return WithWebHostBuilder(b => b.UseSetting("Court:Workflows:Path", Workflows.Path));
    }

    private static TempDirectory Copy()
    {
        var folder = new TempDirectory("court-workflows");
        foreach (var file in Directory.GetFiles(Shipped, "*.json"))
        {
            File.Copy(file, Path.Combine(folder.Path, Path.GetFileName(file)));
        }

        return folder;
    }
}

/// <summary>Deadlines come from the version an instance is pinned to, computed once: the date on its letters and its timer agree, whatever is published later.</summary>
public sealed class PinnedDeadlineTests(ApiWithOwnWorkflows api) : IClassFixture<ApiWithOwnWorkflows>
{
    [Fact]
    public async Task A_v2_with_a_longer_period_leaves_a_running_v1_request_on_its_v1_date_and_times_new_requests_by_v2()
    {
        // Filed (and pinned) under v1; v2 is published and the host restarted before the judge approves it.
        var (v1Request, _, _) = await api.NewRequestAsync(api.CaseId);
        api.PublishRelease(2, d => d["states"]!["AwaitingSeizingBodies"]!["deadline"]!["days"] = 40);
        await using var host = await api.RestartedAsync();
        var judge = await ClientAsync(host, "judge");
        await (await judge.PostJsonAsync($"/api/release-requests/{v1Request}/approve", new { note = "同意" })).ReadJsonAsync(HttpStatusCode.OK);
        var v1 = (await judge.GetJsonAsync($"/api/release-requests/{v1Request}")).GetProperty("request");
        var v1Due = v1.GetProperty("dueAt").GetDateTimeOffset();
        Assert.True(v1Due - api.Clock.GetUtcNow() < TimeSpan.FromDays(20), $"v1's 15 days run to {v1Due:O}");

        var (asset, seizure) = await api.NewSeizedBuildingAsync(api.CaseId);
        var admin = await ClientAsync(host, "admin");
        var filed = await (await admin.PostJsonAsync($"/api/bankruptcy-cases/{api.CaseId}/release-requests", new { assetId = asset, seizureIds = new[] { seizure }, reasons = "依企业破产法第十九条应解除保全措施。" })).ReadJsonAsync(HttpStatusCode.Created);
        var v2Request = filed.GetProperty("id").GetString()!;
        await (await judge.PostJsonAsync($"/api/release-requests/{v2Request}/approve", new { note = "同意" })).ReadJsonAsync(HttpStatusCode.OK);

        var v2 = (await judge.GetJsonAsync($"/api/release-requests/{v2Request}")).GetProperty("request");
        var v2Due = v2.GetProperty("dueAt").GetDateTimeOffset();
        Assert.True(v2Due - v1Due >= TimeSpan.FromDays(20), $"v2's 40 days run to {v2Due:O}, v1's 15 to {v1Due:O}");

        // The letters say the date the timer runs to, for each its own version.
        Assert.Equal(LastDay(v1Due), SeizingBodyLetterDue(v1));
        Assert.Equal(LastDay(v2Due), SeizingBodyLetterDue(v2));

        // The v1 date passes on the host that knows v2: the v1 request escalates, the v2 one waits.
        api.Clock.SetUtcNow(v1Due.AddHours(1));
        await host.Services.FireDueTimersAsync();
        await host.Services.GetRequiredService<IProcessManager>().CatchUpAsync(CancellationToken.None); // the escalation's letters follow from the log
        judge = await ClientAsync(host, "judge");
        var escalated = (await judge.GetJsonAsync($"/api/release-requests/{v1Request}")).GetProperty("request");
        Assert.Equal("AwaitingSuperiors", escalated.GetProperty("stage").GetString());
        Assert.Contains((await judge.GetJsonAsync($"/api/release-requests/{v1Request}")).GetProperty("documents").EnumerateArray(), d => d.GetProperty("title").GetString() == "督促函");
        Assert.Equal("AwaitingSeizingBodies", (await judge.GetJsonAsync($"/api/release-requests/{v2Request}")).GetProperty("request").GetProperty("stage").GetString());

        api.Clock.SetUtcNow(v2Due.AddHours(1));
        await host.Services.FireDueTimersAsync();
        await host.Services.GetRequiredService<IProcessManager>().CatchUpAsync(CancellationToken.None); // the escalation's letters follow from the log
        judge = await ClientAsync(host, "judge");
        Assert.Equal("AwaitingSuperiors", (await judge.GetJsonAsync($"/api/release-requests/{v2Request}")).GetProperty("request").GetProperty("stage").GetString());
    }

    private static DateOnly LastDay(DateTimeOffset dueAt) => DateOnly.FromDateTime(dueAt.ToOffset(TimeSpan.FromHours(8)).AddTicks(-1).DateTime);

    private static DateOnly SeizingBodyLetterDue(System.Text.Json.JsonElement request) =>
        request.GetProperty("letters").EnumerateArray().Where(l => l.GetProperty("recipient").GetString() == "SeizingBody").Select(l => DateOnly.Parse(l.GetProperty("dueOn").GetString()!, System.Globalization.CultureInfo.InvariantCulture)).Distinct().Single();

    private static async Task<HttpClient> ClientAsync(WebApplicationFactory<Program> host, string user)
    {
        var client = host.CreateClient();
        using var response = await client.PostAsJsonAsync("/api/auth/token", new { username = user, password = DemoUsers.Password });
        var token = (await response.ReadJsonAsync(HttpStatusCode.OK)).GetProperty("access_token").GetString();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }
}
