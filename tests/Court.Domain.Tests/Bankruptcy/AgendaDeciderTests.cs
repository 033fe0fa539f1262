using Court.Domain.Bankruptcy;
using Court.Domain.Common;
using static Court.Domain.Tests.Bankruptcy.Facts;
using static Court.Domain.Tests.Bankruptcy.Spec;

namespace Court.Domain.Tests.Bankruptcy;

public sealed class AgendaDeciderTests
{
    private static readonly string ItemId = AgendaItem.IdFor("notice-1", AgendaReason.NoticeNotExecuted);

    private static AgendaItemPlaced Placed => new(ItemId, AgendaReason.NoticeNotExecuted, "notice-1", EstateId, Case.Value, Bureau, "协助执行通知书逾期未办理", "system", Now);

    private static readonly MeetingAction Action = new("a-1", "区规划和自然资源局", "五个工作日内办理注销查封登记", new DateOnly(2022, 6, 9));

    private static Decision When(AgendaItem state, AgendaCommand command) => AgendaDecider.Decide(state, command, Now);

    [Fact]
    public void An_overdue_item_is_placed_on_the_agenda() =>
        Then(When(AgendaItem.Initial, new AgendaCommand.Place(ItemId, AgendaReason.NoticeNotExecuted, "notice-1", EstateId, Case.Value, Bureau, "协助执行通知书逾期未办理", "system")), Placed);

    [Fact]
    public void Placing_the_same_item_twice_yields_no_events() =>
        ThenNothing(When(Given<AgendaItem>(Placed), new AgendaCommand.Place(ItemId, AgendaReason.NoticeNotExecuted, "notice-1", EstateId, Case.Value, Bureau, "x", "system")));

    [Fact]
    public void Item_ids_are_named_for_source_and_reason() =>
        Assert.Equal("notice-1-noticenotexecuted", ItemId);

    [Fact]
    public void The_minutes_record_the_decision_and_its_actions() =>
        Then(When(Given<AgendaItem>(Placed), new AgendaCommand.RecordDecision(new DateOnly(2022, 6, 2), "会议议定：限期办理", [Action], Judge)), new MeetingDecisionRecorded(ItemId, new DateOnly(2022, 6, 2), "会议议定：限期办理", [Action], Judge, Now));

    [Fact]
    public void Minutes_are_recorded_after_the_meeting() =>
        ThenError(When(Given<AgendaItem>(Placed), new AgendaCommand.RecordDecision(new DateOnly(2022, 6, 3), "x", [], Judge)), "agenda.meeting-in-future", ErrorKind.Validation);

    [Fact]
    public void An_action_cannot_be_due_before_its_meeting() =>
        ThenError(When(Given<AgendaItem>(Placed), new AgendaCommand.RecordDecision(new DateOnly(2022, 6, 2), "x", [Action with { DueOn = new DateOnly(2022, 6, 1) }], Judge)), "agenda.action-due-before-meeting");

    [Fact]
    public void A_decision_needs_an_item() =>
        ThenError(When(AgendaItem.Initial, new AgendaCommand.RecordDecision(new DateOnly(2022, 6, 2), "x", [], Judge)), "agenda.not-found", ErrorKind.NotFound);

    [Fact]
    public void An_action_is_completed_once()
    {
        var decided = Given<AgendaItem>(Placed, new MeetingDecisionRecorded(ItemId, new DateOnly(2022, 6, 2), "m", [Action], Judge, Now));

        Then(When(decided, new AgendaCommand.CompleteAction("a-1", "已办结", "supervisor")), new MeetingActionCompleted(ItemId, "a-1", "已办结", "supervisor", Now));
        ThenNothing(When(decided.Evolve(new MeetingActionCompleted(ItemId, "a-1", "已办结", "supervisor", Now)), new AgendaCommand.CompleteAction("a-1", "已办结", "supervisor")));
        ThenError(When(decided, new AgendaCommand.CompleteAction("a-9", "x", "supervisor")), "agenda.action-not-found", ErrorKind.NotFound);
        ThenError(When(decided, new AgendaCommand.RecordDecision(new DateOnly(2022, 6, 2), "again", [Action], Judge)), "agenda.action-id-taken", ErrorKind.Conflict);
    }

    [Fact]
    public void A_settled_matter_leaves_the_agenda_once()
    {
        Then(When(Given<AgendaItem>(Placed), new AgendaCommand.Resolve("通知书已执行", "system")), new AgendaItemResolved(ItemId, "通知书已执行", "system", Now));
        var resolved = Given<AgendaItem>(Placed, new AgendaItemResolved(ItemId, "通知书已执行", "system", Now));
        ThenNothing(When(resolved, new AgendaCommand.Resolve("again", "system")));
        ThenError(When(resolved, new AgendaCommand.RecordDecision(new DateOnly(2022, 6, 2), "x", [], Judge)), "agenda.resolved", ErrorKind.Conflict);
    }
}
