using System.Collections.Concurrent;
using Court.Infrastructure.Persistence;
using Microsoft.AspNetCore.Identity;

namespace Court.Web.Auth;

/// <summary>What a sign-in attempt came to. <see cref="RetryAfter"/> is set when the attempt was not even tried.</summary>
public sealed record SignInOutcome(CourtUser? User, bool IsLockedOut, TimeSpan? RetryAfter)
{
    public bool Succeeded => User is not null;
}

/// <summary>
/// The one password check behind the token endpoint and the sign-in page (docs/decisions/0101). It does the same
/// work whether or not the user exists (an unknown name is checked against a stand-in hash), and it throttles guesses
/// instead of locking accounts: failures are counted per client address, per account from one address, and per
/// account overall, each in a sliding window. Five wrong guesses from one address cannot lock a clerk out elsewhere.
/// </summary>
public sealed class PasswordCheck(
    UserManager<CourtUser> users,
    SignInManager<CourtUser> signIn,
    SignInThrottle throttle)
{
    private static string? standInHash;

    public async Task<SignInOutcome> CheckAsync(string userName, string password, string clientAddress)
    {
        var account = userName.Trim().ToUpperInvariant();
        if (throttle.RetryAfter(account, clientAddress) is { } wait)
        {
            return new SignInOutcome(null, false, wait);
        }

        var user = await users.FindByNameAsync(userName);
        if (user is null)
        {
            // The same hashing as for a real account, so the answer's timing does not say who exists.
            CheckStandIn(password);
            throttle.RecordFailure(account, clientAddress);
            return new SignInOutcome(null, false, null);
        }

        if (await users.IsLockedOutAsync(user))
        {
            CheckStandIn(password);
            return new SignInOutcome(null, true, null);
        }

        // No Identity lock-out on failure: the throttle above refuses repeated guesses without shutting the owner out.
        var result = await signIn.CheckPasswordSignInAsync(user, password, lockoutOnFailure: false);
        if (!result.Succeeded)
        {
            throttle.RecordFailure(account, clientAddress);
            return new SignInOutcome(null, result.IsLockedOut, null);
        }

        throttle.RecordSuccess(account, clientAddress);
        return new SignInOutcome(user, false, null);
    }

    public static string ClientAddressOf(HttpContext context) => context.Connection.RemoteIpAddress?.ToString() ?? "unknown";

    /// <summary>Verifies against a hash of a random password, made once with the host's hasher, that no password matches.</summary>
    private void CheckStandIn(string password)
    {
        var standIn = new CourtUser { UserName = "stand-in" };
        standInHash ??= users.PasswordHasher.HashPassword(standIn, Guid.NewGuid().ToString("N"));
        users.PasswordHasher.VerifyHashedPassword(standIn, standInHash, password);
    }
}

/// <summary>
/// Sliding-window failure counts per client address, per (account, address) and per account, kept in this node's
/// memory (several nodes each count their own share; docs/decisions/0101). Limits from <c>Court:Auth</c>.
/// </summary>
public sealed class SignInThrottle(AuthSettings settings, TimeProvider clock)
{
    private readonly ConcurrentDictionary<string, Queue<DateTimeOffset>> failures = new(StringComparer.Ordinal);

    public TimeSpan? RetryAfter(string account, string clientAddress)
    {
        var now = clock.GetUtcNow();
        TimeSpan? wait = null;
        foreach (var (key, limit) in Keys(account, clientAddress))
        {
            if (failures.TryGetValue(key, out var times))
            {
                lock (times)
                {
                    Prune(times, now);
                    if (times.Count >= limit)
                    {
                        var until = times.ElementAt(times.Count - limit) + settings.SignInWindow - now;
                        wait = wait is null || until > wait ? until : wait;
                    }
                }
            }
        }

        return wait is { } w ? TimeSpan.FromSeconds(Math.Max(1, Math.Ceiling(w.TotalSeconds))) : null;
    }

    public void RecordFailure(string account, string clientAddress)
    {
        var now = clock.GetUtcNow();
        if (failures.Count > 100_000)
        {
            Sweep(now);
        }

        foreach (var (key, _) in Keys(account, clientAddress))
        {
            var times = failures.GetOrAdd(key, _ => new Queue<DateTimeOffset>());
            lock (times)
            {
                Prune(times, now);
                times.Enqueue(now);
            }
        }
    }

    /// <summary>The owner got in: the guesses from this address at this account are forgiven (the others stand).</summary>
    public void RecordSuccess(string account, string clientAddress) => failures.TryRemove(AccountFromAddress(account, clientAddress), out _);

    private IEnumerable<(string Key, int Limit)> Keys(string account, string clientAddress) =>
    [
        ("ip|" + clientAddress, settings.MaxFailuresPerClient),
        (AccountFromAddress(account, clientAddress), settings.MaxFailedAccessAttempts),
        ("account|" + account, settings.MaxFailuresPerAccount),
    ];

    private static string AccountFromAddress(string account, string clientAddress) => "account-ip|" + account + "|" + clientAddress;

    private void Prune(Queue<DateTimeOffset> times, DateTimeOffset now)
    {
        while (times.Count > 0 && times.Peek() + settings.SignInWindow <= now)
        {
            times.Dequeue();
        }
    }

    private void Sweep(DateTimeOffset now)
    {
        foreach (var (key, times) in failures)
        {
            lock (times)
            {
                Prune(times, now);
                if (times.Count == 0)
                {
                    failures.TryRemove(key, out _);
                }
            }
        }
    }
}
