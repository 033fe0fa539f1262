using Court.Application.Pipeline;
using Court.Application.Projections;
using Court.Application.Timeline;
using Court.Application.Workflows.MoveInstance;
using Court.Application.Workflows.Queries;
using Court.Domain.Workflows;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Court.Application.Workflows;

public static class WorkflowsModule
{
    /// <summary>The runtime, the catalog and the inbox. The definition source and the calendar come from Infrastructure.</summary>
    public static IServiceCollection AddWorkflows(this IServiceCollection services)
    {
        services.AddSingleton<WorkflowCatalog>();
        services.AddScoped<WorkflowExecution>();
        services.AddScoped<WorkflowRuntime>();
        services.AddWorkflowCommands(typeof(WorkflowsModule).Assembly);
        services.TryAddSingleton<FollowUpSettings>();
        services.TryAddSingleton<IWorkflowCommandSender, MediatorWorkflowCommandSender>();
        services.AddSingleton<IProjection, TaskInboxProjection>();
        services.AddSingleton<WorkflowSentences>();
        foreach (var type in new[] { typeof(WorkflowStarted), typeof(WorkflowTransitioned), typeof(WorkflowVersionChanged) })
        {
            services.AddSingleton(sp =>
            {
                var sentences = sp.GetRequiredService<WorkflowSentences>();
                return new TimelineSentence(type, e => sentences.Describe((IWorkflowEvent)e).Zh, e => sentences.Describe((IWorkflowEvent)e).En);
            });
        }

        services.AddSingleton<IAuthorizationRule<MoveWorkflowInstance>, MoveWorkflowInstanceRule>();
        services.AddAuthorizationRule<GetWorkflowActions, WorkflowInstanceRule<GetWorkflowActions>>();
        services.AddAuthorizationRule<GetWorkflowInstanceDiagram, WorkflowInstanceRule<GetWorkflowInstanceDiagram>>();
        return services;
    }
}
