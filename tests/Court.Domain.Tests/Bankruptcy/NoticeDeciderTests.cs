using Court.Domain.Bankruptcy;
using Court.Domain.Common;
using static Court.Domain.Tests.Bankruptcy.Facts;
using static Court.Domain.Tests.Bankruptcy.Spec;

namespace Court.Domain.Tests.Bankruptcy;

public sealed class NoticeDeciderTests
{
    private const string NoticeId = "notice-1";
    private const string Vehicles = "psb-vehicles-jiangjin";
    private static readonly DateOnly AcknowledgeBy = new(2022, 6, 8);
    private static readonly DateOnly ExecuteBy = new(2022, 6, 24);
    private const string Number = "江津法协执字〔2022〕第0001号";

    private static readonly NoticeContent Content = new(
        "渝0116", "重庆市江津区人民法院", Case.Value, Bureau, "重庆市江津区规划和自然资源局（不动产登记中心）", "ruling-1", "江津法解封裁字〔2022〕第0001号", new DateOnly(2022, 6, 2),
        "重庆江津某某机械制造有限公司", Debtor.Value, AssetKind.Building, "厂房一栋", Building, [ToRelease(FirstSeized)], NoticeAction.CancelSeizureRegistration,
        null, null, null, "王建国 023-47521234", new DateOnly(2022, 6, 2));

    private static AssistedEnforcementNoticeIssued Issued => new(NoticeId, NoticePurpose.Release, "r-1", EstateId, AssetId, Number, Content, AcknowledgeBy, Judge, Now);

    private static Notice Delivered => Given<Notice>(Issued);

    private static Notice Acknowledged => Delivered.Evolve(new NoticeAcknowledged(NoticeId, Bureau, ExecuteBy, "nrb", Now));

    private static Decision When(Notice state, NoticeCommand command, DateTimeOffset? at = null) => NoticeDecider.Decide(state, command, at ?? Now);

    [Fact]
    public void Issuing_a_notice_delivers_it_with_its_deadlines() =>
        Then(When(Notice.Initial, new NoticeCommand.Issue(NoticeId, NoticePurpose.Release, "r-1", EstateId, AssetId, Number, Content, AcknowledgeBy, Judge)), Issued);

    [Fact]
    public void A_notice_cannot_be_due_before_it_is_issued() =>
        ThenError(When(Notice.Initial, new NoticeCommand.Issue(NoticeId, NoticePurpose.Release, "r-1", EstateId, AssetId, Number, Content, new DateOnly(2022, 6, 1), Judge)), "notice.deadlines", ErrorKind.Validation);

    [Fact]
    public void A_transfer_notice_names_its_buyer() =>
        ThenError(When(Notice.Initial, new NoticeCommand.Issue(NoticeId, NoticePurpose.Transfer, AssetId, EstateId, AssetId, Number, Content with { Action = NoticeAction.TransferToBuyer }, AcknowledgeBy, Judge)), "notice.buyer-missing");

    [Fact]
    public void Issuing_the_same_notice_twice_yields_no_events() =>
        ThenNothing(When(Delivered, new NoticeCommand.Issue(NoticeId, NoticePurpose.Release, "r-1", EstateId, AssetId, Number, Content, AcknowledgeBy, Judge)));

    [Fact]
    public void The_addressee_acknowledges() =>
        Then(When(Delivered, new NoticeCommand.Acknowledge(Bureau, ExecuteBy, "nrb")), new NoticeAcknowledged(NoticeId, Bureau, ExecuteBy, "nrb", Now));

    [Fact]
    public void To_another_agency_the_notice_does_not_exist()
    {
        ThenError(When(Delivered, new NoticeCommand.Acknowledge(Vehicles, ExecuteBy, "psb")), "notice.not-found", ErrorKind.NotFound);
        ThenError(When(Delivered, new NoticeCommand.Execute(Vehicles, "x", new DateOnly(2022, 6, 2), "psb")), "notice.not-found", ErrorKind.NotFound);
        ThenError(When(Delivered, new NoticeCommand.Query("q", Vehicles, "?", "psb")), "notice.not-found", ErrorKind.NotFound);
        ThenError(When(Delivered, new NoticeCommand.ReportCannotExecute(Vehicles, "x", "psb")), "notice.not-found", ErrorKind.NotFound);
    }

    [Fact]
    public void Acting_on_a_notice_that_does_not_exist_is_not_found() =>
        ThenError(When(Notice.Initial, new NoticeCommand.Acknowledge(Bureau, ExecuteBy, "nrb")), "notice.not-found", ErrorKind.NotFound);

    [Fact]
    public void The_addressee_executes_with_its_registration_reference() =>
        Then(When(Acknowledged, new NoticeCommand.Execute(Bureau, "注销查封2022-88", new DateOnly(2022, 6, 2), "nrb")), new NoticeExecuted(NoticeId, Bureau, "注销查封2022-88", new DateOnly(2022, 6, 2), "nrb", Now));

