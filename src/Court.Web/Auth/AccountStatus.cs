using System.Collections.Concurrent;
using System.Security.Claims;
using Court.Infrastructure.Persistence;
using Microsoft.AspNetCore.Identity;

namespace Court.Web.Auth;

/// <summary>
/// Whether a signed-in caller's account is still open (exists, not locked out), asked of the database at most once per
/// <see cref="AuthSettings.AccountCheckInterval"/> per user. A cookie or bearer token of an account locked since it
/// was issued stops working within that interval instead of living on until it expires.
/// </summary>
public sealed class AccountStatus(IServiceScopeFactory scopes, AuthSettings settings, TimeProvider clock)
{
    private readonly ConcurrentDictionary<string, (bool Active, DateTimeOffset CheckedAt)> checkedAccounts = new(StringComparer.Ordinal);

    public async Task<bool> IsActiveAsync(ClaimsPrincipal? principal)
    {
        if (principal?.Identity?.Name is not { Length: > 0 } userName)
        {
            return false;
        }

        var now = clock.GetUtcNow();
        if (checkedAccounts.TryGetValue(userName, out var known) && now - known.CheckedAt < settings.AccountCheckInterval)
        {
            return known.Active;
        }

        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<CourtUser>>();
        var user = await users.FindByNameAsync(userName);
        var active = user is not null && !await users.IsLockedOutAsync(user);
        checkedAccounts[userName] = (active, now);
        return active;
    }
}
