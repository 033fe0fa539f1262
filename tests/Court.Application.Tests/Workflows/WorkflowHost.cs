using Court.Application.Common;
using Court.Application.EventStore;
using Court.Application.Workflows;
using Court.Infrastructure;
using Court.Infrastructure.Persistence;
using Court.Infrastructure.Workflows;
using Court.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Court.Application.Tests.Workflows;

/// <summary>
/// One "host" of the workflow runtime on a test database: the real infrastructure, the definitions of a folder, the
/// repository's calendars, the test review slice, and (when started) the hosted services with the timer service.
/// </summary>
public sealed class WorkflowHost : IAsyncDisposable
{
    private IAsyncDisposable? hosted;

    private WorkflowHost(ServiceProvider services) => Services = services;

    public ServiceProvider Services { get; }

    public WorkflowCatalog Catalog => Services.GetRequiredService<WorkflowCatalog>();

    public WorkflowTimerService Timers => Services.GetRequiredService<WorkflowTimerService>();

    public IProcessManager ProcessManager => Services.GetRequiredService<IProcessManager>();

    public static string OutputFolder(string name) => Path.Combine(AppContext.BaseDirectory, name);

    /// <summary>A folder with the schema and the given test definitions (file names under Workflows/TestWorkflows).</summary>
    public static TempDirectory DefinitionsFolder(params string[] files)
    {
        var folder = new TempDirectory("court-workflows");
        File.Copy(Path.Combine(OutputFolder("workflows"), JsonWorkflowDefinitionLoader.SchemaFileName), folder.File(JsonWorkflowDefinitionLoader.SchemaFileName));
        foreach (var file in files)
        {
            File.Copy(Path.Combine(OutputFolder("Workflows/TestWorkflows"), file), folder.File(file));
        }

        return folder;
    }

    public static async Task<WorkflowHost> CreateAsync(TestDatabase database, string definitionsFolder, TimeProvider clock, bool start = false, Action<IServiceCollection>? configure = null)
    {
        var services = await CourtServices.BuildAsync(database, s =>
        {
            s.AddSingleton(clock);
            s.AddSingleton(new EventAssembly(typeof(TestReview).Assembly));
            s.AddScoped<CallerOverride>();
            s.AddScoped<ICallerContext>(sp => sp.GetRequiredService<CallerOverride>().Caller ?? throw new InvalidOperationException("Act through AsAsync."));
            s.AddWorkflowInfrastructure(new WorkflowSettings
            {
                Path = definitionsFolder,
                CalendarsPath = Path.Combine(OutputFolder("workflows"), "calendars"),
                TimerPollInterval = TimeSpan.FromMilliseconds(20),
            });
            TestReviewSlice.Register(s);
            s.AddSingleton<IWorkflowCommandSender, TestReviewCommandSender>();
            // Last, so a test's registration replaces the defaults above.
            configure?.Invoke(s);
        });
        var host = new WorkflowHost(services);
        if (start)
        {
            await host.StartAsync();
        }

        return host;
    }

    public async Task StartAsync() => hosted = await Services.StartHostedServicesAsync();

    public async Task StopAsync()
    {
        if (hosted is not null)
        {
            await hosted.DisposeAsync();
            hosted = null;
        }
    }

    public static FixedCaller Caller(string user, params string[] roles) =>
        new(user, null, roles.ToHashSet(StringComparer.Ordinal), Guid.CreateVersion7());

    /// <summary>Runs <paramref name="action"/> with the runtime of a scope acting as <paramref name="user"/> in <paramref name="roles"/>.</summary>
    public async Task<T> AsAsync<T>(string user, string[] roles, Func<WorkflowRuntime, Task<T>> action)
    {
        await using var scope = Services.GetRequiredService<IServiceScopeFactory>().CreateScopeAs(Caller(user, roles));
        return await action(scope.ServiceProvider.GetRequiredService<WorkflowRuntime>());
    }

    public Task<long> AsClerk(Func<WorkflowRuntime, Task<long>> action) => AsAsync("clerk-li", [Roles.Clerk], action);

    public Task<long> AsJudge(Func<WorkflowRuntime, Task<long>> action, string user = "judge-wang") => AsAsync(user, [Roles.Judge], action);

    public async Task<IReadOnlyList<Court.Domain.Common.IDomainEvent>> EventsAsync(string streamId)
    {
        var registry = Services.GetRequiredService<EventTypeRegistry>();
        var recorded = await Services.GetRequiredService<IEventStore>().ReadStreamAsync(streamId);
        return [.. recorded.Select(r => registry.Deserialize(r)!)];
    }

    public Task<IReadOnlyList<TimerView>> TimersAsync(string? streamId = null) =>
        Services.GetRequiredService<ConnectionFactory>().ListTimersAsync(streamId);

    /// <summary>Polls until <paramref name="condition"/> holds (the hosted services run on their own).</summary>
    public static async Task EventuallyAsync(Func<Task<bool>> condition, string what, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(30));
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Timed out waiting for: {what}");
            }

            await Task.Delay(20);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        await Services.DisposeAsync();
    }
}