    [Fact]
    public void Executing_without_acknowledging_first_is_allowed() =>
        Then(When(Delivered, new NoticeCommand.Execute(Bureau, "注销查封2022-88", new DateOnly(2022, 6, 2), "nrb")), new NoticeExecuted(NoticeId, Bureau, "注销查封2022-88", new DateOnly(2022, 6, 2), "nrb", Now));

    [Fact]
    public void Execution_cannot_be_dated_in_the_future_or_before_issue()
    {
        ThenError(When(Acknowledged, new NoticeCommand.Execute(Bureau, "ref", new DateOnly(2022, 6, 3), "nrb")), "notice.executed-in-future");
        ThenError(When(Acknowledged, new NoticeCommand.Execute(Bureau, "ref", new DateOnly(2022, 6, 1), "nrb")), "notice.executed-before-issue");
    }

    [Fact]
    public void A_query_goes_to_the_judge_and_leaves_the_notice_in_force()
    {
        var decision = When(Acknowledged, new NoticeCommand.Query("q-1", Bureau, "查封文号与登记簿不一致，请核实", "nrb"));

        Then(decision, new NoticeQueried(NoticeId, "q-1", Bureau, "查封文号与登记簿不一致，请核实", "nrb", Now));
        var after = decision.Events.Aggregate(Acknowledged, (s, e) => s.Evolve(e));
        Assert.Equal(Acknowledged.Step, after.Step);
        Then(When(after, new NoticeCommand.Execute(Bureau, "ref", new DateOnly(2022, 6, 2), "nrb")), new NoticeExecuted(NoticeId, Bureau, "ref", new DateOnly(2022, 6, 2), "nrb", Now));
    }

    [Fact]
    public void The_same_query_sent_twice_yields_no_events() =>
        ThenNothing(When(Acknowledged.Evolve(new NoticeQueried(NoticeId, "q-1", Bureau, "?", "nrb", Now)), new NoticeCommand.Query("q-1", Bureau, "?", "nrb")));

    [Fact]
    public void The_judge_answers_a_query_once()
    {
        var queried = Acknowledged.Evolve(new NoticeQueried(NoticeId, "q-1", Bureau, "?", "nrb", Now));

        Then(When(queried, new NoticeCommand.AnswerQuery("q-1", "以裁定为准", Judge)), new NoticeQueryAnswered(NoticeId, "q-1", "以裁定为准", Judge, Now));
        var answered = queried.Evolve(new NoticeQueryAnswered(NoticeId, "q-1", "以裁定为准", Judge, Now));
        ThenNothing(When(answered, new NoticeCommand.AnswerQuery("q-1", "以裁定为准", Judge)));
        ThenError(When(answered, new NoticeCommand.AnswerQuery("q-1", "另一个答复", Judge)), "notice.query-answered", ErrorKind.Conflict);
        ThenError(When(answered, new NoticeCommand.AnswerQuery("q-9", "x", Judge)), "notice.query-not-found", ErrorKind.NotFound);
    }

    [Fact]
    public void The_addressee_may_report_that_it_cannot_execute() =>
        Then(When(Acknowledged, new NoticeCommand.ReportCannotExecute(Bureau, "登记簿无此不动产单元", "nrb")), new NoticeCannotBeExecuted(NoticeId, Bureau, "登记簿无此不动产单元", "nrb", Now));

    [Fact]
    public void Nothing_is_overdue_on_the_due_day() =>
        ThenNothing(When(Delivered, new NoticeCommand.FlagOverdue("system"), new DateTimeOffset(2022, 6, 8, 23, 59, 0, CourtCalendar.Offset)));

    [Fact]
    public void An_unacknowledged_notice_becomes_overdue_the_day_after()
    {
        var at = new DateTimeOffset(2022, 6, 9, 0, 1, 0, CourtCalendar.Offset);

        Then(When(Delivered, new NoticeCommand.FlagOverdue("system"), at), new NoticeAcknowledgementOverdue(NoticeId, Bureau, AcknowledgeBy, "system", at));
    }

    [Fact]
    public void An_unexecuted_notice_becomes_overdue_after_its_execution_deadline()
    {
        var at = new DateTimeOffset(2022, 6, 25, 9, 0, 0, CourtCalendar.Offset);

        Then(When(Acknowledged, new NoticeCommand.FlagOverdue("system"), at), new NoticeExecutionOverdue(NoticeId, Bureau, ExecuteBy, "system", at));
    }

    [Fact]
    public void A_late_acknowledgement_starts_the_execution_period()
    {
        var late = Delivered.Evolve(new NoticeAcknowledgementOverdue(NoticeId, Bureau, AcknowledgeBy, "system", Now));

        var acknowledged = When(late, new NoticeCommand.Acknowledge(Bureau, ExecuteBy, "nrb")).Events.Aggregate(late, (s, e) => s.Evolve(e));

        Assert.Equal(ExecuteBy, acknowledged.ExecuteBy);
        Then(When(acknowledged, new NoticeCommand.FlagOverdue("system"), new DateTimeOffset(2022, 6, 20, 9, 0, 0, CourtCalendar.Offset)));
    }

}
