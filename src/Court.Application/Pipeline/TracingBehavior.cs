using System.Diagnostics;
using Court.Application.Common;
using Mediator;
using Microsoft.Extensions.Logging;

namespace Court.Application.Pipeline;

/// <summary>One activity and one log scope per message, carrying the correlation id that also goes into event metadata.</summary>
public sealed partial class TracingBehavior<TMessage, TResponse>(ICallerContext caller, ILogger<TracingBehavior<TMessage, TResponse>> logger) : IPipelineBehavior<TMessage, TResponse>
    where TMessage : notnull, IMessage
{
    public static readonly ActivitySource Source = new("Court.Application");

    public async ValueTask<TResponse> Handle(TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken cancellationToken)
    {
        var name = typeof(TMessage).Name;
        using var activity = Source.StartActivity(name);
        activity?.SetTag("court.correlation_id", caller.CorrelationId);
        activity?.SetTag("court.user", caller.UserId);
        using var scope = logger.BeginScope(new Dictionary<string, object?> { ["CorrelationId"] = caller.CorrelationId, ["UserId"] = caller.UserId, ["Message"] = name });
        var started = Stopwatch.GetTimestamp();
        try
        {
            var response = await next(message, cancellationToken);
            LogHandled(logger, name, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            return response;
        }
        catch (Exception ex)
        {
            activity?.SetStatus(ActivityStatusCode.Error, ex.Message);
            LogRejected(logger, name, ex.GetType().Name, ex.Message);
            throw;
        }
    }

    // Debug: the demo seeding alone sends hundreds of commands; each is also a span, and a rejection stays at Information.
    [LoggerMessage(Level = LogLevel.Debug, Message = "{Message} handled in {ElapsedMs:F1} ms")]
    private static partial void LogHandled(ILogger logger, string message, double elapsedMs);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Message} rejected: {Error}: {Detail}")]
    private static partial void LogRejected(ILogger logger, string message, string error, string detail);
}
