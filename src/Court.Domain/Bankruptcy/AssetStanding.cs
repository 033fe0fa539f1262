using Court.Domain.Calendars;

namespace Court.Domain.Bankruptcy;

/// <summary>One thing that stands between an asset and its disposal: who must act, on what, by when.</summary>
public sealed record Blocker(string Kind, string Party, string? Reference, DateTimeOffset? DueAt)
{
    public DateOnly? DueOn => WorkingDayCalendar.LastDayOf(DueAt);
}

/// <summary>A seizure as the standing rule needs it. <paramref name="Bound"/>: neither lifted nor recorded as lapsed.</summary>
public sealed record StandingSeizure(string SeizingBody, string? SeizingBodySuperior, string DocumentNumber, SeizureRank Rank, DateOnly SeizedOn, DateOnly ExpiresOn, bool Bound)
{
    /// <summary>
    /// Binds the asset on <paramref name="now"/>: a seizure past its expiry no longer binds even before the sweep
    /// records <see cref="SeizureLapsed"/> (the same day rule as the sweep's, <see cref="CourtCalendar.IsPast"/>).
    /// </summary>
    public bool InForceAt(DateTimeOffset now) => Bound && !CourtCalendar.IsPast(ExpiresOn, now);
}

/// <summary>
/// Who an asset held by a process waits on in a state, as the state's <c>waitsOn</c> in the pinned definition says
/// (workflow.schema.json lists these values); the record's data says which body or agency that is.
/// </summary>
public static class WaitsOn
{
    public const string Judge = "judge";
    public const string SeizingBodies = "seizing-bodies";
    public const string Superiors = "superiors";
    public const string HoldingAgency = "holding-agency";
}

/// <summary>The asset's latest release request: its workflow state as recorded in its stream, and whom that state waits on.</summary>
public sealed record StandingRelease(string RequestId, string? State, bool Open, DateTimeOffset? DueAt, string? NoticeId, string? WaitsOn = null);

/// <summary>The asset's disposal: its workflow state as recorded in its stream, and whom that state waits on.</summary>
public sealed record StandingDisposal(string? State, bool Final, string? NoticeId, string? WaitsOn = null);

/// <summary>Which process names the asset's state: none (seized or free), the release request, or the disposal.</summary>
public enum StandingSource
{
    None,
    Release,
    Disposal,
}

/// <summary>
/// Where an asset stands and what blocks it. The state is the recorded workflow state of the process that holds the
/// asset (the release request while a seizure binds it and a request is open, else the disposal), so its names are
/// the definitions' state names and no list of them is kept here (docs/decisions/0061); only an asset no process
/// holds is <see cref="Seized"/> or <see cref="Free"/>.
/// </summary>
public sealed record AssetStanding(string State, StandingSource Source, IReadOnlyList<Blocker> BlockedBy)
{
    /// <summary>A seizure binds the asset and no release request is open.</summary>
    public const string Seized = "Seized";

    /// <summary>No seizure binds the asset and no disposal was scheduled: it may be disposed of.</summary>
    public const string Free = "Free";

    public bool IsFree => State == Free && Source == StandingSource.None;

    /// <summary>The asset was transferred without a disposal on record (<see cref="AssetTransferred"/>).</summary>
    public const string Transferred = "Transferred";

    public static AssetStanding Of(string assetId, string holdingAgency, IEnumerable<StandingSeizure> seizures, StandingRelease? release, StandingDisposal? disposal, bool transferred, DateTimeOffset now)
    {
        // A disposal in its final state (or a transfer recorded on the estate) ends every other concern.
        if (disposal is { Final: true, State: { } final })
        {
            return new AssetStanding(final, StandingSource.Disposal, []);
        }

        if (transferred)
        {
            return new AssetStanding(Transferred, StandingSource.None, []);
        }

        var inForce = seizures.Where(s => s.InForceAt(now)).OrderBy(s => s.Rank).ThenBy(s => s.SeizedOn).ToList();
        if (inForce.Count > 0)
        {
            var blockers = inForce.Select(s => new Blocker(s.Rank == SeizureRank.First ? "first-seizure" : "queued-seizure", s.SeizingBody, s.DocumentNumber, null)).ToList();
            if (release is not { Open: true, State: { } state })
            {
                return new AssetStanding(Seized, StandingSource.None, blockers);
            }

            if (release.WaitsOn is { } waitsOn)
            {
                blockers.Add(WaitingOn(waitsOn, inForce, holdingAgency, release.NoticeId, release.RequestId, release.DueAt));
            }

            return new AssetStanding(state, StandingSource.Release, blockers);
        }

        return disposal is { State: { } disposalState }
            ? new AssetStanding(disposalState, StandingSource.Disposal, disposal.WaitsOn is { } waits ? [WaitingOn(waits, [], holdingAgency, disposal.NoticeId, assetId, null)] : [])
            : new AssetStanding(Free, StandingSource.None, []);
    }

    /// <summary>
    /// The blocker for a state that waits on <paramref name="waitsOn"/>: its kind names the party, the record's data
    /// says who; the holding agency acts on the notice it was sent, everyone else on the request or asset itself.
    /// </summary>
    private static Blocker WaitingOn(string waitsOn, IReadOnlyList<StandingSeizure> inForce, string holdingAgency, string? noticeId, string recordId, DateTimeOffset? dueAt) =>
        new("awaiting-" + waitsOn, waitsOn switch
        {
            WaitsOn.SeizingBodies => string.Join("、", inForce.Select(s => s.SeizingBody)),
            WaitsOn.Superiors => string.Join("、", inForce.Select(s => s.SeizingBodySuperior ?? s.SeizingBody)),
            WaitsOn.HoldingAgency => holdingAgency,
            _ => waitsOn,
        }, waitsOn == WaitsOn.HoldingAgency ? noticeId : recordId, dueAt);
}
