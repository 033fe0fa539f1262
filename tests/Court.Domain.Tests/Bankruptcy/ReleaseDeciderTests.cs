using Court.Domain.Bankruptcy;
using Court.Domain.Common;
using Court.Domain.Workflows;
using static Court.Domain.Tests.Bankruptcy.Facts;
using static Court.Domain.Tests.Bankruptcy.Spec;

namespace Court.Domain.Tests.Bankruptcy;

public sealed class ReleaseDeciderTests
{
    private const string RequestId = "r-1";
    private static readonly DateOnly LettersDue = new(2022, 6, 17);
    private static readonly DateOnly SuperiorsDue = new(2022, 7, 4);

    private static ReleaseRequested Requested => new(RequestId, EstateId, Case.Value, AssetId, Bureau, [ToRelease(FirstSeized), ToRelease(QueuedSeized)], "破产受理后应解除保全措施（企业破产法第十九条）", Admin, Now);

    private static ReleaseLettersSent LettersSent => new(
        RequestId,
        [new("r-1-letter-1", FirstSeizure, LetterRecipient.SeizingBody, "重庆市江津区人民法院"), new("r-1-letter-2", QueuedSeizure, LetterRecipient.SeizingBody, "国家税务总局重庆市江津区税务局")],
        LettersDue,
        Judge,
        Now);

    private static ReleaseEscalatedToSuperiors ToSuperiors(DateTimeOffset at) => new(
        RequestId,
        [new("r-1-superior-1", FirstSeizure, LetterRecipient.Superior, "重庆市第五中级人民法院"), new("r-1-superior-2", QueuedSeizure, LetterRecipient.Superior, "国家税务总局重庆市税务局")],
        SuperiorsDue,
        "system",
        at);

    /// <summary>The workflow entry the runtime appends beside the events: the deadline (24:00 China time of its last day) is the pinned definition's.</summary>
    private static WorkflowTransitioned Entered(string state, DateOnly? dueOn) =>
        new("bankruptcy-asset-release", 1, "test", "before", new WorkflowStateEntry(state, false, DueAt: dueOn is { } d ? new DateTimeOffset(d.AddDays(1), TimeOnly.MinValue, CourtCalendar.Offset) : null));

    private static ReleaseRequest Approved => Given<ReleaseRequest>(Requested, new ReleaseApproved(RequestId, null, Judge, Now), LettersSent, Entered("AwaitingSeizingBodies", LettersDue));

    private static ReleaseRequest AtSuperiors => Approved.Evolve(ToSuperiors(Now)).Evolve(Entered(ReleaseStates.AwaitingSuperiors, SuperiorsDue));

    private static ReleaseRequest RulingDue => AtSuperiors.Evolve(new ReleaseRulingDue(RequestId, [FirstSeizure, QueuedSeizure], "system", Now));

    private static LiftingRulingIssued Ruling(DateTimeOffset at) => new(
        RequestId, "r-1-ruling-1", [FirstSeizure, QueuedSeizure], ReleaseDecider.NoticeIdFor("r-1-ruling-1"), Bureau, CourtCalendar.DateOf(at),
        [new("r-1-notification-r-1-ruling-1-1", FirstSeizure, LetterRecipient.SeizingBody, "重庆市江津区人民法院"), new("r-1-notification-r-1-ruling-1-2", QueuedSeizure, LetterRecipient.SeizingBody, "国家税务总局重庆市江津区税务局")],
        Judge,
        at);

    private static ReleaseRequest AwaitingRegistry => RulingDue.Evolve(Ruling(Now));

    /// <summary>The estate's view of the asset as a decision reads it: both seizures recorded, in force until 2024.</summary>
    private static EstateAsset Asset => SeizedEstate.Asset(AssetId)!;

