using System.Security.Claims;
using Court.Application.Common;

namespace Court.Web.Infrastructure;

/// <summary>The caller of the current HTTP request, read from its claims and correlation header.</summary>
public sealed class HttpCallerContext(IHttpContextAccessor accessor) : ICallerContext
{
    public const string CorrelationHeader = "X-Correlation-Id";
    public const string AgencyClaim = "court:agency";
    public const string CourtClaim = global::Court.Infrastructure.Persistence.CourtUserClaims.Court;

    private Guid? correlationId;

    private ClaimsPrincipal? User => accessor.HttpContext?.User;

    public bool IsAuthenticated => User?.Identity?.IsAuthenticated == true;

    /// <summary>The user name (cookie and bearer token alike), so event metadata reads "judge", not a GUID.</summary>
    public string UserId => IsAuthenticated ? User?.Identity?.Name ?? User?.FindFirstValue(ClaimTypes.NameIdentifier) ?? "anonymous" : "anonymous";

    public string? Agency => User?.FindFirstValue(AgencyClaim);

    public string? Court => User?.FindFirstValue(CourtClaim);

    /// <summary>Each identity names its own role claim type: Identity's cookie uses the long URI, bearer tokens "role".</summary>
    public IReadOnlySet<string> Roles =>
        User?.Identities.SelectMany(i => i.FindAll(i.RoleClaimType)).Select(c => c.Value).ToHashSet(StringComparer.Ordinal) ?? [];

    public string? Via => accessor.HttpContext?.Request is { } request ? $"{request.Method} {request.PathBase}{request.Path}" : null;

    public Guid CorrelationId => correlationId ??= ReadCorrelationId();

    public Guid? CausationId => null;

    private Guid ReadCorrelationId()
    {
        var header = accessor.HttpContext?.Request.Headers[CorrelationHeader].ToString();
        return Guid.TryParse(header, out var id) ? id : Guid.CreateVersion7();
    }
}
