using Court.Application.Common;
using Mediator;
using Microsoft.Extensions.DependencyInjection;

namespace Court.Application.Demo;

/// <summary>Sends a message through the whole pipeline (validation, authorization) as a demo user, in a scope of its own.</summary>
public static class DemoSending
{
    public static async Task<T> SendAsAsync<T>(this IServiceScopeFactory scopes, DemoUser user, ICommand<T> command, CancellationToken cancellationToken = default)
    {
        await using var scope = scopes.CreateScopeAs(user.ToCaller(Guid.CreateVersion7()));
        return await scope.ServiceProvider.GetRequiredService<ISender>().Send(command, cancellationToken);
    }

    public static async Task<T> QueryAsAsync<T>(this IServiceScopeFactory scopes, DemoUser user, IQuery<T> query, CancellationToken cancellationToken = default)
    {
        await using var scope = scopes.CreateScopeAs(user.ToCaller(Guid.CreateVersion7()));
        return await scope.ServiceProvider.GetRequiredService<ISender>().Send(query, cancellationToken);
    }
}
