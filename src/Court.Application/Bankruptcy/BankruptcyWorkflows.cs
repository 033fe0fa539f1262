using Court.Application.Workflows;
using Court.Domain.Bankruptcy;
using Court.Domain.Calendars;

namespace Court.Application.Bankruptcy;

/// <summary>The workflow definitions that drive bankruptcy's streams (workflows/*.json) and the names of their triggers.</summary>
public static class BankruptcyWorkflows
{
    public const string Release = "bankruptcy-asset-release";
    public const string Notice = "bankruptcy-assisted-enforcement-notice";
    public const string Disposal = "bankruptcy-asset-disposal";

    public static string ReleaseStream(string requestId) => ReleaseRequest.StreamPrefix + requestId;

    public static string NoticeStream(string noticeId) => Domain.Bankruptcy.Notice.StreamPrefix + noticeId;

    public static string DisposalStream(string assetId) => Domain.Bankruptcy.Disposal.StreamPrefix + assetId;
}

/// <summary>
/// Due dates printed on letters and notices, computed from the same definition and working-day calendar the runtime
/// uses for its timers, so the paper and the timer agree. The numbers are data in workflows/*.json.
/// </summary>
public sealed class BankruptcyDeadlines(WorkflowCatalog catalog, WorkingDayCalendar calendar)
{
    /// <summary>The last day of <paramref name="state"/>'s deadline in <paramref name="definition"/> (or the latest version of <paramref name="workflowId"/>), for a period starting now.</summary>
    public DateOnly DueOn(string workflowId, string state, DateTimeOffset now, WorkflowDefinition? definition = null)
    {
        var deadline = (definition ?? catalog.Latest(workflowId))?.FindState(state)?.Deadline
            ?? throw new InvalidOperationException($"Workflow {workflowId} has no deadline on state {state}.");
        return calendar.EndOfPeriod(CourtCalendar.DateOf(now), deadline.Days, deadline.Unit);
    }

    public (int Days, PeriodUnit Unit) Period(string workflowId, string state)
    {
        var deadline = catalog.Latest(workflowId)?.FindState(state)?.Deadline
            ?? throw new InvalidOperationException($"Workflow {workflowId} has no deadline on state {state}.");
        return (deadline.Days, deadline.Unit);
    }
}
