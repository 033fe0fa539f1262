using Court.Application.Common;
using Court.Application.Pipeline;
using Court.Application.Projections;
using Microsoft.Extensions.DependencyInjection;

namespace Court.Application.SmallClaims;

/// <summary>A message about one small-claims case.</summary>
public interface ISmallClaimsCaseMessage
{
    string CaseId { get; }
}

/// <summary>
/// A case is its court's: clerks and judges of that court (see <see cref="Access.CanSee"/>) and the court president see
/// it, everyone else gets 404. Of those who see it, only <paramref name="roles"/> may send the message (403 otherwise);
/// with no roles (a workflow step, whose roles are its definition's) seeing it is enough here.
/// </summary>
public sealed class SmallClaimsCaseRule<TMessage>(IReadModels readModels, string[] roles) : DocumentRule<TMessage, SmallClaimsCaseView>(readModels)
    where TMessage : ISmallClaimsCaseMessage
{
    protected override string? IdOf(TMessage message) => message.CaseId;

    protected override AuthorizationOutcome Evaluate(TMessage message, SmallClaimsCaseView document, ICallerContext caller)
    {
        if (!caller.IsInRole(Roles.CourtPresident) && !Access.CanSee(caller, new ResourceParties(document.CourtCode)))
        {
            return AuthorizationOutcome.Hidden;
        }

        return roles.Length == 0 || caller.IsInRole(Roles.System) || roles.Any(caller.IsInRole) ? AuthorizationOutcome.Allowed : AuthorizationOutcome.Forbidden;
    }
}

public static class SmallClaimsCaseRuleRegistration
{
    public static IServiceCollection AllowOnCase<TMessage>(this IServiceCollection services, params string[] roles)
        where TMessage : ISmallClaimsCaseMessage =>
        services.AddScoped<IAuthorizationRule<TMessage>>(sp => new SmallClaimsCaseRule<TMessage>(sp.GetRequiredService<IReadModels>(), roles));
}
