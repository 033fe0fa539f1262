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

/// <summary>The asset's latest release request: its workflow state as recorded in its stream.</summary>
public sealed record StandingRelease(string RequestId, string? State, bool Open, DateTimeOffset? DueAt, string? NoticeId);

/// <summary>The asset's disposal: its workflow state as recorded in its stream.</summary>
public sealed record StandingDisposal(string? State, bool Final, string? NoticeId);

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

            // Who the release waits on in each state: the request's data decides the party (which bodies, which notice).
            blockers.Add(state switch
            {
                "Requested" => new Blocker("awaiting-judge", "judge", release.RequestId, null),
                "AwaitingSeizingBodies" => new Blocker("awaiting-seizing-bodies", string.Join("、", inForce.Select(s => s.SeizingBody)), release.RequestId, release.DueAt),
                "AwaitingSuperiors" => new Blocker("awaiting-superiors", string.Join("、", inForce.Select(s => s.SeizingBodySuperior ?? s.SeizingBody)), release.RequestId, release.DueAt),
                "RulingDue" => new Blocker("ruling-due", "judge", release.RequestId, null),
                "AwaitingRegistry" => new Blocker("awaiting-agency", holdingAgency, release.NoticeId, null),
                _ => new Blocker("agency-cannot-execute", holdingAgency, release.NoticeId, null),
            });
            return new AssetStanding(state, StandingSource.Release, blockers);
        }

        return disposal?.State switch
        {
            null => new AssetStanding(Free, StandingSource.None, []),
            "Sold" => new AssetStanding("Sold", StandingSource.Disposal, [new Blocker("awaiting-sale-confirmation", "judge", assetId, null)]),
            "Confirmed" => new AssetStanding("Confirmed", StandingSource.Disposal, [new Blocker("awaiting-transfer", holdingAgency, disposal.NoticeId, null)]),
            var state => new AssetStanding(state, StandingSource.Disposal, []),
        };
    }
}