    /// <summary>The same asset, but the tax bureau's queued seizure expired on 1 June 2022 and the sweep has not yet recorded it.</summary>
    private static EstateAsset AssetWithQueuedSeizureExpiredUnswept =>
        Given<Estate>(Opened, BuildingRegistered, FirstSeized, QueuedSeized with { ExpiresOn = new DateOnly(2022, 6, 1) }).Asset(AssetId)!;

    private static Decision When(ReleaseRequest state, ReleaseCommand command, DateTimeOffset? at = null) => ReleaseDecider.Decide(state, command, at ?? Now);

    private static ReleaseCommand.Request Request(params string[] seizures) =>
        new(RequestId, SeizedEstate, SeizedEstate.Asset(AssetId)!, seizures, "破产受理后应解除保全措施（企业破产法第十九条）", Admin);

    [Fact]
    public void Requesting_release_names_each_seizure_with_its_body_and_document() =>
        Then(When(ReleaseRequest.Initial, Request(FirstSeizure, QueuedSeizure)), Requested);

    [Fact]
    public void Requesting_release_of_a_seizure_the_asset_does_not_have_is_not_found() =>
        ThenError(When(ReleaseRequest.Initial, Request("nope")), "seizure.not-found", ErrorKind.NotFound);

    [Fact]
    public void Requesting_release_of_nothing_is_invalid() =>
        ThenError(When(ReleaseRequest.Initial, Request()), "release.no-seizures", ErrorKind.Validation);

    [Fact]
    public void A_seizure_that_no_longer_binds_cannot_be_released()
    {
        var estate = SeizedEstate.Evolve(new SeizureLifted(EstateId, AssetId, FirstSeizure, LiftedBy.SeizingBody, "x", new DateOnly(2022, 6, 1), null, Admin, Now));

        ThenError(When(ReleaseRequest.Initial, new ReleaseCommand.Request(RequestId, estate, estate.Asset(AssetId)!, [FirstSeizure], "r", Admin)), "seizure.not-in-force", ErrorKind.Conflict);
    }

    [Fact]
    public void The_same_request_filed_again_yields_no_events() =>
        ThenNothing(When(Given<ReleaseRequest>(Requested), Request(FirstSeizure)));

    [Fact]
    public void Approving_sends_a_letter_with_a_deadline_to_each_seizing_body() =>
        Then(When(Given<ReleaseRequest>(Requested), new ReleaseCommand.Approve(null, LettersDue, Judge)), new ReleaseApproved(RequestId, null, Judge, Now), LettersSent);

    [Fact]
    public void Approving_needs_a_deadline_after_today() =>
        ThenError(When(Given<ReleaseRequest>(Requested), new ReleaseCommand.Approve(null, CourtCalendar.DateOf(Now), Judge)), "release.deadline-not-ahead", ErrorKind.Validation);

    [Fact]
    public void Approving_a_request_that_does_not_exist_is_not_found() =>
        ThenError(When(ReleaseRequest.Initial, new ReleaseCommand.Approve(null, LettersDue, Judge)), "release.not-found", ErrorKind.NotFound);

    [Fact]
    public void Rejecting_records_the_reason() =>
        Then(When(Given<ReleaseRequest>(Requested), new ReleaseCommand.Reject("查封财产不属于债务人", Judge)), new ReleaseRejected(RequestId, "查封财产不属于债务人", Judge, Now));

    [Fact]
    public void Before_the_deadline_passes_escalation_does_nothing() =>
        ThenNothing(When(Approved, new ReleaseCommand.EscalateOverdue(ReleaseStates.AwaitingSuperiors, SuperiorsDue, Asset, "system"), new DateTimeOffset(2022, 6, 17, 23, 0, 0, CourtCalendar.Offset)));

    [Fact]
    public void After_the_seizing_bodies_deadline_letters_go_to_their_superiors()
    {
        var at = new DateTimeOffset(2022, 6, 18, 0, 5, 0, CourtCalendar.Offset);

        Then(When(Approved, new ReleaseCommand.EscalateOverdue(ReleaseStates.AwaitingSuperiors, SuperiorsDue, Asset, "system"), at), ToSuperiors(at));
    }

