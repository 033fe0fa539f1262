namespace Court.Web.Auth;

/// <summary>Bound from <c>Court:Auth</c>.</summary>
public sealed class AuthSettings
{
    public const string Issuer = "court";
    public const string Audience = "court-api";

    /// <summary>Base64 of at least 32 bytes. When empty, a key is generated on first start and kept under the data folder.</summary>
    public string? SigningKey { get; set; }

    public TimeSpan TokenLifetime { get; set; } = TimeSpan.FromHours(1);

    public int MaxFailedAccessAttempts { get; set; } = 5;

    public TimeSpan LockoutDuration { get; set; } = TimeSpan.FromMinutes(15);
}
