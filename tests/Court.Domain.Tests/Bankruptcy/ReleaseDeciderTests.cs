using Court.Domain.Bankruptcy;
using Court.Domain.Common;
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

    private static ReleaseRequest Approved => Given<ReleaseRequest>(Requested, new ReleaseApproved(RequestId, null, Judge, Now), LettersSent);

    private static ReleaseRequest AtSuperiors => Approved.Evolve(ToSuperiors(Now));

    private static ReleaseRequest RulingDue => AtSuperiors.Evolve(new ReleaseRulingDue(RequestId, [FirstSeizure, QueuedSeizure], "system", Now));

    private static LiftingRulingIssued Ruling(DateTimeOffset at) => new(
        RequestId, "ruling-1", [FirstSeizure, QueuedSeizure], "notice-1", Bureau, CourtCalendar.DateOf(at),
        [new("r-1-notification-ruling-1-1", FirstSeizure, LetterRecipient.SeizingBody, "重庆市江津区人民法院"), new("r-1-notification-ruling-1-2", QueuedSeizure, LetterRecipient.SeizingBody, "国家税务总局重庆市江津区税务局")],
        Judge,
        at);

    private static ReleaseRequest AwaitingRegistry => RulingDue.Evolve(Ruling(Now));

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
    public void Approving_twice_yields_no_events() =>
        ThenNothing(When(Approved, new ReleaseCommand.Approve(null, LettersDue, "judge2")));

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
    public void Rejecting_twice_yields_no_events() =>
        ThenNothing(When(Given<ReleaseRequest>(Requested, new ReleaseRejected(RequestId, "x", Judge, Now)), new ReleaseCommand.Reject("y", Judge)));

    [Fact]
    public void A_rejected_request_cannot_be_approved() =>
        ThenError(When(Given<ReleaseRequest>(Requested, new ReleaseRejected(RequestId, "x", Judge, Now)), new ReleaseCommand.Approve(null, LettersDue, Judge)), "release.rejected", ErrorKind.Conflict);

    [Fact]
    public void An_approved_request_cannot_be_rejected() =>
        ThenError(When(Approved, new ReleaseCommand.Reject("x", Judge)), "release.already-approved", ErrorKind.Conflict);

    [Fact]
    public void Before_the_deadline_passes_escalation_does_nothing() =>
        ThenNothing(When(Approved, new ReleaseCommand.EscalateOverdue(SuperiorsDue, "system"), new DateTimeOffset(2022, 6, 17, 23, 0, 0, CourtCalendar.Offset)));

    [Fact]
    public void After_the_seizing_bodies_deadline_letters_go_to_their_superiors()
    {
        var at = new DateTimeOffset(2022, 6, 18, 0, 5, 0, CourtCalendar.Offset);

        Then(When(Approved, new ReleaseCommand.EscalateOverdue(SuperiorsDue, "system"), at), ToSuperiors(at));
    }

    [Fact]
    public void Only_seizures_still_in_force_escalate()
    {
        var at = new DateTimeOffset(2022, 6, 18, 0, 5, 0, CourtCalendar.Offset);
        var state = Approved.Evolve(new SeizureLiftedBySeizingBody(RequestId, FirstSeizure, "解封文书", new DateOnly(2022, 6, 10), Admin, Now));

        Then(
            When(state, new ReleaseCommand.EscalateOverdue(SuperiorsDue, "system"), at),
            new ReleaseEscalatedToSuperiors(RequestId, [new("r-1-superior-1", QueuedSeizure, LetterRecipient.Superior, "国家税务总局重庆市税务局")], SuperiorsDue, "system", at));
    }

    [Fact]
    public void After_the_superiors_deadline_the_courts_ruling_is_due()
    {
        var at = new DateTimeOffset(2022, 7, 5, 0, 5, 0, CourtCalendar.Offset);

        Then(When(AtSuperiors, new ReleaseCommand.EscalateOverdue(SuperiorsDue, "system"), at), new ReleaseRulingDue(RequestId, [FirstSeizure, QueuedSeizure], "system", at));
    }

    [Fact]
    public void Escalation_does_nothing_once_the_ruling_is_due() =>
        ThenNothing(When(RulingDue, new ReleaseCommand.EscalateOverdue(SuperiorsDue, "system"), Now.AddYears(1)));

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
    public void A_lift_before_approval_is_refused() =>
        ThenError(When(Given<ReleaseRequest>(Requested), new ReleaseCommand.RecordSeizingBodyLift(FirstSeizure, "a", new DateOnly(2022, 6, 1), Admin)), "release.not-awaiting-seizing-body", ErrorKind.Conflict);

    [Fact]
    public void The_judge_issues_one_ruling_for_every_seizure_still_in_force_and_notifies_the_seizing_bodies() =>
        Then(When(RulingDue, new ReleaseCommand.IssueRuling("ruling-1", "notice-1", Judge)), Ruling(Now));

    [Fact]
    public void The_judge_may_rule_before_the_chain_runs_out() =>
        Then(When(Approved, new ReleaseCommand.IssueRuling("ruling-1", "notice-1", Judge)), Ruling(Now));

    [Fact]
    public void Issuing_the_same_ruling_twice_yields_no_events() =>
        ThenNothing(When(AwaitingRegistry, new ReleaseCommand.IssueRuling("ruling-1", "notice-1", Judge)));

    [Fact]
    public void No_ruling_before_approval() =>
        ThenError(When(Given<ReleaseRequest>(Requested), new ReleaseCommand.IssueRuling("ruling-1", "notice-1", Judge)), "release.no-ruling-now", ErrorKind.Conflict);

    [Fact]
    public void The_registry_executing_the_notice_completes_the_release() =>
        Then(
            When(AwaitingRegistry, new ReleaseCommand.RecordRegistryExecution("notice-1", "渝(2022)江津区不动产注销查封第88号", new DateOnly(2022, 6, 2), "nrb")),
            new ReleaseCompleted(RequestId, EstateId, AssetId, "渝(2022)江津区不动产注销查封第88号", new DateOnly(2022, 6, 2), "nrb", Now));

    [Fact]
    public void Another_notices_execution_does_not_complete_the_release() =>
        ThenError(When(AwaitingRegistry, new ReleaseCommand.RecordRegistryExecution("notice-9", "x", new DateOnly(2022, 6, 2), "nrb")), "release.not-awaiting-registry", ErrorKind.Conflict);

    [Fact]
    public void An_agency_that_cannot_execute_stalls_the_release() =>
        Then(When(AwaitingRegistry, new ReleaseCommand.RecordRegistryFailure("notice-1", "该不动产已于2021年转移登记", "nrb")), new ReleaseStalled(RequestId, "notice-1", "该不动产已于2021年转移登记", "nrb", Now));

    [Fact]
    public void A_stalled_release_can_get_a_new_ruling()
    {
        var stalled = AwaitingRegistry.Evolve(new ReleaseStalled(RequestId, "notice-1", "x", "nrb", Now));

        var decision = When(stalled, new ReleaseCommand.IssueRuling("ruling-2", "notice-2", Judge));

        Assert.Equal("notice-2", Assert.IsType<LiftingRulingIssued>(Assert.Single(decision.Events)).NoticeId);
    }

    [Fact]
    public void The_administrator_may_withdraw_before_the_ruling() =>
        Then(When(Approved, new ReleaseCommand.Withdraw("已自行解封", Admin)), new ReleaseWithdrawn(RequestId, "已自行解封", Admin, Now));

    [Fact]
    public void A_request_cannot_be_withdrawn_once_the_notice_is_out() =>
        ThenError(When(AwaitingRegistry, new ReleaseCommand.Withdraw("x", Admin)), "release.cannot-withdraw", ErrorKind.Conflict);

    [Fact]
    public void Folding_a_completed_release_marks_every_seizure_lifted()
    {
        var released = AwaitingRegistry.Evolve(new ReleaseCompleted(RequestId, EstateId, AssetId, "ref", new DateOnly(2022, 6, 2), "nrb", Now));

        Assert.Equal(ReleaseStage.Released, released.Stage);
        Assert.All(released.Seizures, s => Assert.Equal(LiftedBy.CourtRuling, s.LiftedBy));
    }
}
