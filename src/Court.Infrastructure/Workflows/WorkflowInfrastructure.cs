using Court.Application.Common;
using Court.Application.Workflows;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

namespace Court.Infrastructure.Workflows;

/// <summary>Where definitions and calendars are read from. Bound from <c>Court:Workflows</c>.</summary>
public sealed class WorkflowSettings
{
    /// <summary>The workflows folder; relative paths are resolved against the app's base directory (the build output holds a copy).</summary>
    public string Path { get; set; } = "workflows";

    /// <summary>How often the timer service looks for due timers and new deadlines when nothing wakes it.</summary>
    public TimeSpan TimerPollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How long a claimed timer stays claimed; a host that dies while firing lets another take over after this.</summary>
    public TimeSpan TimerLease { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>The working-day calendars folder; default: <c>calendars</c> inside <see cref="Path"/>.</summary>
    public string? CalendarsPath { get; set; }

    public string ResolveCalendarsPath() => CalendarsPath is { Length: > 0 } path
        ? (System.IO.Path.IsPathRooted(path) ? path : System.IO.Path.Combine(AppContext.BaseDirectory, path))
        : System.IO.Path.Combine(ResolvePath(), "calendars");

    public string ResolvePath() => System.IO.Path.IsPathRooted(Path) ? Path : System.IO.Path.Combine(AppContext.BaseDirectory, Path);
}

/// <summary>Definitions from the folder, schema-checked and validated.</summary>
public sealed class FolderWorkflowDefinitionSource(WorkflowSettings settings) : IWorkflowDefinitionSource
{
    public IReadOnlyList<WorkflowDefinition> Load(WorkflowValidationContext context) =>
        new JsonWorkflowDefinitionLoader(settings.ResolvePath()).LoadAll(context);
}

/// <summary>Loads the definitions when the host starts, so a broken one stops it with the problems listed.</summary>
public sealed class WorkflowCatalogStartup(WorkflowCatalog catalog) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        catalog.EnsureLoaded();
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}

public static class WorkflowInfrastructure
{
    /// <summary>The JSON definition source, the working-day calendar from <c>calendars/</c>, and start-up validation.</summary>
    public static IServiceCollection AddWorkflowInfrastructure(this IServiceCollection services, IConfiguration configuration)
    {
        var settings = new WorkflowSettings();
        configuration.GetSection("Court:Workflows").Bind(settings);
        return services.AddWorkflowInfrastructure(settings);
    }

    public static IServiceCollection AddWorkflowInfrastructure(this IServiceCollection services, WorkflowSettings settings)
    {
        services.AddSingleton(settings);
        services.AddWorkflows();
        services.AddSingleton<IWorkflowDefinitionSource, FolderWorkflowDefinitionSource>();
        services.AddSingleton(_ => CalendarLoader.Load(settings.ResolveCalendarsPath()));
        services.AddHostedService<WorkflowCatalogStartup>();
        services.AddHostedService<CalendarNoticeWarning>();
        services.AddLeaderWork<WorkflowTimerService>();
        services.TryAddSingleton<ProcessManagerFaults>();
        services.AddSingleton<ProcessManager>();
        services.AddSingleton<IProcessManager>(sp => sp.GetRequiredService<ProcessManager>());
        services.AddLeaderWork<ProcessManagerService>();
        return services;
    }
}
