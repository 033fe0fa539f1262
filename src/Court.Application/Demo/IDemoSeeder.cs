using Bogus;
using Court.Application.Common;
using Mediator;
using Microsoft.Extensions.DependencyInjection;

namespace Court.Application.Demo;

/// <summary>
/// A slice's demo data. Seeders run after the demo users exist, in <see cref="Order"/>, on first start with an empty
/// database and on <c>seed --cases N</c>. They send the slice's own commands as demo users, so the data obeys every
/// rule. Running again must add data, not fail: create fresh cases each time, and let commands that are already
/// satisfied yield no events.
/// </summary>
public interface IDemoSeeder
{
    /// <summary>Shown on the progress bar.</summary>
    string Name { get; }

    /// <summary>Lower runs first. Cases and registration 100, workflows 200, bankruptcy 300, service 400, fees 500.</summary>
    int Order { get; }

    /// <summary>Adds about <see cref="DemoSeedContext.Cases"/> cases' worth of data; calls <see cref="DemoSeedContext.Advance"/> once per case.</summary>
    Task SeedAsync(DemoSeedContext context, CancellationToken cancellationToken);
}

public sealed record DemoProgress(string Seeder, int Done, int Total);

/// <summary>What a seeder works with: how many cases, a zh_CN faker with a fixed seed, and a way to act as a demo user.</summary>
public sealed class DemoSeedContext(IServiceScopeFactory scopes, string seeder, int cases, Faker faker, IProgress<DemoProgress>? progress)
{
    private int done;

    public int Cases { get; } = cases;

    /// <summary>Bogus with locale zh_CN, seeded so that two runs on an empty database give the same data.</summary>
    public Faker Faker { get; } = faker;

    /// <summary>Sends <paramref name="command"/> through the whole pipeline (validation, authorization) as <paramref name="user"/>.</summary>
    public Task<T> SendAsAsync<T>(DemoUser user, ICommand<T> command, CancellationToken cancellationToken = default) =>
        scopes.SendAsAsync(user, command, cancellationToken);

    public Task<T> QueryAsAsync<T>(DemoUser user, IQuery<T> query, CancellationToken cancellationToken = default) =>
        scopes.QueryAsAsync(user, query, cancellationToken);

    /// <summary>Anything else, in a scope that acts as <paramref name="user"/>.</summary>
    public async Task AsAsync(DemoUser user, Func<IServiceProvider, Task> action)
    {
        await using var scope = scopes.CreateScopeAs(user.ToCaller(Guid.CreateVersion7()));
        await action(scope.ServiceProvider);
    }

    /// <summary>One more case done: moves the progress bar.</summary>
    public void Advance() => progress?.Report(new DemoProgress(seeder, Interlocked.Increment(ref done), Cases));
}

public static class DemoSeederRegistration
{
    /// <summary>Registers a slice's seeder; call from the slice's module.</summary>
    public static IServiceCollection AddDemoSeeder<TSeeder>(this IServiceCollection services)
        where TSeeder : class, IDemoSeeder => services.AddTransient<IDemoSeeder, TSeeder>();
}
