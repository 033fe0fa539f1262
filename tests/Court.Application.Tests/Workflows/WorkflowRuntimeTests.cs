using Court.Application.Common;
using Court.Application.Pipeline;
using Court.Application.Projections;
using Court.Application.Workflows;
using Court.Domain.Common;
using Court.Domain.Workflows;
using Court.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Court.Application.Tests.Workflows;

/// <summary>The runtime on a real SQLite file: starting, permitted triggers by role, guards, the inbox, pinning and the audited move.</summary>
public sealed class WorkflowRuntimeTests(SqliteTestDatabase database) : IAsyncLifetime, IClassFixture<SqliteTestDatabase>
{
    /// <summary>Thursday 26 Sep 2024, 10:00 in Chongqing: three working days later is Mon 30 Sep (Sun 29 Sep is worked).</summary>
    private static readonly DateTimeOffset Start = new(2024, 9, 26, 10, 0, 0, TimeSpan.FromHours(8));

    private readonly FakeTimeProvider clock = new(Start);
    private TempDirectory? folder;
    private WorkflowHost? host;

    private WorkflowHost Host => host!;

    public async Task InitializeAsync()
    {
        folder = WorkflowHost.DefinitionsFolder("test-review.v1.json");
        host = await WorkflowHost.CreateAsync(database, folder.Path, clock);
    }

    public async Task DisposeAsync()
    {
        await Host.DisposeAsync();
        folder?.Dispose();
    }

    [Fact]
    public async Task Starting_enters_the_initial_state_with_its_deadline_on_the_working_day_calendar()
    {
        await Host.AsClerk(r => TestReviewSlice.OpenAsync(r, "1", "判决书草稿"));

        var events = await Host.EventsAsync("test-review-1");
        Assert.IsType<ReviewOpened>(events[0]);
        var started = Assert.IsType<WorkflowStarted>(events[1]);
        Assert.Equal(("test-review", 1, "Drafting"), (started.WorkflowId, started.WorkflowVersion, started.Entered.State));
        Assert.Equal(new DateTimeOffset(2024, 10, 1, 0, 0, 0, TimeSpan.FromHours(8)), started.Entered.DueAt);
        Assert.Equal(("clerk", "EscalateReview", "判决书草稿"), (started.Entered.Responsible, started.Entered.ExpiryTrigger, started.Entered.Label));
    }

    [Fact]
    public async Task The_caller_is_offered_only_the_triggers_her_roles_may_fire_in_the_current_state()
    {
        await Host.AsClerk(r => TestReviewSlice.OpenAsync(r, "2", "Draft"));

        var clerk = await Host.AsAsync("clerk-li", [Roles.Clerk], r => r.GetActionsAsync("test-review-2"));
        Assert.Equal(["SubmitReview"], clerk!.Actions.Select(a => a.Trigger));
        Assert.Equal(new LocalizedText("审阅中", "Reviewing"), clerk.Actions[0].ToTitle);
        var judge = await Host.AsAsync("judge-wang", [Roles.Judge], r => r.GetActionsAsync("test-review-2"));
        Assert.Empty(judge!.Actions);
    }

    [Fact]
    public async Task A_trigger_the_state_does_not_permit_is_refused_naming_the_state_and_the_permitted_triggers()
    {
        await Host.AsClerk(r => TestReviewSlice.OpenAsync(r, "3", "Draft"));

        var ex = await Assert.ThrowsAsync<WorkflowTriggerNotPermittedException>(() => Host.AsClerk(r => TestReviewSlice.SendAsync(r, new ApproveReview("3"))));
        Assert.Equal("Drafting", ex.State);
        Assert.Equal(["SubmitReview"], ex.Permitted);
        Assert.Equal("'ApproveReview' is not permitted in state 'Drafting' (Drafting). Permitted now: SubmitReview (Submit for review).", ex.Message);
        Assert.Equal(2, (await Host.EventsAsync("test-review-3")).Count);
    }

    [Fact]
    public async Task Repeating_the_step_that_entered_the_state_is_satisfied_and_appends_nothing()
    {
        await Host.AsClerk(r => TestReviewSlice.OpenAsync(r, "r1", "Draft"));
        var submitted = await Host.AsClerk(r => TestReviewSlice.SendAsync(r, new SubmitReview("r1")));

        var again = await Host.AsClerk(r => TestReviewSlice.SendAsync(r, new SubmitReview("r1")));

        Assert.Equal(submitted, again);
        Assert.Single((await Host.EventsAsync("test-review-r1")).OfType<ReviewSubmitted>());
    }

