using Court.Infrastructure;
using Court.Infrastructure.Persistence;
using Court.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Court.Application.Tests.Persistence;

public sealed class MigrationTests
{
    [Fact]
    public void The_sqlite_migrations_match_the_model()
    {
        using var context = new SqliteDesignTimeFactory().CreateDbContext([]);

        Assert.False(context.Database.HasPendingModelChanges(), "The model changed: run dotnet ef migrations add for SQLite (see docs/decisions).");
    }

    [Fact]
    public void The_postgres_migrations_match_the_model()
    {
        using var context = new PostgresDesignTimeFactory().CreateDbContext([]);

        Assert.False(context.Database.HasPendingModelChanges(), "The model changed: run dotnet ef migrations add for PostgreSQL (see docs/decisions).");
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSql)]
    public async Task Migrating_twice_is_harmless_and_applies_every_migration(DatabaseProvider provider)
    {
        await using var database = TestDatabase.For(provider);
        await database.InitializeAsync();
        await using var services = await CourtServices.BuildAsync(database);

        await services.MigrateCourtDatabaseAsync();

        await using var scope = services.CreateAsyncScope();
        var context = scope.ServiceProvider.GetRequiredService<CourtDbContext>();
        Assert.Empty(await context.Database.GetPendingMigrationsAsync());
        Assert.NotEmpty(await context.Database.GetAppliedMigrationsAsync());
    }
}
