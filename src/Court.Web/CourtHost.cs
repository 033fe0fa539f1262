using Court.Application.Archives;
using Court.Application.Auditing;
using Court.Application.Bankruptcy;
using Court.Application.Common;
using Court.Application.Fees;
using Court.Application.GovernmentDebtors;
using Court.Application.Pipeline;
using Court.Application.Service;
using Court.Application.SmallClaims;
using Court.Application.Workflows;
using Court.Infrastructure;
using Court.Infrastructure.Documents;
using Court.Infrastructure.Persistence;
using Court.Infrastructure.Workflows;
using Court.Web.Auth;
using Court.Web.Demo;
using Court.Web.Endpoints;
using Court.Web.Infrastructure;
using Court.Web.Ui;
using FluentValidation;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;
using Scalar.AspNetCore;

namespace Court.Web;

/// <summary>The composition root: services, then the HTTP pipeline. Each capability adds its endpoints in <see cref="MapEndpoints"/>.</summary>
public static class CourtHost
{
    public static WebApplication Build(string[] args)
    {
        var builder = CreateBuilder(args);
        // wwwroot from the build output's manifest in any environment (tests run the host as "Testing"); a no-op once published.
        builder.WebHost.UseStaticWebAssets();
        ConfigureServices(builder.Services, builder.Configuration);
        var app = builder.Build();
        Configure(app);
        return app;
    }

