using Microsoft.Extensions.DependencyInjection;

namespace Court.Application.Workflows;

public static class WorkflowsModule
{
    /// <summary>The runtime, the catalog and the inbox. The definition source and the calendar come from Infrastructure.</summary>
    public static IServiceCollection AddWorkflows(this IServiceCollection services)
    {
        services.AddSingleton<WorkflowCatalog>();
        services.AddScoped<WorkflowExecution>();
        services.AddScoped<WorkflowRuntime>();
        return services;
    }
}
