namespace Court.Application.Common;

/// <summary>Who is sending the current command or query, and under which correlation. Set by the host per request.</summary>
public interface ICallerContext
{
    bool IsAuthenticated { get; }

    string UserId { get; }

    string? Agency { get; }

    IReadOnlySet<string> Roles { get; }

    /// <summary>The court (case-number code, e.g. "渝0116") whose cases a clerk or judge works on; null: not tied to one court.</summary>
    string? Court => null;

    /// <summary>The request being answered ("GET /api/documents/…"), for the read-audit trail; null outside a request.</summary>
    string? Via => null;

    Guid CorrelationId { get; }

    Guid? CausationId { get; }

    bool IsInRole(string role) => Roles.Contains(role);
}

/// <summary>A caller set explicitly: background services (timers, seeding, CLI) act as a named system user.</summary>
public sealed class FixedCaller(string userId, string? agency, IReadOnlySet<string> roles, Guid correlationId, Guid? causationId = null, string? court = null) : ICallerContext
{
    public string? Court { get; } = court;

    public bool IsAuthenticated => true;

    public string UserId { get; } = userId;

    public string? Agency { get; } = agency;

    public IReadOnlySet<string> Roles { get; } = roles;

    public Guid CorrelationId { get; } = correlationId;

    public Guid? CausationId { get; } = causationId;

    public static FixedCaller System(Guid? correlationId = null) =>
        new("system", null, new HashSet<string>(StringComparer.Ordinal) { "system" }, correlationId ?? Guid.CreateVersion7());
}
