namespace Court.Application.Common;

/// <summary>
/// Lets code without an HTTP request (timers, seeding, the CLI) act as a named caller inside its DI scope, and
/// pass an idempotency key that makes the events it appends deterministic (so a retried timer cannot write twice).
/// The host resolves <see cref="ICallerContext"/> from here first.
/// </summary>
public sealed class CallerScope
{
    public ICallerContext? Caller { get; set; }

    /// <summary>When set, events appended by the workflow runtime get ids derived from it.</summary>
    public string? IdempotencyKey { get; set; }
}