    [Fact]
    public void Only_seizures_still_in_force_escalate()
    {
        var at = new DateTimeOffset(2022, 6, 18, 0, 5, 0, CourtCalendar.Offset);
        var state = Approved.Evolve(new SeizureLiftedBySeizingBody(RequestId, FirstSeizure, "解封文书", new DateOnly(2022, 6, 10), Admin, Now));

        Then(
            When(state, new ReleaseCommand.EscalateOverdue(ReleaseStates.AwaitingSuperiors, SuperiorsDue, Asset, "system"), at),
            new ReleaseEscalatedToSuperiors(RequestId, [new("r-1-superior-1", QueuedSeizure, LetterRecipient.Superior, "国家税务总局重庆市税务局")], SuperiorsDue, "system", at));
    }

    [Fact]
    public void An_escalation_leads_where_the_definition_says_so_the_seizing_bodies_deadline_may_lead_straight_to_the_ruling()
    {
        var at = new DateTimeOffset(2022, 6, 18, 0, 5, 0, CourtCalendar.Offset);

        Then(When(Approved, new ReleaseCommand.EscalateOverdue(ReleaseStates.RulingDue, null, Asset, "system"), at), new ReleaseRulingDue(RequestId, [FirstSeizure, QueuedSeizure], "system", at));
    }

    [Fact]
    public void The_escalation_waits_for_the_deadline_the_stream_recorded_not_a_date_computed_again() =>
        ThenNothing(When(Given<ReleaseRequest>(Requested, LettersSent, Entered("AwaitingSeizingBodies", LettersDue.AddDays(30))), new ReleaseCommand.EscalateOverdue(ReleaseStates.AwaitingSuperiors, SuperiorsDue, Asset, "system"), new DateTimeOffset(2022, 6, 18, 0, 5, 0, CourtCalendar.Offset)));

    [Fact]
    public void After_the_superiors_deadline_the_courts_ruling_is_due()
    {
        var at = new DateTimeOffset(2022, 7, 5, 0, 5, 0, CourtCalendar.Offset);

        Then(When(AtSuperiors, new ReleaseCommand.EscalateOverdue(ReleaseStates.RulingDue, null, Asset, "system"), at), new ReleaseRulingDue(RequestId, [FirstSeizure, QueuedSeizure], "system", at));
    }

    [Fact]
    public void A_seizing_body_lifting_its_seizure_is_recorded() =>
        Then(
            When(Approved, new ReleaseCommand.RecordSeizingBodyLift(FirstSeizure, "(2021)渝0116执100号之一", new DateOnly(2022, 6, 1), Admin)),
            new SeizureLiftedBySeizingBody(RequestId, FirstSeizure, "(2021)渝0116执100号之一", new DateOnly(2022, 6, 1), Admin, Now));

    [Fact]
    public void When_the_last_seizing_body_lifts_the_release_is_complete()
    {
        var state = Approved.Evolve(new SeizureLiftedBySeizingBody(RequestId, FirstSeizure, "a", new DateOnly(2022, 6, 1), Admin, Now));

        Then(
            When(state, new ReleaseCommand.RecordSeizingBodyLift(QueuedSeizure, "b", new DateOnly(2022, 6, 2), Admin)),
            new SeizureLiftedBySeizingBody(RequestId, QueuedSeizure, "b", new DateOnly(2022, 6, 2), Admin, Now),
            new ReleaseCompleted(RequestId, EstateId, AssetId, null, new DateOnly(2022, 6, 2), Admin, Now));
    }

    [Fact]
    public void Recording_a_seizing_body_lift_twice_yields_no_events() =>
        ThenNothing(When(
            Approved.Evolve(new SeizureLiftedBySeizingBody(RequestId, FirstSeizure, "a", new DateOnly(2022, 6, 1), Admin, Now)),
            new ReleaseCommand.RecordSeizingBodyLift(FirstSeizure, "a", new DateOnly(2022, 6, 1), Admin)));

