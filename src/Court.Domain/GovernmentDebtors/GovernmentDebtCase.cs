using System.Collections.Immutable;
using Court.Domain.Common;
using Court.Domain.Workflows;

namespace Court.Domain.GovernmentDebtors;

public sealed record Reconsideration(DateOnly RequestedOn, DateOnly DecisionDueOn, bool? Upheld = null, DateOnly? DecidedOn = null);

/// <summary>A correction request on a listing and what became of it (Art. 12).</summary>
public sealed record Correction(
    DateOnly RequestedOn,
    DateOnly ReviewDueOn,
    bool? Upheld = null,
    DateOnly? DecidedOn = null,
    DateOnly? CorrectBy = null,
    DateOnly? ReconsiderationBy = null,
    DateOnly? CorrectedOn = null,
    Reconsideration? Reconsideration = null)
{
    /// <summary>Upheld on review or on reconsideration: the listing must be corrected.</summary>
    public bool Justified => Upheld == true || Reconsideration?.Upheld == true;
}

public sealed record Listing(string ListingId, ListingGround Ground, int? TermYears, DateOnly ListedOn, DateOnly? EndsOn, DateOnly? PublishedOn = null, Correction? Correction = null);

public sealed record Removal(string ListingId, RemovalReason Reason, DateOnly RemovedOn, DateOnly? RelistingAllowedFrom);

/// <summary>
/// What the decisions of one government-debtor enforcement case need. It holds data only: where the case stands in its
/// process is the workflow state recorded in the same stream (workflows/government-debtor-enforcement.v*.json).
/// </summary>
public sealed record GovernmentDebtCase(
    bool Opened,
    string CaseId,
    string CaseNumber,
    string CourtCode,
    string DebtorName,
    string DebtorCreditCode,
    string DebtorAgency,
    bool DebtorIsLocalGovernment,
    string? JudgeId,
    DateOnly EffectiveOn,
    DateOnly OpenedOn,
    long PrincipalFen,
    InterestOrder? Interest,
    ImmutableList<DebtMovement> Movements,
    DateOnly? FullyPerformedOn,
    DateOnly? PushedOn,
    DateOnly? SupervisionStartedOn,
    ImmutableSortedSet<DateOnly> ReportedMonths,
    DateOnly? NextMeetingDueOn,
    bool SupremeCourtFiled,
    bool ReportedUpward,
    bool FoundNotPerformed,
    Listing? Listing,
    ImmutableList<Removal> Removals,
    ImmutableList<CaseDocumentIssued> Documents) : IAggregateState<GovernmentDebtCase>, IWorkflowSubject
{
    public static GovernmentDebtCase Initial { get; } = new(
        false, "", "", "", "", "", "", false, null, default, default, 0, null, [], null, null, null, [], null, false, false, false, null, [], []);

    public static string StreamPrefix => "government-debt-case-";

    public DebtBalance BalanceOn(DateOnly day) => DebtLedger.BalanceOn(PrincipalFen, Interest, Movements, day);

    public bool Settled => Movements.Any(m => m.Kind is null);

    public string? WorkflowLabel => CaseNumber.Length == 0 ? null : CaseNumber;

    /// <summary>The debtor unit's steps go to that unit's officers only; the judge's to the assigned judge.</summary>
    public WorkflowAssignment? AssignmentFor(string state, string role) => role switch
    {
        "debtor-unit-officer" => new WorkflowAssignment(Agency: DebtorAgency),
        // Outside the court a task must name its agency, or the inbox shows it to nobody (WorkflowTaskDocument.AudiencesOf).
        "supervision-officer" => new WorkflowAssignment(Agency: Agencies.Supervision.Code),
        "judge" when JudgeId is not null => new WorkflowAssignment(UserId: JudgeId),
        _ => null,
    };

    public GovernmentDebtCase Evolve(IDomainEvent @event) => @event switch
    {
        GovernmentDebtCaseOpened e => this with
        {
            Opened = true,
            CaseId = e.CaseId,
            CaseNumber = e.CaseNumber,
            CourtCode = e.CourtCode,
            DebtorName = e.Debtor.Name,
            DebtorCreditCode = e.DebtorCreditCode,
            DebtorAgency = e.DebtorAgency,
            DebtorIsLocalGovernment = e.DebtorIsLocalGovernment,
            JudgeId = e.JudgeId,
            EffectiveOn = e.Judgment.EffectiveOn,
            OpenedOn = e.OpenedOn,
            PrincipalFen = e.PrincipalFen,
            Interest = e.Interest,
        },
        CaseDocumentIssued e => this with { Documents = Documents.Add(e) },
        CasePushed e => this with { PushedOn = e.PushedOn },
        SupervisionStarted e => this with { SupervisionStartedOn = e.StartedOn, NextMeetingDueOn = e.FirstMeetingDueOn },
        MonthlyReportSubmitted e => this with { ReportedMonths = ReportedMonths.Add(e.Month) },
        CoordinationMeetingHeld e => this with { NextMeetingDueOn = e.NextDueOn },
        PerformanceRecorded e => this with { Movements = Movements.Add(new DebtMovement(e.PerformedOn, e.Kind, e.AmountFen)) },
        SettlementReached e => this with { Movements = Movements.Add(new DebtMovement(e.ReachedOn, null, e.AgreedFen)) },
        FullyPerformed e => this with { FullyPerformedOn = e.PerformedOn },
        NonPerformanceFound => this with { FoundNotPerformed = true },
        ReportedToPartyCommittee => this with { ReportedUpward = true },
        FiledWithSupremeCourt => this with { SupremeCourtFiled = true },
        ListedAsDishonestDebtor e => this with { Listing = new Listing(e.ListingId, e.Ground, e.TermYears, e.ListedOn, e.EndsOn) },
        ListingPublished e => WithListing(l => l with { PublishedOn = e.PublishedOn }),
        RemovedFromList e => this with { Listing = null, Removals = Removals.Add(new Removal(e.ListingId, e.Reason, e.RemovedOn, e.RelistingAllowedFrom)) },
        CorrectionRequested e => WithListing(l => l with { Correction = new Correction(e.RequestedOn, e.ReviewDueOn) }),
        CorrectionDecided e => WithCorrection(c => c with { Upheld = e.Upheld, DecidedOn = e.DecidedOn, CorrectBy = e.CorrectBy, ReconsiderationBy = e.ReconsiderationBy }),
        ListingCorrected e => WithCorrection(c => c with { CorrectedOn = e.CorrectedOn }),
        ReconsiderationRequested e => WithCorrection(c => c with { Reconsideration = new Reconsideration(e.RequestedOn, e.DecisionDueOn) }),
        ReconsiderationDecided e => WithCorrection(c => c with
        {
            Reconsideration = c.Reconsideration! with { Upheld = e.Upheld, DecidedOn = e.DecidedOn },
            CorrectBy = e.CorrectBy ?? c.CorrectBy,
        }),
        _ => this,
    };

    private GovernmentDebtCase WithListing(Func<Listing, Listing> change) => Listing is null ? this : this with { Listing = change(Listing) };

    private GovernmentDebtCase WithCorrection(Func<Correction, Correction> change) =>
        WithListing(l => l.Correction is null ? l : l with { Correction = change(l.Correction) });
}
