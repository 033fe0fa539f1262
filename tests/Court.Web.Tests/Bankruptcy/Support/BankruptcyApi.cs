using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Claims;
using System.Text.Encodings.Web;
using System.Text.Json;
using Court.Application.Common;
using Court.Domain.Common;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Court.Web.Tests.Bankruptcy.Support;

/// <summary>
/// The real host on a fresh SQLite file per fixture, a fake clock, and callers chosen per client. Subclasses are named
/// for the state they build and build it over HTTP in <see cref="GivenAsync"/>.
/// </summary>
public class BankruptcyApi : WebApplicationFactory<Program>, IAsyncLifetime
{
    public const string Judge = "judge-li";
    public const string SecondJudge = "judge-wang";
    public const string Clerk = "clerk-chen";
    public const string Administrator = "admin-zhao";
    public const string OtherAdministrator = "admin-qian";
    public const string BureauOfficer = "nrb-officer-sun";
    public const string VehicleOfficer = "vehicles-officer-zhou";
    public const string SupervisionOfficer = "supervision-officer-wu";

    private readonly string dataDirectory = Path.Combine(Path.GetTempPath(), "court-bankruptcy-" + Guid.NewGuid().ToString("N"));

    /// <summary>Monday 3 March 2025, 09:00 in Chongqing.</summary>
    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2025, 3, 3, 9, 0, 0, TimeSpan.FromHours(8)));

    public static JsonSerializerOptions Json { get; } = new(JsonSerializerDefaults.Web) { Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() } };

    public HttpClient AsJudge(string user = Judge) => As(user, Roles.Judge);

    public HttpClient AsClerk() => As(Clerk, Roles.Clerk);

    public HttpClient AsAdministrator(string user = Administrator) => As(user, Roles.Administrator);

    public HttpClient AsBureau() => As(BureauOfficer, Roles.AgencyOfficer, Agencies.NaturalResources.Code);

    public HttpClient AsVehicleOffice() => As(VehicleOfficer, Roles.AgencyOfficer, Agencies.VehicleOffice.Code);

    public HttpClient AsSupervision() => As(SupervisionOfficer, Roles.SupervisionOfficer, Agencies.Supervision.Code);

    public HttpClient Anonymous() => CreateClient();

    public HttpClient As(string user, string role, string? agency = null)
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Add(TestAuthentication.UserHeader, user);
        client.DefaultRequestHeaders.Add(TestAuthentication.RolesHeader, role);
        if (agency is not null)
        {
            client.DefaultRequestHeaders.Add(TestAuthentication.AgencyHeader, agency);
        }

        return client;
    }

    public async Task InitializeAsync()
    {
        _ = Server;
        await GivenAsync();
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        await DisposeAsync();
        try
        {
            Directory.Delete(dataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // A pooled SQLite handle may linger a moment; the temp directory is cleaned by the OS.
        }
    }

    /// <summary>Builds the fixture's state through the API.</summary>
    protected virtual Task GivenAsync() => Task.CompletedTask;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("Court:Database:DataDirectory", dataDirectory);
        builder.ConfigureLogging(l => l.SetMinimumLevel(LogLevel.Warning));
        builder.ConfigureTestServices(services =>
        {
            services.AddSingleton<TimeProvider>(Clock);
            services.AddAuthentication(o =>
                {
                    o.DefaultScheme = TestAuthentication.SchemeName;
                    o.DefaultAuthenticateScheme = TestAuthentication.SchemeName;
                    o.DefaultChallengeScheme = TestAuthentication.SchemeName;
                })
                .AddScheme<AuthenticationSchemeOptions, TestAuthentication>(TestAuthentication.SchemeName, _ => { });
        });
    }
}

/// <summary>Signs a test request in as the user, role and agency named in its headers; no headers, no sign-in.</summary>
public sealed class TestAuthentication(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "BankruptcyTest";
    public const string UserHeader = "X-Test-User";
    public const string RolesHeader = "X-Test-Roles";
    public const string AgencyHeader = "X-Test-Agency";

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var user = Request.Headers[UserHeader].ToString();
        if (user.Length == 0)
        {
            return Task.FromResult(AuthenticateResult.NoResult());
        }

        var claims = new List<Claim> { new(ClaimTypes.Name, user), new(ClaimTypes.NameIdentifier, user) };
        claims.AddRange(Request.Headers[RolesHeader].ToString().Split(',', StringSplitOptions.RemoveEmptyEntries).Select(r => new Claim(ClaimTypes.Role, r)));
        if (Request.Headers[AgencyHeader].ToString() is { Length: > 0 } agency)
        {
            claims.Add(new Claim("court:agency", agency));
        }

        var principal = new ClaimsPrincipal(new ClaimsIdentity(claims, SchemeName));
        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(principal, SchemeName)));
    }
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