    [Fact]
    public void A_lift_cannot_be_dated_in_the_future() =>
        ThenError(When(Approved, new ReleaseCommand.RecordSeizingBodyLift(FirstSeizure, "a", new DateOnly(2022, 6, 3), Admin)), "release.lifted-in-future");

    [Fact]
    public void The_judge_issues_one_ruling_for_every_seizure_still_in_force_and_notifies_the_seizing_bodies() =>
        Then(When(RulingDue, new ReleaseCommand.IssueRuling(Asset, Judge)), Ruling(Now));

    [Fact]
    public void A_ruling_before_the_chain_runs_out_needs_the_judges_reason() =>
        ThenError(When(Approved, new ReleaseCommand.IssueRuling(Asset, Judge)), "release.ruling-before-chain-exhausted", ErrorKind.Unprocessable);

    [Fact]
    public void The_judge_may_rule_before_the_chain_runs_out_as_a_recorded_decision_with_its_reason() =>
        Then(When(Approved, new ReleaseCommand.IssueRuling(Asset, Judge, " 拍卖在即 ")), Ruling(Now) with { EarlyReason = "拍卖在即" });

    [Fact]
    public void A_reason_given_after_the_chain_ran_out_is_not_recorded_as_an_early_decision() =>
        Then(When(RulingDue, new ReleaseCommand.IssueRuling(Asset, Judge, "拍卖在即")), Ruling(Now));

    [Fact]
    public void The_registry_executing_the_notice_completes_the_release() =>
        Then(
            When(AwaitingRegistry, new ReleaseCommand.RecordRegistryExecution(ReleaseDecider.NoticeIdFor("r-1-ruling-1"), "渝(2022)江津区不动产注销查封第88号", new DateOnly(2022, 6, 2), "nrb")),
            new ReleaseCompleted(RequestId, EstateId, AssetId, "渝(2022)江津区不动产注销查封第88号", new DateOnly(2022, 6, 2), "nrb", Now));

    [Fact]
    public void Another_notices_execution_does_not_complete_the_release() =>
        ThenError(When(AwaitingRegistry, new ReleaseCommand.RecordRegistryExecution("notice-9", "x", new DateOnly(2022, 6, 2), "nrb")), "release.other-notice", ErrorKind.Conflict);

    [Fact]
    public void An_agency_that_cannot_execute_stalls_the_release() =>
        Then(When(AwaitingRegistry, new ReleaseCommand.RecordRegistryFailure(ReleaseDecider.NoticeIdFor("r-1-ruling-1"), "该不动产已于2021年转移登记", "nrb")), new ReleaseStalled(RequestId, ReleaseDecider.NoticeIdFor("r-1-ruling-1"), "该不动产已于2021年转移登记", "nrb", Now));

    [Fact]
    public void A_stalled_release_can_get_a_new_ruling()
    {
        var stalled = AwaitingRegistry.Evolve(new ReleaseStalled(RequestId, "notice-1", "x", "nrb", Now));

        var decision = When(stalled, new ReleaseCommand.IssueRuling(Asset, Judge));

        var second = Assert.IsType<LiftingRulingIssued>(Assert.Single(decision.Events));
        Assert.Equal(("r-1-ruling-2", ReleaseDecider.NoticeIdFor("r-1-ruling-2")), (second.RulingId, second.NoticeId));
    }

    [Fact]
    public void The_administrator_may_withdraw_before_the_ruling() =>
        Then(When(Approved, new ReleaseCommand.Withdraw("已自行解封", Admin)), new ReleaseWithdrawn(RequestId, "已自行解封", Admin, Now));

