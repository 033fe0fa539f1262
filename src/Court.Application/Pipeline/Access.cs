using Court.Application.Common;
using Court.Application.Projections;
using Microsoft.Extensions.DependencyInjection;

namespace Court.Application.Pipeline;

/// <summary>
/// Who a resource (a case, an estate, a notice) belongs to: the court whose case it is, the administrator appointed to
/// it, and the agencies it is addressed to. A slice builds one from its aggregate state or read model.
/// </summary>
public sealed record ResourceParties(string? Court = null, string? AdministratorUserId = null, IReadOnlyCollection<string>? Agencies = null)
{
    public static ResourceParties AddressedTo(params string[] agencies) => new(Agencies: agencies);
}

/// <summary>
/// The shared resource rules. "Not yours" is <see cref="AuthorizationOutcome.Hidden"/> (404: existence does not leak);
/// "yours, but not something your role may do" is <see cref="AuthorizationOutcome.Forbidden"/> (403).
/// </summary>
public static class Access
{
    public static bool IsCourtStaff(ICallerContext caller) => caller.IsInRole(Roles.Clerk) || caller.IsInRole(Roles.Judge);

    /// <summary>
    /// May the caller see the resource at all? Background code (role system) sees everything; clerks and judges see
    /// their court's cases (all, when the caller or the resource names no court); an administrator the estates he is
    /// appointed to; an agency officer, supervision officer or carrier what is addressed to his agency. Nobody else.
    /// </summary>
    public static bool CanSee(ICallerContext caller, ResourceParties parties)
    {
        if (caller.IsInRole(Roles.System))
        {
            return true;
        }

        if (IsCourtStaff(caller) && InOwnCourt(caller, parties.Court))
        {
            return true;
        }

        if (caller.IsInRole(Roles.Administrator) && parties.AdministratorUserId is not null
            && string.Equals(caller.UserId, parties.AdministratorUserId, StringComparison.Ordinal))
        {
            return true;
        }

        return caller.Agency is not null && parties.Agencies is not null && parties.Agencies.Contains(caller.Agency, StringComparer.Ordinal);
    }

    /// <summary>Is <paramref name="court"/> the caller's court? Also when the caller or the resource names no court: the one court rule reads and writes share.</summary>
    public static bool InOwnCourt(ICallerContext caller, string? court) =>
        caller.Court is null || court is null || string.Equals(caller.Court, court, StringComparison.Ordinal);

    /// <summary>Reading a resource: allowed when the caller can see it, hidden otherwise.</summary>
    public static AuthorizationOutcome See(ICallerContext caller, ResourceParties parties) =>
        CanSee(caller, parties) ? AuthorizationOutcome.Allowed : AuthorizationOutcome.Hidden;

    /// <summary>
    /// Acting on a resource: hidden when the caller cannot see it; forbidden when he can but holds none of
    /// <paramref name="roles"/>; allowed otherwise. Background code (role system) may always act.
    /// </summary>
    public static AuthorizationOutcome Act(ICallerContext caller, ResourceParties parties, params string[] roles)
    {
        if (!CanSee(caller, parties))
        {
            return AuthorizationOutcome.Hidden;
        }

        return caller.IsInRole(Roles.System) || roles.Any(caller.IsInRole) ? AuthorizationOutcome.Allowed : AuthorizationOutcome.Forbidden;
    }

    /// <summary>A command with no resource yet (opening a case): only these roles, 403 for anyone else.</summary>
    public static AuthorizationOutcome RolesOnly(ICallerContext caller, params string[] roles) =>
        caller.IsInRole(Roles.System) || roles.Any(caller.IsInRole) ? AuthorizationOutcome.Allowed : AuthorizationOutcome.Forbidden;

    /// <summary>
    /// The read-model partition a list query is limited to: the agency code for agency-bound callers, the user name for
    /// an administrator; null (no limit) for court staff and background code. Project documents with the same partition.
    /// </summary>
    public static string? PartitionOf(ICallerContext caller) =>
        caller.IsInRole(Roles.System) || IsCourtStaff(caller) ? null
        : caller.Agency ?? caller.UserId;
}

/// <summary>A rule that loads the read-model document a message names and judges the caller against it. A document that does not exist is hidden (404) like one that is not the caller's.</summary>
public abstract class DocumentRule<TMessage, TDocument>(IReadModels readModels) : IAuthorizationRule<TMessage>
    where TDocument : class
{
    public async ValueTask<AuthorizationOutcome> EvaluateAsync(TMessage message, ICallerContext caller, CancellationToken cancellationToken)
    {
        if (IdOf(message) is not { Length: > 0 } id)
        {
            return AuthorizationOutcome.Allowed;
        }

        return await readModels.GetAsync<TDocument>(id, cancellationToken) is { } document
            ? Evaluate(message, document, caller)
            : AuthorizationOutcome.Hidden;
    }

    protected abstract string? IdOf(TMessage message);

    protected abstract AuthorizationOutcome Evaluate(TMessage message, TDocument document, ICallerContext caller);
}

/// <summary>A message any signed-in caller may send (his own inbox, his own profile): it needs no resource rule.</summary>
public interface IAnySignedInCaller;

public static class AuthorizationRegistration
{
    /// <summary>Registers a rule as scoped, so it may use the aggregate store or read models of the request.</summary>
    public static IServiceCollection AddAuthorizationRule<TMessage, TRule>(this IServiceCollection services)
        where TRule : class, IAuthorizationRule<TMessage> =>
        services.AddScoped<IAuthorizationRule<TMessage>, TRule>();

    /// <summary>A message with no resource (opening a case, a court-wide list): these roles (and the system) only, 403 for anyone else.</summary>
    public static IServiceCollection AllowRoles<TMessage>(this IServiceCollection services, params string[] roles) =>
        services.AddSingleton<IAuthorizationRule<TMessage>>(new RolesRule<TMessage>(roles));

    /// <summary>A message anyone may send, signed in or not (the public list).</summary>
    public static IServiceCollection AllowAnyone<TMessage>(this IServiceCollection services) =>
        services.AddSingleton<IAuthorizationRule<TMessage>>(new AnyoneRule<TMessage>());

    private sealed class RolesRule<TMessage>(string[] roles) : IAuthorizationRule<TMessage>
    {
        public ValueTask<AuthorizationOutcome> EvaluateAsync(TMessage message, ICallerContext caller, CancellationToken cancellationToken) =>
            ValueTask.FromResult(Access.RolesOnly(caller, roles));
    }

    private sealed class AnyoneRule<TMessage> : IAuthorizationRule<TMessage>
    {
        public ValueTask<AuthorizationOutcome> EvaluateAsync(TMessage message, ICallerContext caller, CancellationToken cancellationToken) =>
            ValueTask.FromResult(AuthorizationOutcome.Allowed);
    }
}
