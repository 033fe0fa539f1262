using Court.Application.Common;
using Court.Application.Pipeline;
using Court.Application.Projections;
using Court.Domain.Calendars;
using Mediator;

namespace Court.Application.Workflows.Queries;

/// <summary>
/// A task in the caller's inbox, with the titles to show and whether it is overdue; <c>DueOnProvisional</c> when its due
/// date falls in a year without a State Council holiday notice (decision 0091).
/// </summary>
public sealed record WorkflowTaskView(
    string StreamId,
    string WorkflowId,
    int WorkflowVersion,
    LocalizedText WorkflowTitle,
    string State,
    LocalizedText StateTitle,
    string Responsible,
    string? Label,
    DateTimeOffset EnteredAt,
    DateTimeOffset? DueAt,
    bool Overdue,
    string? Subject = null,
    bool DueOnProvisional = false)
{
    /// <summary>The last day of the period, as people read a due date (<see cref="DueAt"/> is 24:00 of that day).</summary>
    public DateOnly? DueOn => WorkingDayCalendar.LastDayOf(DueAt);
}

/// <summary>
/// The caller's open tasks, a page at a time: for any role she holds, narrowed to her agency or to her when the task
/// says so (see <see cref="WorkflowTaskDocument.AudiencesOf"/>); soonest due first, then the oldest (<c>sort=due</c>),
/// or by when they were opened (<c>sort=entered</c>); <c>q</c> searches the label, stream and state; <c>state</c> filters.
/// </summary>
public sealed record ListMyTasks(PageParameters? Page = null, string? State = null) : IQuery<Page<WorkflowTaskView>>, IAnySignedInCaller
{
    public static readonly ListSorts Sorts = new(WorkflowTaskDocument.SortByDue, WorkflowTaskDocument.SortByEntered);
}

public sealed class ListMyTasksValidator : FluentValidation.AbstractValidator<ListMyTasks>
{
    public ListMyTasksValidator() => RuleFor(q => q.Page).PagedBy(ListMyTasks.Sorts);
}

public sealed class ListMyTasksHandler(IReadModels readModels, ICallerContext caller, WorkflowCatalog catalog, WorkingDayCalendar calendar, TimeProvider clock) : IQueryHandler<ListMyTasks, Page<WorkflowTaskView>>
{
    private static readonly HashSet<string> CourtRoles = [Roles.Clerk, Roles.Judge, Roles.CourtPresident, Roles.SystemAdministrator, Roles.System];

    public async ValueTask<Page<WorkflowTaskView>> Handle(ListMyTasks query, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var request = (query.Page ?? new PageParameters()).ToRequest(ListMyTasks.Sorts) with { Partitions = [.. caller.Roles] };
        request.Filters[WorkflowTaskDocument.AudienceKey] = WorkflowTaskDocument.AudiencesOf(caller.Roles, caller.Agency, caller.UserId, CourtRoles.Contains);
        if (!string.IsNullOrEmpty(query.State))
        {
            request.Filters["state"] = [query.State];
        }

        var page = await readModels.PageAsync<WorkflowTaskDocument>(request, cancellationToken);
        return page.Map(task =>
        {
            var definition = catalog.Find(task.WorkflowId, task.WorkflowVersion);
            var stateTitle = task.Title ?? definition?.FindState(task.State)?.Title ?? new LocalizedText(task.State, task.State);
            return new WorkflowTaskView(
                task.StreamId,
                task.WorkflowId,
                task.WorkflowVersion,
                definition?.Title ?? task.Title ?? new LocalizedText(task.WorkflowId, task.WorkflowId),
                task.State,
                stateTitle,
                task.Responsible,
                task.Label,
                task.EnteredAt,
                task.DueAt,
                task.DueAt < now,
                task.Subject,
                calendar.IsProvisional(task.DueAt));
        });
    }
}

/// <summary>The triggers the caller may fire on an instance now (the UI's buttons), with its state and due time.</summary>
public sealed record GetWorkflowActions(string StreamId) : IQuery<WorkflowActions>, IWorkflowInstanceQuery;

public sealed class GetWorkflowActionsHandler(WorkflowRuntime runtime) : IQueryHandler<GetWorkflowActions, WorkflowActions>
{
    public async ValueTask<WorkflowActions> Handle(GetWorkflowActions query, CancellationToken cancellationToken) =>
        await runtime.GetActionsAsync(query.StreamId, cancellationToken)
            ?? throw new ResourceNotFoundException($"No workflow runs on {query.StreamId}.");
}

