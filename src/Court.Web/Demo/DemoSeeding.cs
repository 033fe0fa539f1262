using Bogus;
using Court.Application.Common;
using Court.Application.Demo;
using Court.Infrastructure.Persistence;
using Court.Web.Auth;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Court.Web.Demo;

/// <summary>Bound from <c>Court:Demo</c>.</summary>
public sealed class DemoSettings
{
    /// <summary>Seed demo users and data on first start with an empty database, and list the users on the sign-in page.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>How many cases each slice seeds on first start.</summary>
    public int Cases { get; set; } = 10;

    /// <summary>Bogus seed: the same database comes out of two first starts.</summary>
    public int Seed { get; set; } = 2022;
}

/// <summary>Creates the roles, the demo users, and runs every slice's <see cref="IDemoSeeder"/>.</summary>
public sealed partial class DemoSeeding(IServiceScopeFactory scopes, ILogger<DemoSeeding> logger)
{
    public static async Task EnsureRolesAsync(IServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        var roles = scope.ServiceProvider.GetRequiredService<RoleManager<IdentityRole>>();
        foreach (var role in Roles.All)
        {
            if (!await roles.RoleExistsAsync(role))
            {
                Check(await roles.CreateAsync(new IdentityRole(role)), role);
            }
        }
    }

    public async Task<bool> HasUsersAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<CourtDbContext>().Users.AnyAsync(cancellationToken);
    }

    /// <summary>Creates each demo user that does not exist yet; existing ones are left as they are.</summary>
    public async Task EnsureDemoUsersAsync()
    {
        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<CourtUser>>();
        foreach (var demo in DemoUsers.All)
        {
            if (await users.FindByNameAsync(demo.UserName) is not null)
            {
                continue;
            }

            var user = new CourtUser { UserName = demo.UserName, DisplayName = demo.DisplayNameZh, Agency = demo.Agency, PhoneNumber = demo.OfficePhone, EmailConfirmed = true };
            Check(await users.CreateAsync(user, DemoUsers.Password), demo.UserName);
            Check(await users.AddToRoleAsync(user, demo.Role), demo.UserName);
            if (demo.Court is not null)
            {
                Check(await users.AddClaimAsync(user, new System.Security.Claims.Claim(CourtClaims.Court, demo.Court)), demo.UserName);
            }

            if (demo.Title is not null)
            {
                Check(await users.AddClaimAsync(user, new System.Security.Claims.Claim(CourtUserClaims.Title, demo.Title)), demo.UserName);
            }
        }

        LogUsersSeeded(logger, DemoUsers.All.Count);
    }

    /// <summary>Runs the slices' seeders in order, each adding about <paramref name="cases"/> cases.</summary>
    public async Task SeedDataAsync(int cases, int seed, IProgress<DemoProgress>? progress, CancellationToken cancellationToken)
    {
        if (cases <= 0)
        {
            // Zero cases means the demo users only: tests start from an empty court.
            return;
        }

        await using var scope = scopes.CreateAsyncScope();
        var seeders = scope.ServiceProvider.GetServices<IDemoSeeder>().OrderBy(s => s.Order).ThenBy(s => s.Name, StringComparer.Ordinal).ToList();
        foreach (var seeder in seeders)
        {
            var faker = new Faker("zh_CN") { Random = new Randomizer(HashCode.Combine(seed, seeder.Name.Length, seeder.Order)) };
            await seeder.SeedAsync(new DemoSeedContext(scopes, seeder.Name, cases, faker, progress), cancellationToken);
            LogSeeded(logger, seeder.Name, cases);
        }
    }

    public static IReadOnlyList<string> SeederNames(IServiceProvider services)
    {
        using var scope = services.CreateScope();
        return scope.ServiceProvider.GetServices<IDemoSeeder>().OrderBy(s => s.Order).ThenBy(s => s.Name, StringComparer.Ordinal).Select(s => s.Name).ToList();
    }

    private static void Check(IdentityResult result, string what)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException($"Seeding {what} failed: {string.Join("; ", result.Errors.Select(e => e.Description))}");
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Seeded {Count} demo users")]
    private static partial void LogUsersSeeded(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Information, Message = "Seeded demo data of {Seeder} ({Cases} cases)")]
    private static partial void LogSeeded(ILogger logger, string seeder, int cases);
}

/// <summary>
/// Runs before any other hosted service (it is registered first): migrates the database, creates the roles and,
/// on first start with an empty database and demo mode on, the demo users and data.
/// </summary>
public sealed class StartupTasks(IServiceProvider services, DemoSettings demo, DemoSeeding seeding) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await services.PrepareDatabaseAsync(async () =>
        {
            if (!demo.Enabled || await seeding.HasUsersAsync(cancellationToken))
            {
                return;
            }

            await seeding.EnsureDemoUsersAsync();
            await seeding.SeedDataAsync(demo.Cases, demo.Seed, progress: null, cancellationToken);
        });
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