    [Fact]
    public async Task A_step_taken_before_the_instance_ended_another_way_is_impossible_not_satisfied()
    {
        await Host.AsClerk(r => TestReviewSlice.OpenAsync(r, "r2", "Draft"));
        await Host.AsClerk(r => TestReviewSlice.SendAsync(r, new SubmitReview("r2")));
        await Host.AsJudge(r => TestReviewSlice.SendAsync(r, new RejectReview("r2")));

        var ex = await Assert.ThrowsAsync<WorkflowTriggerNotPermittedException>(() => Host.AsClerk(r => TestReviewSlice.SendAsync(r, new SubmitReview("r2"))));

        Assert.Equal(("Rejected", "已驳回"), (ex.State, ex.StateTitle.Zh));
        Assert.Empty(ex.Permitted);
    }

    [Fact]
    public async Task A_trigger_fired_by_a_role_the_transition_does_not_allow_is_forbidden()
    {
        await Host.AsClerk(r => TestReviewSlice.OpenAsync(r, "4", "Draft"));

        var ex = await Assert.ThrowsAsync<ForbiddenException>(() => Host.AsJudge(r => TestReviewSlice.SendAsync(r, new SubmitReview("4"))));
        Assert.Equal("'SubmitReview' in state 'Drafting' may be fired by clerk only.", ex.Message);
    }

    [Fact]
    public async Task Guards_see_the_aggregate_after_the_command_so_the_last_sign_off_completes_it()
    {
        await Host.AsClerk(r => TestReviewSlice.OpenAsync(r, "5", "Draft", signOffsNeeded: 2));
        await Host.AsClerk(r => TestReviewSlice.SendAsync(r, new SubmitReview("5")));

        await Host.AsJudge(r => TestReviewSlice.SendAsync(r, new SignOffReview("5", "judge-wang")));
        Assert.Equal("Reviewing", await StateAsync("test-review-5"));
        await Host.AsJudge(r => TestReviewSlice.SendAsync(r, new SignOffReview("5", "judge-zhao")), "judge-zhao");

        Assert.Equal("Approved", await StateAsync("test-review-5"));
        var transitions = (await Host.EventsAsync("test-review-5")).OfType<WorkflowTransitioned>().Select(t => (t.From, t.Entered.State)).ToList();
        Assert.Equal([("Drafting", "Reviewing"), ("Reviewing", "Approved")], transitions);
    }

    [Fact]
    public async Task A_trigger_that_stays_in_its_state_keeps_the_running_deadline()
    {
        await Host.AsClerk(r => TestReviewSlice.OpenAsync(r, "6", "Draft"));
        await Host.AsClerk(r => TestReviewSlice.SendAsync(r, new SubmitReview("6")));
        var due = await DueAsync("test-review-6");

        clock.Advance(TimeSpan.FromDays(2));
        await Host.AsClerk(r => TestReviewSlice.SendAsync(r, new CommentOnReview("6", "请补充证据")));

        Assert.Equal(due, await DueAsync("test-review-6"));
        Assert.Equal(new DateTimeOffset(2024, 10, 9, 0, 0, 0, TimeSpan.FromHours(8)), due); // 26 Sep + 5 = 1 Oct, a holiday: the period ends with 8 Oct
        Assert.Single((await Host.EventsAsync("test-review-6")).OfType<WorkflowTransitioned>());
    }

    [Fact]
    public async Task The_inbox_shows_a_task_to_the_responsible_role_and_closes_it_in_a_final_state()
    {
        await Host.AsClerk(r => TestReviewSlice.OpenAsync(r, "7", "Draft"));
        var readModels = Host.Services.GetRequiredService<IReadModels>();
        var task = Assert.Single(await readModels.ListAsync<WorkflowTaskDocument>("clerk"), t => t.StreamId == "test-review-7");
        Assert.Equal(("Drafting", new DateTimeOffset(2024, 10, 1, 0, 0, 0, TimeSpan.FromHours(8))), (task.State, task.DueAt!.Value));

        await Host.AsClerk(r => TestReviewSlice.SendAsync(r, new SubmitReview("7")));
        Assert.DoesNotContain(await readModels.ListAsync<WorkflowTaskDocument>("clerk"), t => t.StreamId == "test-review-7");
        Assert.Contains(await readModels.ListAsync<WorkflowTaskDocument>("judge"), t => t.StreamId == "test-review-7" && t.State == "Reviewing");

        await Host.AsJudge(r => TestReviewSlice.SendAsync(r, new RejectReview("7")));
        Assert.Null(await readModels.GetAsync<WorkflowTaskDocument>("test-review-7"));
    }

