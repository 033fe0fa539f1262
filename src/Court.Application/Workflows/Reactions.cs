using Court.Application.Common;
using Court.Application.EventStore;
using Court.Domain.Common;
using Mediator;
using Microsoft.Extensions.DependencyInjection;

namespace Court.Application.Workflows;

/// <summary>
/// A follow-up step in other streams that a domain event calls for (a letter after an approval, an agenda item after
/// an escalation). The process manager runs it after the event is durable, in log order, as the system caller; it may
/// run again after a crash, so it must be idempotent (deterministic ids, commands whose repeat is satisfied).
/// </summary>
public sealed record ReactionRegistration(string Name, Type EventType, Func<IDomainEvent, ReactionContext, CancellationToken, Task> React);

/// <summary>What a reaction works with: the event's place in the log, a scope acting as the process manager, and a way to send commands idempotently.</summary>
public sealed class ReactionContext(IServiceProvider services, RecordedEvent recorded, string reaction)
{
    /// <summary>The caller of every reaction: background code with role system.</summary>
    public const string UserId = "process-manager";

    public IServiceProvider Services { get; } = services;

    public RecordedEvent Event { get; } = recorded;

    /// <summary>
    /// Sends <paramref name="command"/> through Mediator (the whole pipeline). The events it appends get ids derived
    /// from this event, this reaction, the command's stream and type, so a repeat after a crash cannot append twice.
    /// </summary>
    public async Task<object?> SendAsync(IMessage command, CancellationToken cancellationToken)
    {
        var execution = Services.GetRequiredService<WorkflowExecution>();
        var target = command is IWorkflowCommand w ? w.WorkflowStreamId : command.GetType().Name;
        execution.IdempotencyKey = $"reaction:{Event.EventId:N}:{reaction}:{target}:{command.GetType().Name}";
        try
        {
            return await Services.GetRequiredService<ISender>().Send(command, cancellationToken);
        }
        catch (DuplicateEventIdException)
        {
            return null; // this very step was appended before a crash
        }
        finally
        {
            execution.IdempotencyKey = null;
        }
    }

    /// <summary>An id for something this reaction creates (a document): the same on every run.</summary>
    public Guid IdFor(string what) => DeterministicGuid.From($"court:reaction:{reaction}:{Event.EventId:N}:{what}");
}

/// <summary>
/// Follows the log from its stored checkpoint and runs the registered reactions for each event. Hosted as a
/// background service; a multi-node deployment runs it on the leader only (it is safe, but wasteful, on every node).
/// </summary>
public interface IProcessManager
{
    /// <summary>Runs reactions until the log is caught up; returns how many events had reactions. A failing reaction stops the pass (it is retried next time).</summary>
    Task<int> CatchUpAsync(CancellationToken cancellationToken);

    /// <summary>Returns once the reactions up to <paramref name="position"/> are done here, or after <paramref name="timeout"/> (they still happen later).</summary>
    Task WaitForAsync(long position, TimeSpan timeout, CancellationToken cancellationToken);
}

/// <summary>
/// After a command, waits (briefly) for the follow-up steps its events call for, so the caller's next read sees the
/// letters and notices the process manager issues. Not for the process manager's and the timer's own commands.
/// </summary>
public sealed class FollowUpBehavior<TMessage, TResponse>(WorkflowExecution execution, ICallerContext caller, IProcessManager manager, FollowUpSettings settings) : IPipelineBehavior<TMessage, TResponse>
    where TMessage : notnull, IMessage
{
    public async ValueTask<TResponse> Handle(TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken cancellationToken)
    {
        var response = await next(message, cancellationToken);
        if (execution.LastPosition is { } position && (execution.IdempotencyKey is null || execution.KeyFromRequest) && caller.UserId != ReactionContext.UserId)
        {
            await manager.WaitForAsync(position, settings.Wait, cancellationToken);
        }

        return response;
    }
}

public sealed class FollowUpSettings
{
    /// <summary>How long a command waits for its follow-up steps before answering anyway.</summary>
    public TimeSpan Wait { get; set; } = TimeSpan.FromSeconds(5);
}

/// <summary>Test seam: hooks around each reaction (throw to simulate a crash between the first write and the follow-up).</summary>
public sealed class ProcessManagerFaults
{
    public Func<RecordedEvent, string, Task>? BeforeReaction { get; set; }

    public Func<RecordedEvent, string, Task>? AfterReaction { get; set; }
}

public static class ReactionRegistrations
{
    /// <summary>Registers <paramref name="react"/> to run (once per event, possibly again after a crash) for every <typeparamref name="TEvent"/>.</summary>
    public static IServiceCollection AddReaction<TEvent>(this IServiceCollection services, string name, Func<TEvent, ReactionContext, CancellationToken, Task> react)
        where TEvent : IDomainEvent =>
        services.AddSingleton(new ReactionRegistration(name, typeof(TEvent), (e, context, ct) => react((TEvent)e, context, ct)));
}
