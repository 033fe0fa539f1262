using Court.Application.Common;
using Court.Application.EventStore;
using Court.Application.Pipeline;
using Mediator;

namespace Court.Application.Archives.Verifying;

/// <summary>The archive administrator checks every stream's hash chain in the whole log; the first break of each broken stream is reported.</summary>
public sealed record VerifyLog : IQuery<LogVerification>;

/// <summary>Reveals no content, but walks the whole log: the system administrator, who keeps the archive.</summary>
public sealed class VerifyLogRule : IAuthorizationRule<VerifyLog>
{
    public ValueTask<AuthorizationOutcome> EvaluateAsync(VerifyLog message, ICallerContext caller, CancellationToken cancellationToken) =>
        ValueTask.FromResult(Access.RolesOnly(caller, Roles.SystemAdministrator));
}

public sealed class VerifyLogHandler(IEventStore store) : IQueryHandler<VerifyLog, LogVerification>
{
    public async ValueTask<LogVerification> Handle(VerifyLog query, CancellationToken cancellationToken) =>
        await store.VerifyStreamsAsync(null, null, cancellationToken);
}
