using Court.Application.Common;
using Court.Domain.Common;
using Mediator;

namespace Court.Application.Pipeline;

/// <summary>A message anyone may send, signed in or not (the public verification page).</summary>
public interface IAllowAnonymous;

public enum AuthorizationOutcome
{
    Allowed,

    /// <summary>The caller may see the resource but not do this: 403.</summary>
    Forbidden,

    /// <summary>The resource is not the caller's: 404, so its existence does not leak.</summary>
    Hidden,
}

/// <summary>One rule about who may send <typeparamref name="TMessage"/> for which resource. All registered rules must allow.</summary>
public interface IAuthorizationRule<in TMessage>
{
    ValueTask<AuthorizationOutcome> EvaluateAsync(TMessage message, ICallerContext caller, CancellationToken cancellationToken);
}

public sealed class NotAuthenticatedException() : Exception("Sign in first.");

public sealed class ForbiddenException(string message) : Exception(message);

public sealed class ResourceNotFoundException(string message) : Exception(message);

/// <summary>Every command and query passes here: anonymous callers are refused unless the message allows them, then each rule is asked.</summary>
public sealed class AuthorizationBehavior<TMessage, TResponse>(ICallerContext caller, IEnumerable<IAuthorizationRule<TMessage>> rules) : IPipelineBehavior<TMessage, TResponse>
    where TMessage : notnull, IMessage
{
    public async ValueTask<TResponse> Handle(TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken cancellationToken)
    {
        if (message is not IAllowAnonymous && !caller.IsAuthenticated)
        {
            throw new NotAuthenticatedException();
        }

        foreach (var rule in rules)
        {
            switch (await rule.EvaluateAsync(message, caller, cancellationToken))
            {
                case AuthorizationOutcome.Forbidden:
                    // Says who, not which internal message: type names are no part of the API.
                    throw new ForbiddenException(Language.English
                        ? $"The roles of {caller.UserId} do not allow this."
                        : $"{caller.UserId} 的角色不能执行此操作。");
                case AuthorizationOutcome.Hidden:
                    throw new ResourceNotFoundException("Not found.");
            }
        }

        return await next(message, cancellationToken);
    }
}
