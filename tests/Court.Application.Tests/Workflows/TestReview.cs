using Court.Application.Workflows;
using Court.Domain.Common;
using Court.Domain.Workflows;

namespace Court.Application.Tests.Workflows;

// A small aggregate driven by the test workflow (TestWorkflows/test-review.v*.json): a document is drafted, reviewed
// (comments stay in the state; sign-offs complete it once enough judges signed), escalated when a deadline passes.

[EventType("test.review-opened.v1")]
public sealed record ReviewOpened(string Id, string Title, int SignOffsNeeded, string? AssignedJudge) : IDomainEvent;

[EventType("test.review-submitted.v1")]
public sealed record ReviewSubmitted(string Id) : IDomainEvent;

[EventType("test.review-commented.v1")]
public sealed record ReviewCommented(string Id, string Text) : IDomainEvent;

[EventType("test.review-signed-off.v1")]
public sealed record ReviewSignedOff(string Id, string Judge) : IDomainEvent;

[EventType("test.review-escalated.v1")]
public sealed record ReviewEscalated(string Id, DateTimeOffset At) : IDomainEvent;

[EventType("test.review-approved.v1")]
public sealed record ReviewApproved(string Id) : IDomainEvent;

[EventType("test.review-rejected.v1")]
public sealed record ReviewRejected(string Id) : IDomainEvent;

public sealed record TestReview(bool Exists, string Title, int SignOffsNeeded, int SignOffs, int Comments, int Escalations, string? AssignedJudge) : IAggregateState<TestReview>, IWorkflowSubject
{
    public static TestReview Initial { get; } = new(false, "", 0, 0, 0, 0, null);

    public static string StreamPrefix => "test-review-";

    public string? WorkflowLabel => Title;

    public TestReview Evolve(IDomainEvent @event) => @event switch
    {
        ReviewOpened e => this with { Exists = true, Title = e.Title, SignOffsNeeded = e.SignOffsNeeded, AssignedJudge = e.AssignedJudge },
        ReviewCommented => this with { Comments = Comments + 1 },
        ReviewSignedOff => this with { SignOffs = SignOffs + 1 },
        ReviewEscalated => this with { Escalations = Escalations + 1 },
        _ => this,
    };

    public WorkflowAssignment? AssignmentFor(string state, string role) =>
        role == "judge" && AssignedJudge is not null ? new WorkflowAssignment(UserId: AssignedJudge) : null;
}

public abstract record ReviewCommand(string Id) : Mediator.ICommand<long>, IWorkflowCommand<TestReview>
{
    public string WorkflowStreamId => TestReview.StreamPrefix + Id;
}

public sealed record SubmitReview(string Id) : ReviewCommand(Id);

public sealed record CommentOnReview(string Id, string Text) : ReviewCommand(Id);

public sealed record SignOffReview(string Id, string Judge) : ReviewCommand(Id);

public sealed record EscalateReview(string Id) : ReviewCommand(Id);

public sealed record ApproveReview(string Id) : ReviewCommand(Id);

public sealed record RejectReview(string Id) : ReviewCommand(Id);

/// <summary>What a slice's handlers do: the decider is pure, the runtime appends its events with the transition.</summary>
public static class TestReviewSlice
{
    public static Task<long> OpenAsync(WorkflowRuntime runtime, string id, string title, int signOffsNeeded = 2, string? judge = null) =>
        runtime.StartAsync<TestReview>("test-review", id, (state, _) => state.Exists ? Decision.Nothing : Decision.Emit(new ReviewOpened(id, title, signOffsNeeded, judge)));

    /// <summary>Runs <paramref name="command"/> through the workflow pipeline check and its handler, as Mediator would.</summary>
    public static async Task<long> SendAsync(WorkflowRuntime runtime, ReviewCommand command)
    {
        var behavior = new WorkflowBehavior<ReviewCommand, long>(runtime);
        return await behavior.Handle(command, (c, _) => new ValueTask<long>(HandleAsync(runtime, c)), CancellationToken.None);
    }

    public static void Register(Microsoft.Extensions.DependencyInjection.IServiceCollection services)
    {
        services.AddWorkflowSubject<TestReview>();
        services.AddWorkflowGuard<TestReview>("enough-sign-offs", state => state.SignOffs >= state.SignOffsNeeded);
        services.AddWorkflowGuard<TestReview>("more-sign-offs-needed", state => state.SignOffs < state.SignOffsNeeded);
        services.AddWorkflowExpiry(firing => new EscalateReview(firing.IdOf<TestReview>()));
        services.AddWorkflowCommands(typeof(TestReview).Assembly);
    }

    public static Task<long> HandleAsync(WorkflowRuntime runtime, ReviewCommand command) => command switch
    {
        SubmitReview c => runtime.ExecuteAsync(c, (_, _) => Decision.Emit(new ReviewSubmitted(c.Id))),
        CommentOnReview c => runtime.ExecuteAsync(c, (_, _) => Decision.Emit(new ReviewCommented(c.Id, c.Text))),
        SignOffReview c => runtime.ExecuteAsync(c, (_, _) => Decision.Emit(new ReviewSignedOff(c.Id, c.Judge))),
        EscalateReview c => runtime.ExecuteAsync(c, (_, step) => Decision.Emit(new ReviewEscalated(c.Id, step.Now))),
        ApproveReview c => runtime.ExecuteAsync(c, (_, _) => Decision.Emit(new ReviewApproved(c.Id))),
        RejectReview c => runtime.ExecuteAsync(c, (_, _) => Decision.Emit(new ReviewRejected(c.Id))),
        _ => throw new ArgumentOutOfRangeException(nameof(command)),
    };
}

/// <summary>The handler the start-up check looks for (the tests call <see cref="TestReviewSlice.HandleAsync"/> directly, as Mediator would).</summary>
public sealed class ReviewCommandHandler(WorkflowRuntime runtime) :
    Mediator.ICommandHandler<SubmitReview, long>,
    Mediator.ICommandHandler<CommentOnReview, long>,
    Mediator.ICommandHandler<SignOffReview, long>,
    Mediator.ICommandHandler<EscalateReview, long>,
    Mediator.ICommandHandler<ApproveReview, long>,
    Mediator.ICommandHandler<RejectReview, long>
{
    public async ValueTask<long> Handle(SubmitReview command, CancellationToken cancellationToken) => await TestReviewSlice.HandleAsync(runtime, command);

    public async ValueTask<long> Handle(CommentOnReview command, CancellationToken cancellationToken) => await TestReviewSlice.HandleAsync(runtime, command);

    public async ValueTask<long> Handle(SignOffReview command, CancellationToken cancellationToken) => await TestReviewSlice.HandleAsync(runtime, command);

    public async ValueTask<long> Handle(EscalateReview command, CancellationToken cancellationToken) => await TestReviewSlice.HandleAsync(runtime, command);

    public async ValueTask<long> Handle(ApproveReview command, CancellationToken cancellationToken) => await TestReviewSlice.HandleAsync(runtime, command);

    public async ValueTask<long> Handle(RejectReview command, CancellationToken cancellationToken) => await TestReviewSlice.HandleAsync(runtime, command);
}

/// <summary>The timer service's way in: the test review's commands through the same pipeline check and handlers.</summary>
public sealed class TestReviewCommandSender : IWorkflowCommandSender
{
    public async ValueTask SendAsync(object command, IServiceProvider scope, CancellationToken cancellationToken)
    {
        var runtime = (WorkflowRuntime)scope.GetService(typeof(WorkflowRuntime))!;
        await TestReviewSlice.SendAsync(runtime, (ReviewCommand)command);
    }
}