    [Fact]
    public async Task A_task_assigned_to_one_judge_names_her()
    {
        await Host.AsClerk(r => TestReviewSlice.OpenAsync(r, "8", "Draft", judge: "judge-zhao"));
        await Host.AsClerk(r => TestReviewSlice.SendAsync(r, new SubmitReview("8")));
        var task = await Host.Services.GetRequiredService<IReadModels>().GetAsync<WorkflowTaskDocument>("test-review-8");
        Assert.Equal(("judge", "judge-zhao"), (task!.Responsible, task.Assignee));
    }

    [Fact]
    public async Task The_inbox_lists_the_callers_tasks_soonest_due_first_and_flags_the_overdue()
    {
        await Host.AsClerk(r => TestReviewSlice.OpenAsync(r, "inbox-b", "先到期"));
        clock.Advance(TimeSpan.FromDays(1));
        await Host.AsClerk(r => TestReviewSlice.OpenAsync(r, "inbox-a", "后到期"));
        clock.SetUtcNow(new DateTimeOffset(2024, 10, 2, 9, 0, 0, TimeSpan.FromHours(8)));

        var tasks = (await ListTasksAsync(WorkflowHost.Caller("clerk-li", Roles.Clerk))).Where(t => t.StreamId.StartsWith("test-review-inbox-", StringComparison.Ordinal)).ToList();

        Assert.Equal(["test-review-inbox-b", "test-review-inbox-a"], tasks.Select(t => t.StreamId));
        Assert.Equal([true, false], tasks.Select(t => t.Overdue));
        Assert.Equal((new LocalizedText("起草中", "Drafting"), "先到期"), (tasks[0].StateTitle, tasks[0].Label));
    }

    [Fact]
    public async Task A_task_assigned_to_one_judge_is_not_in_another_judges_inbox()
    {
        await Host.AsClerk(r => TestReviewSlice.OpenAsync(r, "inbox-zhao", "Draft", judge: "judge-zhao"));
        await Host.AsClerk(r => TestReviewSlice.SendAsync(r, new SubmitReview("inbox-zhao")));

        Assert.Contains(await ListTasksAsync(WorkflowHost.Caller("judge-zhao", Roles.Judge)), t => t.StreamId == "test-review-inbox-zhao");
        Assert.DoesNotContain(await ListTasksAsync(WorkflowHost.Caller("judge-wang", Roles.Judge)), t => t.StreamId == "test-review-inbox-zhao");
    }

    [Fact]
    public async Task A_command_whose_decider_yields_nothing_records_no_transition()
    {
        await Host.AsClerk(r => TestReviewSlice.OpenAsync(r, "9", "Draft"));
        var before = (await Host.EventsAsync("test-review-9")).Count;
        var version = await Host.AsClerk(r => r.ExecuteAsync(new SubmitReview("9"), (_, _) => Decision.Nothing));
        Assert.Equal(before - 1, version);
        Assert.Equal("Drafting", await StateAsync("test-review-9"));
    }

    [Fact]
    public async Task A_running_instance_stays_on_its_version_when_a_new_one_is_published_and_new_instances_take_the_new_one()
    {
        await Host.AsClerk(r => TestReviewSlice.OpenAsync(r, "old", "Draft"));
        await DeployVersion2Async();

        var old = await Host.AsAsync("clerk-li", [Roles.Clerk], r => r.LoadAsync("test-review-old"));
        Assert.Equal((1, "Drafting"), (old!.Instance.WorkflowVersion, old.Instance.State));
        Assert.Equal(["SubmitReview"], (await Host.AsAsync("clerk-li", [Roles.Clerk], r => r.GetActionsAsync("test-review-old")))!.Actions.Select(a => a.Trigger));

        await Host.AsClerk(r => TestReviewSlice.OpenAsync(r, "new", "Draft"));
        var created = await Host.AsAsync("clerk-li", [Roles.Clerk], r => r.LoadAsync("test-review-new"));
        Assert.Equal((2, "Reviewing"), (created!.Instance.WorkflowVersion, created.Instance.State));
    }