    [Fact]
    public void Folding_a_completed_release_marks_every_seizure_lifted()
    {
        var released = AwaitingRegistry.Evolve(new ReleaseCompleted(RequestId, EstateId, AssetId, "ref", new DateOnly(2022, 6, 2), "nrb", Now));

        Assert.Empty(released.Outstanding);
        Assert.All(released.Seizures, s => Assert.Equal(LiftedBy.CourtRuling, s.LiftedBy));
    }

    private static readonly DateOnly Expired = new(2022, 5, 10);

    [Fact]
    public void An_open_request_is_told_when_a_seizure_it_names_lapses_and_asks_no_more_for_it()
    {
        var decision = When(Approved, new ReleaseCommand.RecordSeizureLapse(QueuedSeizure, Expired, "system"));

        Then(decision, new ReleaseSeizureLapsed(RequestId, QueuedSeizure, Expired, "system", Now));
        var after = Approved.Evolve(new ReleaseSeizureLapsed(RequestId, QueuedSeizure, Expired, "system", Now));
        Assert.Equal([FirstSeizure], after.Outstanding.Select(s => s.Seizure.SeizureId));
        Assert.Equal(Expired, after.Seizures.Single(s => s.Seizure.SeizureId == QueuedSeizure).LapsedOn);
    }

    [Fact]
    public void A_ruling_after_a_lapse_names_only_the_seizures_still_in_force()
    {
        var lapsed = RulingDue.Evolve(new ReleaseSeizureLapsed(RequestId, QueuedSeizure, Expired, "system", Now));

        var ruling = Assert.IsType<LiftingRulingIssued>(Assert.Single(When(lapsed, new ReleaseCommand.IssueRuling(Asset, Judge)).Events));

        Assert.Equal([FirstSeizure], ruling.SeizureIds);
        Assert.Equal([FirstSeizure], ruling.SeizingBodiesNotified.Select(l => l.SeizureId));
    }

    [Fact]
    public void A_ruling_issued_after_a_seizures_expiry_but_before_the_sweep_does_not_name_it()
    {
        var ruling = Assert.IsType<LiftingRulingIssued>(Assert.Single(When(RulingDue, new ReleaseCommand.IssueRuling(AssetWithQueuedSeizureExpiredUnswept, Judge)).Events));

        Assert.Equal([FirstSeizure], ruling.SeizureIds);
        Assert.Equal([FirstSeizure], ruling.SeizingBodiesNotified.Select(l => l.SeizureId));
    }

    [Fact]
    public void A_ruling_on_the_last_day_of_a_seizure_still_names_it() =>
        Then(When(RulingDue, new ReleaseCommand.IssueRuling(AssetWithQueuedSeizureExpiredUnswept, Judge), new DateTimeOffset(2022, 6, 1, 23, 59, 0, CourtCalendar.Offset)), Ruling(new DateTimeOffset(2022, 6, 1, 23, 59, 0, CourtCalendar.Offset)));

    [Fact]
    public void Letters_to_superiors_after_a_seizures_expiry_but_before_the_sweep_do_not_name_it()
    {
        var at = new DateTimeOffset(2022, 6, 18, 0, 5, 0, CourtCalendar.Offset);

        var escalated = Assert.IsType<ReleaseEscalatedToSuperiors>(Assert.Single(When(Approved, new ReleaseCommand.EscalateOverdue(ReleaseStates.AwaitingSuperiors, SuperiorsDue, AssetWithQueuedSeizureExpiredUnswept, "system"), at).Events));

        Assert.Equal([FirstSeizure], escalated.Letters.Select(l => l.SeizureId));
    }

    [Fact]
    public void A_ruling_when_every_seizure_is_past_its_expiry_is_refused()
    {
        var asset = Given<Estate>(Opened, BuildingRegistered, FirstSeized with { ExpiresOn = new DateOnly(2022, 5, 31) }, QueuedSeized with { ExpiresOn = new DateOnly(2022, 6, 1) }).Asset(AssetId)!;

        ThenError(When(RulingDue, new ReleaseCommand.IssueRuling(asset, Judge)), "release.nothing-binds", ErrorKind.Conflict);
    }

