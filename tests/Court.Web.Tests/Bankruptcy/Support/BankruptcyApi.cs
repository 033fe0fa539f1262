using System.Collections.Concurrent;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Court.Application.Common;
using Court.Application.Demo;
using Court.Application.Workflows;
using Court.Infrastructure.Persistence;
using Court.Testing;
using Court.Web.Tests.Support;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace Court.Web.Tests.Bankruptcy.Support;

/// <summary>
/// The real host (see <see cref="CourtWebFactory"/>) with the demo users and two more (a second judge, a second
/// administrator). Subclasses are named for the state they build and build it over HTTP in <see cref="SeedAsync"/>.
/// Clients sign in with real bearer tokens.
/// </summary>
public class BankruptcyApi : CourtWebFactory
{
    public const string SecondJudge = "judge2";
    public const string OtherAdministrator = "admin2";

    private readonly ConcurrentDictionary<string, (Task<string> Token, DateTimeOffset At)> tokens = new(StringComparer.Ordinal);

    public static JsonSerializerOptions Json { get; } = new(JsonSerializerDefaults.Web) { Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() } };

    public Task<HttpClient> AsJudge(string user = "judge") => As(user);

    public Task<HttpClient> AsClerk() => As(DemoUsers.Clerk.UserName);

    public Task<HttpClient> AsAdministrator(string user = "admin") => As(user);

    public Task<HttpClient> AsBureau() => As(DemoUsers.NaturalResources.UserName);

    public Task<HttpClient> AsVehicleOffice() => As(DemoUsers.VehicleOffice.UserName);

    public Task<HttpClient> AsBank() => As(DemoUsers.Bank.UserName);

    public Task<HttpClient> AsSupervisor() => As(DemoUsers.Supervisor.UserName);

    public HttpClient Anonymous() => CreateClient();

    /// <summary>A client with a bearer token for <paramref name="user"/>; a token is reused while the fake clock has not moved past half its hour.</summary>
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

    /// <summary>Moves the clock on and lets the workflow timers fire whatever fell due (as the host's timer service would).</summary>
    public async Task<int> PassDaysAsync(int days)
    {
        Clock.Advance(TimeSpan.FromDays(days));
        return await RunTimersAsync();
    }

    /// <summary>Moves the clock an hour past <paramref name="due"/> and runs the timers.</summary>
    public async Task<int> PassAsync(DateTimeOffset due)
    {
        Clock.SetUtcNow(due.AddHours(1));
        return await RunTimersAsync();
    }

    /// <summary>Fires the due timers, then carries out the follow-up steps they cause (letters, agenda items), which the process manager does from the log.</summary>
    public async Task<int> RunTimersAsync()
    {
        var fired = await Services.FireDueTimersAsync();
        await Services.GetRequiredService<IProcessManager>().CatchUpAsync(CancellationToken.None);
        return fired;
    }

    protected override async Task SeedAsync()
    {
        await AddUsersAsync(null, (SecondJudge, Roles.Judge, "张卫东"), (OtherAdministrator, Roles.Administrator, "黄海（管理人）"));
        await GivenAsync();
    }

    /// <summary>Adds users with the demo password, each in one role, bound to <paramref name="court"/> when one is given.</summary>
    protected Task AddUsersAsync(string? court, params (string Name, string Role, string Display)[] people) =>
        InScopeAsync(async services =>
        {
            var users = services.GetRequiredService<UserManager<CourtUser>>();
            foreach (var (name, role, display) in people)
            {
                var user = new CourtUser { UserName = name, DisplayName = display, EmailConfirmed = true };
                Check(await users.CreateAsync(user, DemoUsers.Password));
                Check(await users.AddToRoleAsync(user, role));
                if (court is not null)
                {
                    Check(await users.AddClaimAsync(user, new System.Security.Claims.Claim(CourtUserClaims.Court, court)));
                }
            }
        });

    /// <summary>Builds the fixture's state through the API.</summary>
    protected virtual Task GivenAsync() => Task.CompletedTask;

    private static void Check(IdentityResult result) =>
        Assert.True(result.Succeeded, string.Join("; ", result.Errors.Select(e => e.Description)));
}

public static class HttpExtensions
{
    public static async Task<T> ReadAsync<T>(this HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}: {body}");
        return JsonSerializer.Deserialize<T>(body, BankruptcyApi.Json)!;
    }

    public static async Task<JsonElement> ReadJsonAsync(this HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();

    public static Task<HttpResponseMessage> PostJsonAsync(this HttpClient client, string path, object body, string? ifMatch = null, string? idempotencyKey = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(body, options: BankruptcyApi.Json) };
        if (ifMatch is not null)
        {
            request.Headers.IfMatch.Add(new EntityTagHeaderValue(ifMatch));
        }

        if (idempotencyKey is not null)
        {
            request.Headers.Add("Idempotency-Key", idempotencyKey);
        }

        return client.SendAsync(request);
    }
}
