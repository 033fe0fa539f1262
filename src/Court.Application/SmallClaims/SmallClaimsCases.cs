using System.Security.Cryptography;
using System.Text;
using Court.Application.Common;
using Court.Application.Fees;
using Court.Domain.Fees;
using Court.Domain.SmallClaims;

namespace Court.Application.SmallClaims;

/// <summary>Runs a small-claims command against its case: loads the fee schedules, asks the decider, appends at the expected version.</summary>
public sealed class SmallClaimsCases(AggregateStore store, FeeSchedules schedules, IWorkingDays calendar)
{
    public async Task<long> ExecuteAsync(string caseId, SmallClaimsCommand command, long? ifMatch = null, ThresholdPeriod? threshold = null, CancellationToken cancellationToken = default)
    {
        var catalog = await schedules.CatalogAsync(cancellationToken);
        return await store.ExecuteAsync<SmallClaimsCase>(
            caseId,
            (state, now) => SmallClaimsDecider.Decide(state, command, new SmallClaimsContext(now, catalog, threshold, calendar)),
            ifMatch,
            cancellationToken: cancellationToken);
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
