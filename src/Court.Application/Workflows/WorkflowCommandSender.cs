using Mediator;
using Microsoft.Extensions.DependencyInjection;

namespace Court.Application.Workflows;

/// <summary>How the timer service sends an expiry command: through Mediator (the pipeline included) in the given scope.</summary>
public interface IWorkflowCommandSender
{
    ValueTask SendAsync(object command, IServiceProvider scope, CancellationToken cancellationToken);
}

public sealed class MediatorWorkflowCommandSender : IWorkflowCommandSender
{
    public async ValueTask SendAsync(object command, IServiceProvider scope, CancellationToken cancellationToken) =>
        await scope.GetRequiredService<ISender>().Send(command, cancellationToken);
}
