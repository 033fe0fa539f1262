using Microsoft.Extensions.DependencyInjection;

namespace Court.Application.Common;

/// <summary>
/// Per-scope override of <see cref="ICallerContext"/>: code that runs outside an HTTP request (seeding, timers, CLI)
/// opens a scope with <see cref="CallerScopes.CreateScopeAs"/> and everything resolved in it acts as that caller.
/// </summary>
public sealed class CallerOverride
{
    public ICallerContext? Caller { get; set; }
}

public static class CallerScopes
{
    /// <summary>A scope whose <see cref="ICallerContext"/> is <paramref name="caller"/>. Set before anything else resolves it.</summary>
    public static AsyncServiceScope CreateScopeAs(this IServiceScopeFactory scopes, ICallerContext caller)
    {
        var scope = scopes.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CallerOverride>().Caller = caller;
        return scope;
    }
}