    /// <summary>
    /// Names the application after this assembly, so Razor Pages and static web assets are found even when another
    /// assembly is the entry point (the browser tests run this host inside the test runner).
    /// </summary>
    /// <remarks>
    /// The content root is the application's folder, not the current directory: started from anywhere, the host reads
    /// its own appsettings.json and finds its data folder (decision 0112). Tests' hosts keep theirs.
    /// </remarks>
    public static WebApplicationBuilder CreateBuilder(string[] args)
    {
        var name = typeof(CourtHost).Assembly.GetName().Name;
        var ownProcess = System.Reflection.Assembly.GetEntryAssembly()?.GetName().Name == name;
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ApplicationName = name, ContentRootPath = ownProcess ? AppContext.BaseDirectory : null });
        // SQL text is for debugging, never the default log, whatever appsettings says or lacks.
        builder.Logging.AddFilter("Microsoft.EntityFrameworkCore.Database.Command", LogLevel.Warning);
        // The server's make and version help nobody but an attacker.
        builder.WebHost.ConfigureKestrel(o => o.AddServerHeader = false);
        return builder;
    }

    public static void ConfigureServices(IServiceCollection services, IConfiguration configuration)
    {
        // First: migrates and seeds before the projection daemon and timers start.
        services.AddHostedService<StartupTasks>();
        services.AddCourtInfrastructure(configuration);
        services.AddHttpContextAccessor();
        services.AddHttpHardening(configuration);
        services.AddSingleton(configuration.GetSection("Court:Idempotency").Get<IdempotencySettings>() ?? new IdempotencySettings());
        services.AddSingleton<IdempotencyFaults>();
        services.AddLeaderWork<IdempotencyPruner>();
        services.AddScoped<CallerOverride>();
        services.AddScoped<ICallerContext>(sp => sp.GetRequiredService<CallerOverride>().Caller
            ?? new HttpCallerContext(sp.GetRequiredService<IHttpContextAccessor>()));
        services.AddSingleton(configuration.GetSection("Court:Demo").Get<DemoSettings>() ?? new DemoSettings());
        services.AddSingleton<DemoSeeding>();
        services.AddScoped<AggregateStore>();
        services.AddMediator(options =>
        {
            options.ServiceLifetime = ServiceLifetime.Scoped;
            // Authorization before validation: a caller learns nothing of a resource that is not his from its validation messages.
            // Read audit inside authorization: only reads that were allowed and answered are on the trail.
            // Follow-ups outermost: a command answers once the steps its events call for in other streams are done (or after a short wait).
            options.PipelineBehaviors = [typeof(TracingBehavior<,>), typeof(FollowUpBehavior<,>), typeof(AuthorizationBehavior<,>), typeof(ReadAuditBehavior<,>), typeof(ValidationBehavior<,>), typeof(WorkflowBehavior<,>)];
        });
        services.AddValidatorsFromAssemblyContaining<AggregateStore>(includeInternalTypes: true);
        services.AddWorkflowInfrastructure(configuration);
        services.AddBankruptcy();
        services.AddBankruptcyUi();
        services.AddFees(configuration.GetSection("Court:Fees").Get<FeesSettings>() ?? new FeesSettings());
        services.AddSmallClaims();
        services.AddGovernmentDebtors();
        Court.Web.Pages.GovernmentDebtors.GovernmentDebtUi.AddGovernmentDebtUi(services);
        services.AddFeesUi();
        var serviceSettings = configuration.GetSection("Court:Service").Get<Court.Application.Service.ServiceSettings>() ?? new Court.Application.Service.ServiceSettings();
        serviceSettings.PublicBaseUrl ??= configuration["Court:PublicBaseUrl"];
        services.AddService(serviceSettings);
        services.AddServiceUi();

        // Razor writes Chinese as characters, not numeric entities (still HTML-encoding markup).
        services.AddWebEncoders(o => o.TextEncoderSettings = new System.Text.Encodings.Web.TextEncoderSettings(System.Text.Unicode.UnicodeRanges.All));
        services.AddProblemDetails(options => options.CustomizeProblemDetails = context =>
        {
            context.ProblemDetails.Instance ??= context.HttpContext.Request.Path;
            context.ProblemDetails.Extensions["traceId"] = System.Diagnostics.Activity.Current?.TraceId.ToString() ?? context.HttpContext.TraceIdentifier;
            // RFC 9110: a 401 says how to authenticate. Handlers that know more (invalid_token) have set it already.
            if (context.ProblemDetails.Status == StatusCodes.Status401Unauthorized && !context.HttpContext.Response.Headers.ContainsKey(Microsoft.Net.Http.Headers.HeaderNames.WWWAuthenticate))
            {
                context.HttpContext.Response.Headers.WWWAuthenticate = "Bearer";
            }
        });
        // Unreadable bodies and parameters throw, so ProblemMapping answers them (naming the field) in every environment.
        services.Configure<Microsoft.AspNetCore.Routing.RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        services.AddExceptionHandler<ProblemMapping>();
        services.ConfigureHttpJsonOptions(o =>
        {
            o.SerializerOptions.Converters.Add(new System.Text.Json.Serialization.JsonStringEnumConverter());
            // A number is a JSON number: the web default also reads "42", which made every integer in the OpenAPI
            // document "integer or string" (decision 0130).
            o.SerializerOptions.NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.Strict;
        });
        services.AddOpenApi(OpenApiContract.Configure);
        services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database", tags: ["ready"], timeout: DatabaseHealthCheck.Timeout + TimeSpan.FromSeconds(1));
        services.AddCourtAuth(configuration);
        services.AddCourtUi();
        services.AddDocumentsInfrastructure();
        services.AddDocumentsWeb();
        services.AddArchives();
        services.AddAuditing();
        AddTelemetry(services, configuration);
    }

    public static void Configure(WebApplication app)
    {
        app.UseHttpHardening();
        app.UseResponseCompression();
        app.UseExceptionHandler();
        app.UsePageExceptionHandler();
        app.UseMiddleware<StoreFaultRetry>();
        app.UseStatusCodeAnswers();
        app.UseCourtUi();
        // Routing after the error pages' branches (not implicitly first): a branch has no route builder of its own, so a
        // request they re-execute as /Error is routed here again.
        app.UseRouting();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseMiddleware<CookieApiGuard>();
        app.UseRateLimiter();
        app.UseMiddleware<RequestBodyLimit>();
        app.UseMiddleware<IdempotencyMiddleware>();

        app.MapOpenApi("/openapi/{documentName}.json").AllowAnonymous();
        // Everything from this server: Scalar's default fonts and telemetry would reach its CDN.
        app.MapScalarApiReference("/scalar", o => o.DisableDefaultFonts().DisableTelemetry()).AllowAnonymous();
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false }).AllowAnonymous();
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = c => c.Tags.Contains("ready"), ResponseWriter = DatabaseHealthCheck.WriteResponseAsync }).AllowAnonymous();
        MapEndpoints(app);

        // Unknown API routes: problem details, not an empty 404 (nor a 401: there is nothing here to sign in for).
        app.MapFallback(ApiFallback.Pattern, ApiFallback.Answer)
            .AllowAnonymous()
            .ExcludeFromDescription();
    }

    private static void MapEndpoints(WebApplication app)
    {
        app.MapAuthEndpoints();
        app.MapCourtUi();
        app.MapBankruptcyEndpoints();
        app.MapWorkflowEndpoints();
        app.MapDocumentEndpoints();
        app.MapArchiveEndpoints();
        app.MapAuditEndpoints();
        app.MapFeesEndpoints();
        app.MapServiceEndpoints();
        app.MapGovernmentDebtEndpoints();
    }

    /// <summary>
    /// Checks the workflow definitions against the code (refusing to go on, before anything touches the database),
    /// then creates or migrates the schema, and the roles, starts the periods public notices published before their
    /// definition lack (<see cref="Court.Application.Service.PublicNoticePeriodBackfill"/>), and runs <paramref name="alsoOnce"/> (the demo data): all
    /// under the start-up lock, so nodes started at the same instant on one database take turns (decision 0111).
    /// </summary>
    public static async Task PrepareDatabaseAsync(this IServiceProvider services, Func<Task>? alsoOnce = null)
    {
        services.GetRequiredService<WorkflowCatalog>().EnsureLoaded();
        await using (await StartupLock.AcquireAsync(services))
        {
            await services.MigrateCourtDatabaseAsync();
            await DemoSeeding.EnsureRolesAsync(services);

            // Notices published before their period had a definition get one now, so their timer can deem them served.
            await services.GetRequiredService<Court.Application.Service.PublicNoticePeriodBackfill>().RunAsync();
            if (alsoOnce is not null)
            {
                await alsoOnce();
            }
        }
    }

    private static void AddTelemetry(IServiceCollection services, IConfiguration configuration)
    {
        var exporter = configuration["Court:Telemetry:Exporter"] ?? "none";
        if (exporter.Equals("none", StringComparison.OrdinalIgnoreCase))
        {
            return;
        }

        var otlp = exporter.Equals("otlp", StringComparison.OrdinalIgnoreCase);
        services.AddOpenTelemetry()
            .WithTracing(t =>
            {
                t.AddSource("Court.Application").AddAspNetCoreInstrumentation();
                _ = otlp ? t.AddOtlpExporter() : t.AddConsoleExporter();
            })
            .WithMetrics(m =>
            {
                m.AddAspNetCoreInstrumentation().AddRuntimeInstrumentation().AddMeter("Court.Application");
                _ = otlp ? m.AddOtlpExporter() : m.AddConsoleExporter();
            });
    }
}

