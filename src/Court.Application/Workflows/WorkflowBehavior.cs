using Mediator;

namespace Court.Application.Workflows;

/// <summary>
/// For every <see cref="IWorkflowCommand"/>, before the handler: 404 when no workflow runs on its stream, 403 when
/// the current state has the trigger but the caller holds none of its roles. The handler's one command path checks
/// again atomically and applies the repeat rule.
/// </summary>
public sealed class WorkflowBehavior<TMessage, TResponse>(WorkflowRuntime runtime) : IPipelineBehavior<TMessage, TResponse>
    where TMessage : notnull, IMessage
{
    public async ValueTask<TResponse> Handle(TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken cancellationToken)
    {
        if (message is IWorkflowCommand command)
        {
            await runtime.EnsureMayFireAsync(command, cancellationToken);
        }

        return await next(message, cancellationToken);
    }
}
