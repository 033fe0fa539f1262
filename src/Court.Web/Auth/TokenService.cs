using System.Security.Claims;
using System.Text.Json.Serialization;
using Court.Infrastructure.Persistence;
using Microsoft.AspNetCore.Identity;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Court.Web.Auth;

public sealed record TokenRequest(string? Username, string? Password);

public sealed record TokenResponse(
    [property: JsonPropertyName("access_token")] string AccessToken,
    [property: JsonPropertyName("token_type")] string TokenType,
    [property: JsonPropertyName("expires_in")] long ExpiresIn);

/// <summary>Issues a signed bearer token carrying its roles and agency.</summary>
public sealed class TokenService(
    UserManager<CourtUser> users,
    SigningKeyProvider keys,
    AuthSettings settings,
    TimeProvider clock)
{
    /// <summary>A token for a user whose password <see cref="PasswordCheck"/> has accepted.</summary>
    public async Task<TokenResponse> IssueAsync(CourtUser user)
    {
        var claims = new List<Claim>
        {
            new(CourtClaims.TokenSubject, user.Id),
            new(CourtClaims.TokenName, user.UserName!),
            new(CourtClaims.DisplayName, user.DisplayName),
        };
        claims.AddRange((await users.GetRolesAsync(user)).Select(r => new Claim(CourtClaims.TokenRole, r)));
        // Stored user claims (the court of a clerk or judge) travel in the token as in the cookie.
        claims.AddRange((await users.GetClaimsAsync(user)).Select(c => new Claim(c.Type, c.Value)));
        if (!string.IsNullOrEmpty(user.Agency))
        {
            claims.Add(new Claim(CourtClaims.Agency, user.Agency));
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var token = new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false }.CreateToken(new SecurityTokenDescriptor
        {
            Subject = new ClaimsIdentity(claims),
            Issuer = AuthSettings.Issuer,
            Audience = AuthSettings.Audience,
            IssuedAt = now,
            NotBefore = now,
            Expires = now + settings.TokenLifetime,
            SigningCredentials = new SigningCredentials(keys.Key, SecurityAlgorithms.HmacSha256),
        });
        return new TokenResponse(token, "Bearer", (long)settings.TokenLifetime.TotalSeconds);
    }

    /// <summary>What the bearer handler checks; lifetime is judged by the injected clock so tests can move time.</summary>
    public static TokenValidationParameters ValidationParameters(SigningKeyProvider keys, TimeProvider clock) => new()
    {
        ValidIssuer = AuthSettings.Issuer,
        ValidAudience = AuthSettings.Audience,
        IssuerSigningKey = keys.Key,
        ValidAlgorithms = [SecurityAlgorithms.HmacSha256],
        NameClaimType = CourtClaims.TokenName,
        RoleClaimType = CourtClaims.TokenRole,
        RequireExpirationTime = true,
        ClockSkew = TimeSpan.FromSeconds(30),
        LifetimeValidator = (notBefore, expires, _, parameters) =>
        {
            var now = clock.GetUtcNow().UtcDateTime;
            return (notBefore is null || notBefore.Value - parameters.ClockSkew <= now)
                && expires is not null && now < expires.Value + parameters.ClockSkew;
        },
    };
}