/// <summary>
/// Ready only when the database takes a write: a one-row upsert (a checkpoint nothing reads) committed like any
/// other, so a full disk, a read-only file or a hung server fail it. The check has a short timeout of its own
/// (<see cref="Timeout"/>), so a hung PostgreSQL answers 503 quickly instead of after the client's patience.
/// </summary>
public sealed class DatabaseHealthCheck(ConnectionFactory connections, Court.Application.EventStore.IEventStore store, TimeProvider clock) : IHealthCheck
{
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(3);

    /// <summary>How long failed appends keep the node unready; then traffic may come back and show whether they still fail.</summary>
    public static readonly TimeSpan AppendFailureWindow = TimeSpan.FromSeconds(30);

    public const string ProbeName = "health:write-probe";

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (store is Court.Infrastructure.EventStore.SqlEventStore { LastAppendFailure: { } failed } && clock.GetUtcNow() - failed < AppendFailureWindow)
        {
            return HealthCheckResult.Unhealthy($"An append to {connections.Dialect.Provider} failed at {failed:O} and none has committed since (disk full or store unavailable).");
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(Timeout);
        try
        {
            await using var connection = await connections.OpenAsync(timeout.Token);
            await using var transaction = await connection.BeginTransactionAsync(timeout.Token);
            await using (var command = connection.Command(transaction, "INSERT INTO projection_checkpoints (name, position) VALUES (@n, @p) ON CONFLICT (name) DO UPDATE SET position = excluded.position"))
            {
                command.With("@n", ProbeName).With("@p", clock.GetUtcNow().ToUnixTimeMilliseconds());
                await command.ExecuteNonQueryAsync(timeout.Token);
            }

            await transaction.CommitAsync(timeout.Token);
            return HealthCheckResult.Healthy($"{connections.Dialect.Provider} takes writes.");
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            await connections.ForgetPooledConnectionsAsync();
            return HealthCheckResult.Unhealthy($"{connections.Dialect.Provider} did not take a write within {Timeout.TotalSeconds:0} s.");
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            await connections.ForgetPooledConnectionsAsync();
            return HealthCheckResult.Unhealthy($"{connections.Dialect.Provider} does not take writes.", ex);
        }
    }

    /// <summary>
    /// 503 with Retry-After when not ready, so a load balancer and a client know to come back. <c>Court-Leader</c> tells
    /// an operator of several nodes which one runs the background work now.
    /// </summary>
    public const string LeaderHeader = "Court-Leader";

    public static Task WriteResponseAsync(HttpContext context, HealthReport report)
    {
        context.Response.Headers[LeaderHeader] = context.RequestServices.GetService<Court.Infrastructure.Leadership.LeaderElection>()?.IsLeader == true ? "true" : "false";
        if (report.Status != HealthStatus.Healthy)
        {
            context.Response.Headers.RetryAfter = StoreFaults.RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        context.Response.ContentType = "text/plain; charset=utf-8";
        return context.Response.WriteAsync(report.Status.ToString());
    }
}
