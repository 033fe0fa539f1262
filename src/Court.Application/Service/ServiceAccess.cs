using Court.Application.Common;
using Court.Application.Pipeline;
using Court.Application.Projections;
using Microsoft.Extensions.DependencyInjection;

namespace Court.Application.Service;

/// <summary>
/// A service file is its court's: its clerks and judges and the court president see it; the carrier that takes the
/// court's judicial express may report on files that have its waybills; a message registered with <c>agent</c> may
/// also be read by a lawyer registered as an agent (by his sign-in). Everyone else gets 404. Which roles may take a
/// step is the definition's. A lawyer reads his cases through <see cref="GetLawyerCase"/>, which shows his client's
/// side only.
/// </summary>
public sealed class ServiceFileRule<TMessage>(IReadModels readModels, ServiceSettings settings, bool carrierMay, bool agentMay) : DocumentRule<TMessage, ServiceFileView>(readModels)
    where TMessage : IServiceFileMessage
{
    protected override string? IdOf(TMessage message) => message.CaseId;

    protected override AuthorizationOutcome Evaluate(TMessage message, ServiceFileView document, ICallerContext caller)
    {
        if (caller.IsInRole(Roles.System) || caller.IsInRole(Roles.CourtPresident) || Access.CanSee(caller, new ResourceParties(document.CourtCode)))
        {
            return AuthorizationOutcome.Allowed;
        }

        if (carrierMay && caller.IsInRole(Roles.CarrierOperator) && caller.Agency == settings.ExpressCarrier && document.Services.Any(s => s.Ordered.Waybill is not null))
        {
            return AuthorizationOutcome.Allowed;
        }

        return agentMay && document.AgentUsers.Contains(caller.UserId, StringComparer.Ordinal) ? AuthorizationOutcome.Allowed : AuthorizationOutcome.Hidden;
    }
}

public static class ServiceRuleRegistration
{
    public static IServiceCollection AllowOnServiceFile<TMessage>(this IServiceCollection services, bool carrier = false, bool agent = false)
        where TMessage : IServiceFileMessage =>
        services.AddScoped<IAuthorizationRule<TMessage>>(sp => new ServiceFileRule<TMessage>(sp.GetRequiredService<IReadModels>(), sp.GetRequiredService<ServiceSettings>(), carrier, agent));
}
