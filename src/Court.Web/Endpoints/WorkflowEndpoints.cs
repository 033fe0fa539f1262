using Court.Application.Projections;
using Court.Application.Workflows;
using Court.Application.Workflows.MoveInstance;
using Court.Application.Workflows.Queries;
using Court.Web.Infrastructure;
using Mediator;

namespace Court.Web.Endpoints;

/// <summary>Definitions and their diagrams, an instance's permitted actions, the task inbox, and the audited version move.</summary>
public static class WorkflowEndpoints
{
    public static IEndpointRouteBuilder MapWorkflowEndpoints(this IEndpointRouteBuilder app)
    {
        var workflows = app.MapGroup("/api/workflows").WithTags("Workflows");
        workflows.MapGet("", async (IMediator mediator, CancellationToken ct) => Results.Ok(await mediator.Send(new ListWorkflows(), ct)))
            .WithName("ListWorkflows")
            .WithSummary("The workflow definitions and their versions")
            .Produces<IReadOnlyList<WorkflowSummary>>();
        workflows.MapGet("/{id}/{version:int}", async (string id, int version, IMediator mediator, CancellationToken ct) => Results.Ok(await mediator.Send(new GetWorkflowDefinition(id, version), ct)))
            .WithName("GetWorkflowDefinition")
            .WithSummary("One version of a definition with its Mermaid state diagram (zh titles)")
            .Produces<WorkflowDiagram>()
            .ProducesProblem(StatusCodes.Status404NotFound);

        var instances = app.MapGroup("/api/workflow-instances/{stream}").WithTags("Workflows");
        instances.MapGet("/actions", async (string stream, IMediator mediator, HttpContext http, CancellationToken ct) =>
            {
                var actions = await mediator.Send(new GetWorkflowActions(stream), ct);
                http.SetETag(actions.StreamVersion);
                return Results.Ok(actions);
            })
            .WithName("GetWorkflowActions")
            .AnswersETag()
            .WithSummary("The instance's state and the triggers the caller may fire now")
            .Produces<WorkflowActions>()
            .ProducesProblem(StatusCodes.Status404NotFound);
        instances.MapGet("/diagram", async (string stream, IMediator mediator, CancellationToken ct) => Results.Ok(await mediator.Send(new GetWorkflowInstanceDiagram(stream), ct)))
            .WithName("GetWorkflowInstanceDiagram")
            .WithSummary("The Mermaid diagram of the instance's pinned version with its current state highlighted")
            .Produces<WorkflowDiagram>()
            .ProducesProblem(StatusCodes.Status404NotFound);
        instances.MapPost("/move", async (string stream, MoveBody body, IMediator mediator, HttpContext http, CancellationToken ct) =>
            {
                var moved = await mediator.Send(new MoveWorkflowInstance(stream, body.ToVersion, body.Reason) { ExpectedVersion = http.IfMatch() }, ct);
                http.SetETag(moved.Version);
                return Results.Ok(moved);
            })
            .WithName("MoveWorkflowInstance")
            .TakesIfMatch()
            .WithSummary("Move a running instance to another version of its definition (audited; its state must exist there)")
            .Produces<MovedWorkflowInstance>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status412PreconditionFailed);

        app.MapGet("/api/tasks", async ([AsParameters] PageParameters page, string? state, IMediator mediator, CancellationToken ct) => Results.Ok(await mediator.Send(new ListMyTasks(page, state), ct)))
            .WithTags("Workflows")
            .WithName("ListMyTasks")
            .WithSummary("The caller's open tasks, a page at a time (sort=due|entered, q, state), soonest due first, overdue ones flagged")
            .Produces<Page<WorkflowTaskView>>()
            .ProducesValidationProblem();
        return app;
    }

    public sealed record MoveBody(int ToVersion, string Reason);
}
