using System.Text.Json.Serialization;
using Court.Application.Common;
using Court.Application.Workflows;
using Court.Domain.Bankruptcy;
using Court.Domain.Common;
using FluentValidation;
using Mediator;

namespace Court.Application.Bankruptcy.Notices;

/// <summary>A write on one notice by its addressee agency (the id comes from the route).</summary>
public abstract record NoticeWrite : ConditionalWrite, INoticeScoped
{
    [JsonIgnore]
    public string NoticeId { get; init; } = "";
}

/// <summary>A step of the notice workflow: its trigger is the command's name; who and when is the definition's (workflows/bankruptcy-assisted-enforcement-notice.v*.json).</summary>
public abstract record NoticeStep : NoticeWrite, IWorkflowCommand<Notice>
{
    string IWorkflowCommand.WorkflowStreamId => BankruptcyWorkflows.NoticeStream(NoticeId);
}

/// <summary>The agency confirms receipt; the execution period starts.</summary>
public sealed record AcknowledgeNotice : NoticeStep, ICommand<Changed>;

/// <summary>The agency carried the notice out: its registration reference and date.</summary>
public sealed record ExecuteNotice(string? RegistrationReference, DateOnly? ExecutedOn) : NoticeStep, ICommand<Changed>;

/// <summary>The agency writes to the judge about the notice. The notice stays in force (DOMAIN.md §1): not a step of its workflow.</summary>
public sealed record QueryNotice([property: MultiLine] string? Text) : NoticeWrite, ICommand<QueriedNotice>;

public sealed record QueriedNotice(string NoticeId, string QueryId, long Version);

/// <summary>The judge answers an agency's query.</summary>
public sealed record AnswerNoticeQuery([property: MultiLine] string? Answer) : NoticeWrite, ICommand<Changed>
{
    [JsonIgnore]
    public string QueryId { get; init; } = "";
}

/// <summary>The agency reports it cannot carry the notice out (asset not found, already transferred…), with the reason.</summary>
public sealed record ReportNoticeCannotBeExecuted([property: MultiLine] string? Reason) : NoticeStep, ICommand<Changed>;

/// <summary>Fired by the deadline timer (as the system): the acknowledgement or execution deadline passed.</summary>
public sealed record FlagOverdueNotice : NoticeStep, ICommand<Changed>;

public sealed class ExecuteNoticeValidator : AbstractValidator<ExecuteNotice>
{
    public ExecuteNoticeValidator()
    {
        RuleFor(x => x.RegistrationReference).Text(100);
        RuleFor(x => x.ExecutedOn).NotNull();
    }
}

public sealed class QueryNoticeValidator : AbstractValidator<QueryNotice>
{
    public QueryNoticeValidator() => RuleFor(x => x.Text).Text(2000);
}

public sealed class AnswerNoticeQueryValidator : AbstractValidator<AnswerNoticeQuery>
{
    public AnswerNoticeQueryValidator() => RuleFor(x => x.Answer).Text(2000);
}

public sealed class ReportNoticeCannotBeExecutedValidator : AbstractValidator<ReportNoticeCannotBeExecuted>
{
    public ReportNoticeCannotBeExecutedValidator() => RuleFor(x => x.Reason).Text(1000);
}

/// <summary>The agency's steps on a notice, each one decision through the one command path; what they cause elsewhere is <see cref="BankruptcyFollowUps"/>'.</summary>
public sealed class NoticeHandlers(AggregateStore aggregates, WorkflowRuntime workflows, ICallerContext caller) :
    ICommandHandler<AcknowledgeNotice, Changed>,
    ICommandHandler<ExecuteNotice, Changed>,
    ICommandHandler<QueryNotice, QueriedNotice>,
    ICommandHandler<AnswerNoticeQuery, Changed>,
    ICommandHandler<ReportNoticeCannotBeExecuted, Changed>,
    ICommandHandler<FlagOverdueNotice, Changed>
{
    private string Agency => caller.Agency ?? "";

    /// <summary>The execution period runs from acknowledging: its last day is the deadline of the state acknowledging enters, in the notice's pinned definition.</summary>
    public async ValueTask<Changed> Handle(AcknowledgeNotice command, CancellationToken cancellationToken) =>
        new(command.NoticeId, await workflows.ExecuteAsync(command, (s, step) => NoticeDecider.Decide(s, new NoticeCommand.Acknowledge(Agency, step.RequireDueOn(), caller.UserId), step.Now), cancellationToken));

    public ValueTask<Changed> Handle(ExecuteNotice command, CancellationToken cancellationToken) =>
        RunAsync(command, new NoticeCommand.Execute(Agency, command.RegistrationReference!.Trim(), command.ExecutedOn!.Value, caller.UserId), cancellationToken);

    public async ValueTask<QueriedNotice> Handle(QueryNotice command, CancellationToken cancellationToken)
    {
        var queryId = Guid.CreateVersion7().ToString("D");
        var query = new NoticeCommand.Query(queryId, Agency, command.Text!.Trim(), caller.UserId);
        var version = await aggregates.ExecuteAsync<Notice>(command.NoticeId, (s, now) => NoticeDecider.Decide(s, query, now), command.IfMatch, cancellationToken: cancellationToken);
        return new QueriedNotice(command.NoticeId, queryId, version);
    }

    public async ValueTask<Changed> Handle(AnswerNoticeQuery command, CancellationToken cancellationToken)
    {
        var answer = new NoticeCommand.AnswerQuery(command.QueryId, command.Answer!.Trim(), caller.UserId);
        var version = await aggregates.ExecuteAsync<Notice>(command.NoticeId, (s, now) => NoticeDecider.Decide(s, answer, now), command.IfMatch, cancellationToken: cancellationToken);
        return new Changed(command.NoticeId, version);
    }

    public ValueTask<Changed> Handle(ReportNoticeCannotBeExecuted command, CancellationToken cancellationToken) =>
        RunAsync(command, new NoticeCommand.ReportCannotExecute(Agency, command.Reason!.Trim(), caller.UserId), cancellationToken);

    public ValueTask<Changed> Handle(FlagOverdueNotice command, CancellationToken cancellationToken) =>
        RunAsync(command, new NoticeCommand.FlagOverdue(caller.UserId), cancellationToken);

    private async ValueTask<Changed> RunAsync(NoticeStep command, NoticeCommand decision, CancellationToken cancellationToken) =>
        new(command.NoticeId, await workflows.ExecuteAsync(command, (s, step) => NoticeDecider.Decide(s, decision, step.Now), cancellationToken));
}
