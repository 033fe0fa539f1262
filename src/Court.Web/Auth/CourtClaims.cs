using System.Security.Claims;
using Court.Infrastructure.Persistence;
using Court.Web.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Court.Web.Auth;

/// <summary>Claim names shared by the cookie and the bearer token, and reading them back whichever scheme signed the caller in.</summary>
public static class CourtClaims
{
    public const string Agency = HttpCallerContext.AgencyClaim;
    public const string Court = HttpCallerContext.CourtClaim;
    public const string DisplayName = "court:display_name";

    /// <summary>Short claim names used inside bearer tokens.</summary>
    public const string TokenName = "name";
    public const string TokenRole = "role";
    public const string TokenSubject = "sub";

    public static IEnumerable<string> RolesOf(ClaimsPrincipal user) =>
        user.Identities.SelectMany(i => i.FindAll(i.RoleClaimType)).Select(c => c.Value);

    public static string? DisplayNameOf(ClaimsPrincipal user) => user.FindFirstValue(DisplayName) ?? user.Identity?.Name;
}

/// <summary>The cookie's principal: Identity's name, id and roles, plus the agency and display name.</summary>
public sealed class CourtClaimsPrincipalFactory(UserManager<CourtUser> users, RoleManager<IdentityRole> roles, IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<CourtUser, IdentityRole>(users, roles, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(CourtUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        if (!string.IsNullOrEmpty(user.Agency))
        {
            identity.AddClaim(new Claim(CourtClaims.Agency, user.Agency));
        }

        identity.AddClaim(new Claim(CourtClaims.DisplayName, string.IsNullOrEmpty(user.DisplayName) ? user.UserName ?? "" : user.DisplayName));
        return identity;
    }
}
