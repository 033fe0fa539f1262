using System.Reflection;
using Court.Application.Common;
using Court.Application.EventStore;
using Court.Application.Projections;
using Court.Domain.Common;
using Court.Infrastructure.EventStore;
using Court.Infrastructure.Leadership;
using Court.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Court.Infrastructure;

/// <summary>An assembly whose <see cref="IDomainEvent"/> types may be stored. Register one per assembly.</summary>
public sealed record EventAssembly(Assembly Assembly);

public static class DependencyInjection
{
    /// <summary>
    /// The database (SQLite by default, PostgreSQL by <c>Court:Database:Provider</c>), the event store, read models,
    /// the async projection daemon, and the leader election that runs leader-only work (<see cref="ILeaderWork"/>).
    /// </summary>
    public static IServiceCollection AddCourtInfrastructure(this IServiceCollection services, IConfiguration configuration)
    {
        var settings = DatabaseSettings.From(configuration);
        settings.EnsureDataDirectoryWritable();
        services.AddSingleton(settings);
        services.AddSingleton<SharedKeys>();
        var projectionSettings = new ProjectionSettings();
        configuration.GetSection("Court:Projections").Bind(projectionSettings);
        services.AddSingleton(projectionSettings);

        var connectionString = settings.ResolveConnectionString();
        if (settings.Provider == DatabaseProvider.PostgreSql)
        {
            services.AddDbContext<PostgresCourtDbContext>(o => o.UseNpgsql(connectionString));
            services.AddScoped<CourtDbContext>(sp => sp.GetRequiredService<PostgresCourtDbContext>());
        }
        else
        {
            services.AddDbContext<SqliteCourtDbContext>(o => o.UseSqlite(connectionString).AddInterceptors(new SqlitePragmas()));
            services.AddScoped<CourtDbContext>(sp => sp.GetRequiredService<SqliteCourtDbContext>());
        }

        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(new EventAssembly(typeof(IDomainEvent).Assembly));
        services.AddSingleton(sp => new EventTypeRegistry(sp.GetServices<EventAssembly>().Select(a => a.Assembly)));
        services.AddSingleton(sp => new ConnectionFactory(sp.GetRequiredService<DatabaseSettings>()));
        services.AddSingleton<AppendNotifier>();
        services.AddSingleton<SqlEventStore>();
        services.AddSingleton<IEventStore>(sp => sp.GetRequiredService<SqlEventStore>());
        services.AddSingleton<IReadModels, SqlReadModels>();
        services.AddSingleton<IPeople, PeopleDirectory>();
        services.AddSingleton<ProjectionRebuilder>();
        services.AddSingleton<ListKeyBackfill>();
        services.AddLeaderWork<ProjectionDaemon>();

        var leaderSettings = new LeaderSettings();
        configuration.GetSection("Court:Leader").Bind(leaderSettings);
        services.AddSingleton(leaderSettings);
        if (settings.Provider == DatabaseProvider.PostgreSql)
        {
            services.AddSingleton<ILeaderLock, PostgresLeaderLock>();
        }
        else
        {
            services.AddSingleton<ILeaderLock, ProcessLeaderLock>();
        }

        services.AddSingleton<LeaderElection>();
        services.AddHostedService(sp => sp.GetRequiredService<LeaderElection>());
        return services;
    }

    /// <summary>Creates or migrates the schema of whichever provider is configured, then gives listed documents stored before their list existed their keys.</summary>
    public static async Task MigrateCourtDatabaseAsync(this IServiceProvider services, CancellationToken cancellationToken = default)
    {
        await using (var scope = services.CreateAsyncScope())
        {
            var context = scope.ServiceProvider.GetRequiredService<CourtDbContext>();
            await context.Database.MigrateAsync(cancellationToken);
        }

        await services.GetRequiredService<ListKeyBackfill>().RunAsync(cancellationToken);
    }
}
