using Mediator;

namespace Court.Application.Workflows;

/// <summary>
/// For every <see cref="IWorkflowCommand"/>: refuses a trigger the instance's current state does not permit (409,
/// naming the state and the permitted triggers) or that the caller's roles may not fire (403), before the handler runs.
/// </summary>
public sealed class WorkflowBehavior<TMessage, TResponse>(WorkflowRuntime runtime) : IPipelineBehavior<TMessage, TResponse>
    where TMessage : notnull, IMessage
{
    public async ValueTask<TResponse> Handle(TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken cancellationToken)
    {
        if (message is IWorkflowCommand command)
        {
            await runtime.EnsurePermittedAsync(command, cancellationToken);
        }

        return await next(message, cancellationToken);
    }
}
