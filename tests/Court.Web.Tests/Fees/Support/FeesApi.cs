using System.Collections.Concurrent;
using System.Net.Http.Headers;
using Court.Web.Tests.Support;

namespace Court.Web.Tests.Fees.Support;

/// <summary>The real host with the demo users; clients sign in with real bearer tokens, fetched once per fixture.</summary>
public class FeesApi : CourtWebFactory
{
    private readonly ConcurrentDictionary<string, (Task<string> Token, DateTimeOffset At)> tokens = new(StringComparer.Ordinal);

    /// <summary>A client signed in as <paramref name="user"/>; a token fetched more than 30 minutes ago on the fixture's clock is fetched again, so a test may move the clock on.</summary>
    public async Task<HttpClient> As(string user)
    {
        var now = Clock.GetUtcNow();
        var cached = tokens.AddOrUpdate(
            user,
            u => (GetTokenAsync(u), now),
            (u, old) => now - old.At < TimeSpan.FromMinutes(30) && !old.Token.IsFaulted ? old : (GetTokenAsync(u), now));
        var client = CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await cached.Token);
        return client;
    }
}

/// <summary>Quotes, schedules and thresholds share one host; each test uses its own dates or court so they do not meet.</summary>
[CollectionDefinition(Name)]
public sealed class FeesCollection : ICollectionFixture<FeesApi>
{
    public const string Name = "fees-api";
}

/// <summary>
/// A court whose 2022 Chongqing threshold (from 2022-01-01, 2020 wage) was confirmed by the system administrator, on
/// Saturday 23 April 2022. Small-claims case tests share it; each files its own case number.
/// </summary>
public sealed class CourtWithConfirmedThreshold : FeesApi
{
    protected override async Task SeedAsync()
    {
        using var admin = await As("sysadmin");
        var response = await admin.PostAsync("/api/small-claims/thresholds/CQ/2022-01-01/confirmation", System.Net.Http.Json.JsonContent.Create(new { notice = "渝高法〔2022〕1号（示例）" }));
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
    }
}

[CollectionDefinition(Name)]
public sealed class SmallClaimsCollection : ICollectionFixture<CourtWithConfirmedThreshold>
{
    public const string Name = "small-claims-api";
}
