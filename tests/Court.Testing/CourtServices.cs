using Court.Infrastructure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Court.Testing;

/// <summary>Builds the real infrastructure (event store, read models, projections) on a test database, schema migrated.</summary>
public static class CourtServices
{
    /// <summary>
    /// <paramref name="configure"/> runs after <c>AddCourtInfrastructure</c>, so its registrations win (a FakeTimeProvider,
    /// projections, <c>new EventAssembly(typeof(MyTestEvent).Assembly)</c>). Hosted services are not started: see
    /// <see cref="StartHostedServicesAsync"/>.
    /// </summary>
    public static async Task<ServiceProvider> BuildAsync(
        TestDatabase database,
        Action<IServiceCollection>? configure = null,
        IReadOnlyDictionary<string, string?>? settings = null)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(database.Settings)
            .AddInMemoryCollection(settings ?? new Dictionary<string, string?>())
            .Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddCourtInfrastructure(configuration);
        configure?.Invoke(services);
        var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true });
        await provider.MigrateCourtDatabaseAsync();
        return provider;
    }

    /// <summary>Starts the hosted services (the async projection daemon among them); stop them by disposing the result.</summary>
    public static async Task<IAsyncDisposable> StartHostedServicesAsync(this IServiceProvider provider)
    {
        var hosted = provider.GetServices<IHostedService>().ToList();
        foreach (var service in hosted)
        {
            await service.StartAsync(CancellationToken.None);
        }

        return new Stopper(hosted);
    }

    private sealed class Stopper(List<IHostedService> hosted) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            for (var i = hosted.Count - 1; i >= 0; i--)
            {
                await hosted[i].StopAsync(CancellationToken.None);
            }
        }
    }
}
