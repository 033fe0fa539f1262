namespace Court.Web.Auth;

/// <summary>Bound from <c>Court:Auth</c>.</summary>
public sealed class AuthSettings
{
    public const string Issuer = "court";
    public const string Audience = "court-api";

    /// <summary>Base64 of at least 32 bytes. When empty, a key is generated on first start and kept under the data folder.</summary>
    public string? SigningKey { get; set; }

    public TimeSpan TokenLifetime { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Failed sign-ins at one account from one client address within <see cref="SignInWindow"/> before that address must wait.</summary>
    public int MaxFailedAccessAttempts { get; set; } = 5;

    /// <summary>Failed sign-ins from one client address, at any accounts, before it must wait.</summary>
    public int MaxFailuresPerClient { get; set; } = 20;

    /// <summary>Failed sign-ins at one account from all addresses together before every guess at it must wait.</summary>
    public int MaxFailuresPerAccount { get; set; } = 50;

    public TimeSpan SignInWindow { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>How long a locked-out or deleted user's cookie or token may still be believed.</summary>
    public TimeSpan AccountCheckInterval { get; set; } = TimeSpan.FromMinutes(1);
}