    [Fact]
    public void The_registrys_execution_lifts_only_what_the_ruling_named_not_a_seizure_that_expired_before_it()
    {
        var ruled = RulingDue.Evolve(Assert.Single(When(RulingDue, new ReleaseCommand.IssueRuling(AssetWithQueuedSeizureExpiredUnswept, Judge)).Events));

        var released = ruled.Evolve(new ReleaseCompleted(RequestId, EstateId, AssetId, "ref", new DateOnly(2022, 6, 2), "nrb", Now));

        Assert.Equal(LiftedBy.CourtRuling, released.Seizures.Single(s => s.Seizure.SeizureId == FirstSeizure).LiftedBy);
        Assert.Null(released.Seizures.Single(s => s.Seizure.SeizureId == QueuedSeizure).LiftedBy);
    }

    [Fact]
    public void Letters_to_superiors_after_a_lapse_go_only_for_the_seizures_still_in_force()
    {
        var lapsed = Approved.Evolve(new ReleaseSeizureLapsed(RequestId, QueuedSeizure, Expired, "system", Now));
        var at = new DateTimeOffset(2022, 6, 18, 0, 5, 0, CourtCalendar.Offset);

        var escalated = Assert.IsType<ReleaseEscalatedToSuperiors>(Assert.Single(When(lapsed, new ReleaseCommand.EscalateOverdue(ReleaseStates.AwaitingSuperiors, SuperiorsDue, Asset, "system"), at).Events));

        Assert.Equal([FirstSeizure], escalated.Letters.Select(l => l.SeizureId));
    }

    [Fact]
    public void When_the_last_seizure_lapses_before_any_ruling_the_request_completes_with_nothing_lifted()
    {
        var oneLeft = Approved.Evolve(new ReleaseSeizureLapsed(RequestId, QueuedSeizure, Expired, "system", Now));

        Then(
            When(oneLeft, new ReleaseCommand.RecordSeizureLapse(FirstSeizure, Expired, "system")),
            new ReleaseSeizureLapsed(RequestId, FirstSeizure, Expired, "system", Now),
            new ReleaseCompleted(RequestId, EstateId, AssetId, null, Expired, "system", Now));
        var completed = oneLeft.Evolve(new ReleaseSeizureLapsed(RequestId, FirstSeizure, Expired, "system", Now)).Evolve(new ReleaseCompleted(RequestId, EstateId, AssetId, null, Expired, "system", Now));
        Assert.All(completed.Seizures, s => Assert.Null(s.LiftedBy));
    }

    [Fact]
    public void After_a_ruling_a_lapse_is_recorded_but_the_request_still_waits_for_the_registry() =>
        Then(
            When(AwaitingRegistry.Evolve(new ReleaseSeizureLapsed(RequestId, QueuedSeizure, Expired, "system", Now)), new ReleaseCommand.RecordSeizureLapse(FirstSeizure, Expired, "system")),
            new ReleaseSeizureLapsed(RequestId, FirstSeizure, Expired, "system", Now));

    [Fact]
    public void A_lapse_told_twice_or_of_a_lifted_seizure_changes_nothing()
    {
        var lapsed = Approved.Evolve(new ReleaseSeizureLapsed(RequestId, QueuedSeizure, Expired, "system", Now));
        var lifted = Approved.Evolve(new SeizureLiftedBySeizingBody(RequestId, FirstSeizure, "a", new DateOnly(2022, 6, 1), Admin, Now));

        ThenNothing(When(lapsed, new ReleaseCommand.RecordSeizureLapse(QueuedSeizure, Expired, "system")));
        ThenNothing(When(lifted, new ReleaseCommand.RecordSeizureLapse(FirstSeizure, Expired, "system")));
        ThenError(When(Approved, new ReleaseCommand.RecordSeizureLapse("s-9", Expired, "system")), "seizure.not-in-request", ErrorKind.NotFound);
    }
}