/// <summary>One entry per process: its versions, the latest first.</summary>
public sealed record WorkflowSummary(string Id, LocalizedText Title, string Subject, int LatestVersion, IReadOnlyList<int> Versions);

public sealed record ListWorkflows : IQuery<IReadOnlyList<WorkflowSummary>>, IAnySignedInCaller;

public sealed class ListWorkflowsHandler(WorkflowCatalog catalog) : IQueryHandler<ListWorkflows, IReadOnlyList<WorkflowSummary>>
{
    public ValueTask<IReadOnlyList<WorkflowSummary>> Handle(ListWorkflows query, CancellationToken cancellationToken) =>
        ValueTask.FromResult<IReadOnlyList<WorkflowSummary>>([.. catalog.All
            .GroupBy(d => d.Id)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g =>
            {
                var latest = g.MaxBy(d => d.Version)!;
                return new WorkflowSummary(g.Key, latest.Title, latest.Subject, latest.Version, [.. g.Select(d => d.Version).OrderDescending()]);
            })]);
}

/// <summary>A definition with its Mermaid state diagram (zh titles); <see cref="CurrentState"/> is highlighted when the diagram is an instance's.</summary>
public sealed record WorkflowDiagram(WorkflowDefinition Definition, string Mermaid, string? StreamId = null, string? CurrentState = null);

public sealed record GetWorkflowDefinition(string Id, int Version) : IQuery<WorkflowDiagram>, IAnySignedInCaller;

public sealed class GetWorkflowDefinitionHandler(WorkflowCatalog catalog) : IQueryHandler<GetWorkflowDefinition, WorkflowDiagram>
{
    public ValueTask<WorkflowDiagram> Handle(GetWorkflowDefinition query, CancellationToken cancellationToken)
    {
        var definition = catalog.Find(query.Id, query.Version)
            ?? throw new ResourceNotFoundException($"No workflow {query.Id} version {query.Version}.");
        return ValueTask.FromResult(new WorkflowDiagram(definition, WorkflowMachine.Mermaid(definition)));
    }
}

/// <summary>The diagram of the version an instance is pinned to, its current state highlighted.</summary>
public sealed record GetWorkflowInstanceDiagram(string StreamId) : IQuery<WorkflowDiagram>, IWorkflowInstanceQuery;

public sealed class GetWorkflowInstanceDiagramHandler(WorkflowRuntime runtime) : IQueryHandler<GetWorkflowInstanceDiagram, WorkflowDiagram>
{
    public async ValueTask<WorkflowDiagram> Handle(GetWorkflowInstanceDiagram query, CancellationToken cancellationToken)
    {
        var snapshot = await runtime.LoadAsync(query.StreamId, cancellationToken)
            ?? throw new ResourceNotFoundException($"No workflow runs on {query.StreamId}.");
        return new WorkflowDiagram(snapshot.Definition, WorkflowMachine.Mermaid(snapshot.Definition, snapshot.Instance.State), query.StreamId, snapshot.Instance.State);
    }
}

/// <summary>A query about one instance: visible to whoever may see its aggregate.</summary>
public interface IWorkflowInstanceQuery
{
    string StreamId { get; }
}

/// <summary>
/// Who may look at an instance: whoever may read its stream (<see cref="StreamReaders"/>: the slice's own read of the
/// aggregate); court staff only for a stream no slice registered a reader for. An unknown stream, or one that is not
/// the caller's, is hidden (404).
/// </summary>
public sealed class WorkflowInstanceRule<TQuery>(WorkflowRuntime runtime, IServiceProvider services) : IAuthorizationRule<TQuery>
    where TQuery : IWorkflowInstanceQuery
{
    public async ValueTask<AuthorizationOutcome> EvaluateAsync(TQuery message, ICallerContext caller, CancellationToken cancellationToken) =>
        await runtime.LoadAsync(message.StreamId, cancellationToken) is null
            ? AuthorizationOutcome.Hidden
            : await StreamReaders.EvaluateAsync(services, message.StreamId, caller, cancellationToken) ?? Access.See(caller, new ResourceParties());
}
