using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Serialization;
using Court.Application.Demo;
using Court.Infrastructure.Persistence;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Court.Web.Tests.Support;

/// <summary>
/// The real app in memory on its own data folder (SQLite, or PostgreSQL when COURT_TEST_POSTGRES is set), with the
/// demo users seeded and a <see cref="FakeTimeProvider"/> as its clock. Use it as an <c>IClassFixture</c>, or derive
/// from it to name the state a test class needs (override <see cref="SeedAsync"/>).
/// </summary>
public class CourtWebFactory : WebApplicationFactory<Program>, IAsyncLifetime
{
    /// <summary>Saturday 23 April 2022, 09:30 in Chongqing.</summary>
    public static readonly DateTimeOffset Start = new(2022, 4, 23, 1, 30, 0, TimeSpan.Zero);

    private HostData? database;
    private readonly HostData? shared;
    private Court.Testing.TempDirectory? nodeFolder;

    public CourtWebFactory()
    {
    }

    /// <summary>Another node on <paramref name="shared"/>'s database (its owner disposes it), with a data folder of its own.</summary>
    protected CourtWebFactory(HostData shared) => this.shared = shared;

    public FakeTimeProvider Clock { get; } = new(Start);

    public HostData Data => database ?? throw new InvalidOperationException("InitializeAsync has not run.");

    /// <summary>The database of a fixture's own data: SQLite, or PostgreSQL when COURT_TEST_POSTGRES is set.</summary>
    protected virtual DatabaseProvider? Provider => null;

    /// <summary>Cases each demo seeder adds on start; 0 seeds the demo users only.</summary>
    protected virtual int DemoCases => 0;

    /// <summary>More settings for a derived fixture (e.g. a short token lifetime).</summary>
    protected virtual IReadOnlyDictionary<string, string?> ExtraSettings => new Dictionary<string, string?>();

    public virtual async Task InitializeAsync()
    {
        database = shared ?? await HostData.CreateAsync(Provider);
        _ = Server; // starts the host: migrates and seeds
        await SeedAsync();
    }

    /// <summary>Builds the state a derived fixture is named for, through the API or the mediator.</summary>
    protected virtual Task SeedAsync() => Task.CompletedTask;

    /// <summary>An API client signed in as a demo user (<c>clerk</c>, <c>judge</c>, <c>nrb</c>, …) with a real bearer token.</summary>
    public async Task<HttpClient> CreateClientAs(string userName, string password = DemoUsers.Password)
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await GetTokenAsync(userName, password));
        return client;
    }

    public async Task<string> GetTokenAsync(string userName, string password = DemoUsers.Password)
    {
        using var client = CreateClient();
        using var response = await client.PostAsJsonAsync("/api/auth/token", new { username = userName, password });
        response.EnsureSuccessStatusCode();
        var token = await response.Content.ReadFromJsonAsync<TokenBody>();
        return token?.AccessToken ?? throw new InvalidOperationException("No access_token in the token response.");
    }

    /// <summary>Runs <paramref name="action"/> in a service scope of the host (for arranging state directly).</summary>
    public async Task InScopeAsync(Func<IServiceProvider, Task> action)
    {
        await using var scope = Services.CreateAsyncScope();
        await action(scope.ServiceProvider);
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        foreach (var (key, value) in Data.Settings.Concat(ExtraSettings))
        {
            builder.UseSetting(key, value);
        }

        if (shared is not null)
        {
            nodeFolder ??= new Court.Testing.TempDirectory("court-node");
            builder.UseSetting("Court:Database:DataDirectory", nodeFolder.Path);
        }

        builder.UseSetting("Court:Demo:Enabled", "true");
        builder.UseSetting("Court:Demo:Cases", DemoCases.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.ConfigureTestServices(services =>
        {
            services.AddSingleton<TimeProvider>(Clock);
            ConfigureServices(services);
        });
    }

    /// <summary>Registrations a derived fixture adds or replaces (they run after the app's own).</summary>
    protected virtual void ConfigureServices(IServiceCollection services)
    {
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        await base.DisposeAsync();
        if (database is not null && shared is null)
        {
            await database.DisposeAsync();
        }

        nodeFolder?.Dispose();
    }

    private sealed record TokenBody([property: JsonPropertyName("access_token")] string AccessToken);
}
