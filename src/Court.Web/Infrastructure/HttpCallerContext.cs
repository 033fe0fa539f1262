using System.Security.Claims;
using Court.Application.Common;

namespace Court.Web.Infrastructure;

/// <summary>The caller of the current HTTP request, read from its claims and correlation header.</summary>
public sealed class HttpCallerContext(IHttpContextAccessor accessor) : ICallerContext
{
    public const string CorrelationHeader = "X-Correlation-Id";
    public const string AgencyClaim = "court:agency";

    private Guid? correlationId;

    private ClaimsPrincipal? User => accessor.HttpContext?.User;

    public bool IsAuthenticated => User?.Identity?.IsAuthenticated == true;

    public string UserId => User?.FindFirstValue(ClaimTypes.Name) ?? User?.FindFirstValue(ClaimTypes.NameIdentifier) ?? "anonymous";

    public string? Agency => User?.FindFirstValue(AgencyClaim);

    public IReadOnlySet<string> Roles =>
        User?.FindAll(ClaimTypes.Role).Select(c => c.Value).ToHashSet(StringComparer.Ordinal) ?? [];

    public Guid CorrelationId => correlationId ??= ReadCorrelationId();

    public Guid? CausationId => null;

    private Guid ReadCorrelationId()
    {
        var header = accessor.HttpContext?.Request.Headers[CorrelationHeader].ToString();
        return Guid.TryParse(header, out var id) ? id : Guid.CreateVersion7();
    }
}