    [Fact]
    public async Task Moving_an_instance_to_a_version_that_lacks_its_state_is_refused()
    {
        await Host.AsClerk(r => TestReviewSlice.OpenAsync(r, "m1", "Draft"));
        await DeployVersion2Async();
        var before = (await Host.EventsAsync("test-review-m1")).Count;

        var ex = await Assert.ThrowsAsync<DomainException>(() => Host.AsAsync("admin", [Roles.SystemAdministrator], r => r.MoveToVersionAsync("test-review-m1", 2, "v2 is simpler")));
        Assert.Equal(("workflow.state-missing-in-version", ErrorKind.Conflict), (ex.Error.Code, ex.Error.Kind));
        Assert.Equal("State 'Drafting' does not exist in test-review v2; the instance cannot move there.", ex.Error.Message);
        Assert.Equal(before, (await Host.EventsAsync("test-review-m1")).Count);
    }

    [Fact]
    public async Task Moving_an_instance_is_recorded_with_reason_and_operator_and_its_actions_follow_the_new_version()
    {
        await Host.AsClerk(r => TestReviewSlice.OpenAsync(r, "m2", "Draft"));
        await Host.AsClerk(r => TestReviewSlice.SendAsync(r, new SubmitReview("m2")));
        var due = await DueAsync("test-review-m2");
        await DeployVersion2Async();

        await Host.AsAsync("admin-chen", [Roles.SystemAdministrator], r => r.MoveToVersionAsync("test-review-m2", 2, "v2 drops the second sign-off"));

        var recorded = (await Host.Services.GetRequiredService<Court.Application.EventStore.IEventStore>().ReadStreamAsync("test-review-m2"))[^1];
        var moved = Assert.IsType<WorkflowVersionChanged>(Host.Services.GetRequiredService<Court.Application.EventStore.EventTypeRegistry>().Deserialize(recorded));
        Assert.Equal((1, 2, "v2 drops the second sign-off", "Reviewing"), (moved.FromVersion, moved.WorkflowVersion, moved.Reason, moved.Entered.State));
        var metadata = Court.Application.EventStore.EventTypeRegistry.ReadMetadata(recorded);
        Assert.Equal(("admin-chen", "test-review", 2), (metadata.UserId, metadata.WorkflowId, metadata.WorkflowVersion));
        Assert.Equal(due, moved.Entered.DueAt);

        var judge = await Host.AsAsync("judge-wang", [Roles.Judge], r => r.GetActionsAsync("test-review-m2"));
        Assert.Equal(2, judge!.WorkflowVersion);
        Assert.Equal(["ApproveReview"], judge.Actions.Select(a => a.Trigger));

        var again = await Host.AsAsync("admin-chen", [Roles.SystemAdministrator], r => r.MoveToVersionAsync("test-review-m2", 2, "twice"));
        Assert.Equal(recorded.Version, again);
    }

    private async Task DeployVersion2Async()
    {
        await Host.DisposeAsync();
        File.Copy(Path.Combine(WorkflowHost.OutputFolder("Workflows/TestWorkflows"), "test-review.v2.json"), folder!.File("test-review.v2.json"));
        host = await WorkflowHost.CreateAsync(database, folder.Path, clock);
    }

    private async Task<IReadOnlyList<Court.Application.Workflows.Queries.WorkflowTaskView>> ListTasksAsync(ICallerContext caller) =>
        (await new Court.Application.Workflows.Queries.ListMyTasksHandler(Host.Services.GetRequiredService<IReadModels>(), caller, Host.Catalog, Host.Services.GetRequiredService<Court.Domain.Calendars.WorkingDayCalendar>(), clock)
            .Handle(new Court.Application.Workflows.Queries.ListMyTasks(), CancellationToken.None)).Items;

    private async Task<string> StateAsync(string streamId) =>
        (await Host.AsAsync("reader", [Roles.Clerk], r => r.LoadAsync(streamId)))!.Instance.State;

    private async Task<DateTimeOffset?> DueAsync(string streamId) =>
        (await Host.AsAsync("reader", [Roles.Clerk], r => r.LoadAsync(streamId)))!.Instance.Current.DueAt;
}
