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
        services.AddTimelineSentence<WorkflowStarted>(
            zh: e => $"启动流程 {e.WorkflowId}（第{e.WorkflowVersion}版），进入「{e.Entered.State}」",
            en: e => $"started workflow {e.WorkflowId} v{e.WorkflowVersion} in '{e.Entered.State}'");
        services.AddTimelineSentence<WorkflowTransitioned>(
            zh: e => $"以「{e.Trigger}」将流程由「{e.From}」推进到「{e.Entered.State}」",
            en: e => $"moved the workflow from '{e.From}' to '{e.Entered.State}' by '{e.Trigger}'");
        services.AddTimelineSentence<WorkflowVersionChanged>(
            zh: e => $"将流程由第{e.FromVersion}版迁移到第{e.WorkflowVersion}版：{e.Reason}",
            en: e => $"moved the workflow from v{e.FromVersion} to v{e.WorkflowVersion}: {e.Reason}");
        services.AddSingleton<IAuthorizationRule<MoveWorkflowInstance>, MoveWorkflowInstanceRule>();
        services.AddAuthorizationRule<GetWorkflowActions, WorkflowInstanceRule<GetWorkflowActions>>();
        services.AddAuthorizationRule<GetWorkflowInstanceDiagram, WorkflowInstanceRule<GetWorkflowInstanceDiagram>>();
        return services;
    }
}
