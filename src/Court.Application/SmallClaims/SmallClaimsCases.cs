using System.Security.Cryptography;
using System.Text;
using Court.Application.Common;
using Court.Application.Fees;
using Court.Application.Workflows;
using Court.Domain.Calendars;
using Court.Domain.Common;
using Court.Domain.Fees;
using Court.Domain.SmallClaims;

namespace Court.Application.SmallClaims;

/// <summary>Runs a small-claims command against its case: loads the fee schedules, asks the decider, appends at the expected version.</summary>
public sealed class SmallClaimsCases(AggregateStore store, WorkflowRuntime workflows, FeeSchedules schedules, WorkingDayCalendar calendar)
{
    public const string WorkflowId = "small-claims";

    /// <summary>
    /// Steps of the process go through the workflow runtime (which checks the state and the caller's role and records
    /// the transition); bookkeeping such as payments goes straight to the case, in any state.
    /// </summary>
    public async Task<long> ExecuteAsync(string caseId, SmallClaimsCommand command, long? ifMatch = null, IWorkflowCommand? step = null, CancellationToken cancellationToken = default)
    {
        var decide = await DeciderAsync(command, null, cancellationToken);
        return step is null
            ? await store.ExecuteAsync(caseId, decide, ifMatch, cancellationToken: cancellationToken)
            : await workflows.FireAsync(step, decide, ifMatch, cancellationToken);
    }

    /// <summary>Files the case and starts its workflow in one append; filing it again changes nothing.</summary>
    public async Task<long> FileAsync(FileSmallClaimsCase file, ThresholdPeriod? threshold, CancellationToken cancellationToken = default)
    {
        var decide = await DeciderAsync(file, threshold, cancellationToken);
        return (await store.LoadAsync<SmallClaimsCase>(file.CaseId, cancellationToken)).Exists
            ? await store.ExecuteAsync(file.CaseId, decide, cancellationToken: cancellationToken)
            : await workflows.StartAsync(WorkflowId, file.CaseId, decide, cancellationToken: cancellationToken);
    }

    private async Task<Func<SmallClaimsCase, DateTimeOffset, Decision>> DeciderAsync(SmallClaimsCommand command, ThresholdPeriod? threshold, CancellationToken cancellationToken)
    {
        var catalog = await schedules.CatalogAsync(cancellationToken);
        return (state, now) => SmallClaimsDecider.Decide(state, command, new SmallClaimsContext(now, catalog, threshold, calendar));
    }

    /// <summary>A case's id comes from its canonical case number, so the same case cannot be filed twice.</summary>
    public static string IdFor(string canonicalCaseNumber)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes("court:small-claims-case:" + canonicalCaseNumber));
        return new Guid(hash.AsSpan(0, 16)).ToString("N");
    }
}

/// <summary>The change a case command made: the case and its stream version (the next If-Match).</summary>
public sealed record CaseChanged(string Id, long Version);

public static class YuanInput
{
    /// <summary>A JSON amount in yuan as fen, or null when it has more than two decimals or is out of range.</summary>
    public static long? ToFen(decimal? yuan) =>
        yuan is { } y && y >= 0 && y <= Money.MaxFen / 100 && y * 100 == decimal.Truncate(y * 100) ? (long)(y * 100) : null;
}
