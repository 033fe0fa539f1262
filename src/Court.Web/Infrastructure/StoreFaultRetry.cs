using Court.Application.Workflows;
using Court.Infrastructure.Persistence;

namespace Court.Web.Infrastructure;

/// <summary>
/// A request that fails because the store was unavailable is run once more, on fresh connections, before anything
/// was sent: after a PostgreSQL restart the first use of each pooled connection fails although the server is back.
/// A read is always safe to re-run; a write only when it provably applied nothing: no append of its scope was
/// acknowledged (the event store itself re-runs a batch whose commit was never sent). Otherwise, or when the second
/// run fails too, the answer is 503 with Retry-After (<see cref="ProblemMapping"/>). Decision 0112.
/// </summary>
public sealed class StoreFaultRetry(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext context, ConnectionFactory connections, WorkflowExecution execution)
    {
        var safe = HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method);
        if (!safe)
        {
            context.Request.EnableBuffering();
        }

        // Later middleware wraps the body (the size limit); the second run starts again from the buffered original.
        var body = context.Request.Body;

        try
        {
            await next(context);
        }
        catch (Exception ex) when (StoreFaults.IsUnavailable(ex) && !context.Response.HasStarted && !context.RequestAborted.IsCancellationRequested
            && (safe || execution.LastPosition is null))
        {
            await connections.ForgetPooledConnectionsAsync();
            context.Response.Clear();
            if (!safe)
            {
                body.Position = 0;
                context.Request.Body = body;
            }

            // The second run gets services of its own: the first run's authentication result (a failed account check
            // included) is cached per scope, as are its DbContext and workflow execution.
            var original = context.RequestServices;
            await using var retry = original.GetRequiredService<IServiceScopeFactory>().CreateAsyncScope();
            context.RequestServices = retry.ServiceProvider;
            try
            {
                await next(context);
            }
            finally
            {
                context.RequestServices = original;
            }
        }
    }
}
