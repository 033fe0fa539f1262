namespace Court.Application.Workflows;

/// <summary>
/// Per-scope settings of the workflow runtime. The timer service sets <see cref="IdempotencyKey"/> (the timer id) so
/// the events appended for an expiry get ids derived from it: a retry after a crash is recognised as a repeat.
/// </summary>
public sealed class WorkflowExecution
{
    public string? IdempotencyKey { get; set; }
}
