using System.Text.Json.Serialization;
using Court.Application.Common;
using Court.Application.EventStore;
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

/// <summary>The agency confirms receipt; the execution period starts.</summary>
public sealed record AcknowledgeNotice : NoticeWrite, ICommand<Changed>;

/// <summary>The agency carried the notice out: its registration reference and date.</summary>
public sealed record ExecuteNotice(string? RegistrationReference, DateOnly? ExecutedOn) : NoticeWrite, ICommand<Changed>;

/// <summary>The agency writes to the judge about the notice. The notice stays in force (DOMAIN.md §1).</summary>
public sealed record QueryNotice([property: MultiLine] string? Text) : NoticeWrite, ICommand<QueriedNotice>;

public sealed record QueriedNotice(string NoticeId, string QueryId, long Version);

/// <summary>The judge answers an agency's query.</summary>
public sealed record AnswerNoticeQuery([property: MultiLine] string? Answer) : NoticeWrite, ICommand<Changed>
{
    [JsonIgnore]
    public string QueryId { get; init; } = "";
}

/// <summary>The agency reports it cannot carry the notice out (asset not found, already transferred…), with the reason.</summary>
public sealed record ReportNoticeCannotBeExecuted([property: MultiLine] string? Reason) : NoticeWrite, ICommand<Changed>;

/// <summary>Fired by the deadline timer (as the system): the acknowledgement or execution deadline passed.</summary>
public sealed record FlagOverdueNotice : NoticeWrite, ICommand<Changed>;

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

public sealed class NoticeHandlers(AggregateStore aggregates, WorkflowRuntime workflows, BankruptcyProcess process, BankruptcyDeadlines deadlines, ICallerContext caller) :
    ICommandHandler<AcknowledgeNotice, Changed>,
    ICommandHandler<ExecuteNotice, Changed>,
    ICommandHandler<QueryNotice, QueriedNotice>,
    ICommandHandler<AnswerNoticeQuery, Changed>,
    ICommandHandler<ReportNoticeCannotBeExecuted, Changed>,
    ICommandHandler<FlagOverdueNotice, Changed>
{
    private string Agency => caller.Agency ?? "";

    public async ValueTask<Changed> Handle(AcknowledgeNotice command, CancellationToken cancellationToken)
    {
        var loaded = await LoadAsync(command, cancellationToken);
        var acknowledge = new NoticeCommand.Acknowledge(Agency, deadlines.DueOn(BankruptcyWorkflows.Notice, "Acknowledged", process.Now), process.Actor);
        return await FireOrCheckAsync(loaded, "AcknowledgeNotice", acknowledge, loaded.State.Status == NoticeStatus.Delivered, cancellationToken);
    }

    public async ValueTask<Changed> Handle(ExecuteNotice command, CancellationToken cancellationToken)
    {
        var loaded = await LoadAsync(command, cancellationToken);
        var execute = new NoticeCommand.Execute(Agency, command.RegistrationReference!.Trim(), command.ExecutedOn!.Value, process.Actor);
        var changed = await FireOrCheckAsync(loaded, "ExecuteNotice", execute, loaded.State.IsOpen, cancellationToken);
        await process.AfterNoticeExecutedAsync((await aggregates.LoadAsync<Notice>(command.NoticeId, cancellationToken)).State, cancellationToken);
        return changed;
    }

    public async ValueTask<QueriedNotice> Handle(QueryNotice command, CancellationToken cancellationToken)
    {
        var queryId = aggregates.NewId().ToString("D");
        var query = new NoticeCommand.Query(queryId, Agency, command.Text!.Trim(), process.Actor);
        var version = await aggregates.ExecuteAsync<Notice>(command.NoticeId, (s, now) => NoticeDecider.Decide(s, query, now), command.IfMatch, cancellationToken: cancellationToken);
        return new QueriedNotice(command.NoticeId, queryId, version);
    }

    public async ValueTask<Changed> Handle(AnswerNoticeQuery command, CancellationToken cancellationToken)
    {
        var answer = new NoticeCommand.AnswerQuery(command.QueryId, command.Answer!.Trim(), process.Actor);
        var version = await aggregates.ExecuteAsync<Notice>(command.NoticeId, (s, now) => NoticeDecider.Decide(s, answer, now), command.IfMatch, cancellationToken: cancellationToken);
        return new Changed(command.NoticeId, version);
    }

    public async ValueTask<Changed> Handle(ReportNoticeCannotBeExecuted command, CancellationToken cancellationToken)
    {
        var loaded = await LoadAsync(command, cancellationToken);
        var report = new NoticeCommand.ReportCannotExecute(Agency, command.Reason!.Trim(), process.Actor);
        var changed = await FireOrCheckAsync(loaded, "ReportNoticeCannotBeExecuted", report, loaded.State.IsOpen, cancellationToken);
        await process.AfterNoticeCannotBeExecutedAsync((await aggregates.LoadAsync<Notice>(command.NoticeId, cancellationToken)).State, cancellationToken);
        return changed;
    }

    public async ValueTask<Changed> Handle(FlagOverdueNotice command, CancellationToken cancellationToken)
    {
        var loaded = await LoadAsync(command, cancellationToken);
        var flag = new NoticeCommand.FlagOverdue(process.Actor);
        var decided = NoticeDecider.Decide(loaded.State, flag, process.Now);
        var changed = await FireOrCheckAsync(loaded, "FlagOverdueNotice", flag, decided.Events.Count > 0, cancellationToken);
        var notice = (await aggregates.LoadAsync<Notice>(command.NoticeId, cancellationToken)).State;
        if (notice.AcknowledgementOverdue && notice.Status == NoticeStatus.Delivered)
        {
            await process.AfterNoticeOverdueAsync(notice, AgendaReason.NoticeNotAcknowledged, cancellationToken);
        }

        if (notice.ExecutionOverdue && notice.IsOpen)
        {
            await process.AfterNoticeOverdueAsync(notice, AgendaReason.NoticeNotExecuted, cancellationToken);
        }

        return changed;
    }

    /// <summary>Fires the trigger when the notice's state calls for it; otherwise lets the decider say "already done" (no events) or why not.</summary>
    private async Task<Changed> FireOrCheckAsync(Loaded<Notice> loaded, string trigger, NoticeCommand decision, bool fires, CancellationToken ct)
    {
        if (!fires)
        {
            NoticeDecider.Decide(loaded.State, decision, process.Now).ThrowIfError();
            return new Changed(loaded.State.Id!, loaded.Version);
        }

        var version = await workflows.FireAsync<Notice>(loaded.StreamId, trigger, (s, now) => NoticeDecider.Decide(s, decision, now), loaded.Version, ct);
        return new Changed(loaded.State.Id!, version);
    }

    private async Task<Loaded<Notice>> LoadAsync(NoticeWrite command, CancellationToken ct)
    {
        var loaded = await aggregates.LoadAsync<Notice>(command.NoticeId, ct);
        if (!loaded.Exists)
        {
            throw new DomainException(DomainError.NotFound("notice.not-found", "There is no such notice."));
        }

        return command.IfMatch is { } ifMatch && ifMatch != loaded.Version
            ? throw new WrongExpectedVersionException(loaded.StreamId, ExpectedVersion.Exactly(ifMatch), loaded.Version)
            : loaded;
    }
}
