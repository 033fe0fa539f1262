using Court.Application.Common;
using Court.Application.Pipeline;
using Microsoft.Extensions.DependencyInjection;

namespace Court.Application.Fees;

/// <summary>A rule that lets the listed roles (and the system) send <typeparamref name="TMessage"/>; everyone else gets 403.</summary>
public sealed class RolesRule<TMessage>(params string[] roles) : IAuthorizationRule<TMessage>
{
    public IReadOnlyList<string> AllowedRoles { get; } = roles;

    public ValueTask<AuthorizationOutcome> EvaluateAsync(TMessage message, ICallerContext caller, CancellationToken cancellationToken) =>
        ValueTask.FromResult(caller.IsInRole(Roles.System) || AllowedRoles.Any(caller.IsInRole) ? AuthorizationOutcome.Allowed : AuthorizationOutcome.Forbidden);
}

public static class RolesRuleRegistration
{
    /// <summary>Only <paramref name="roles"/> may send <typeparamref name="TMessage"/>.</summary>
    public static IServiceCollection AllowRoles<TMessage>(this IServiceCollection services, params string[] roles) =>
        services.AddSingleton<IAuthorizationRule<TMessage>>(new RolesRule<TMessage>(roles));

    /// <summary>Court staff who work with fees: clerks, judges, the president and the system administrator.</summary>
    public static readonly string[] CourtStaff = [Roles.Clerk, Roles.Judge, Roles.CourtPresident, Roles.SystemAdministrator];
}
