using Court.Application.Common;
using Court.Application.Pipeline;
using Court.Application.Projections;
using Microsoft.Extensions.DependencyInjection;

namespace Court.Application.GovernmentDebtors;

/// <summary>
/// Who sees government-debtor cases: court staff and the president (the court's own cases), the supervision / credit
/// office (every flagged case), and a debtor unit's officers (their own unit's cases only). Any other agency sees
/// nothing: its list queries are refused and a case it names is "not found".
/// </summary>
public static class GovernmentDebtAccess
{
    public static bool SeesAll(ICallerContext caller) =>
        caller.IsInRole(Roles.System) || caller.IsInRole(Roles.Clerk) || caller.IsInRole(Roles.Judge) || caller.IsInRole(Roles.CourtPresident) || caller.IsInRole(Roles.SupervisionOfficer);

    public static bool IsUnit(ICallerContext caller) => caller.IsInRole(Roles.DebtorUnitOfficer) && caller.Agency is { Length: > 0 };

    public static bool CanSee(ICallerContext caller, string debtorAgency) =>
        SeesAll(caller) || (IsUnit(caller) && string.Equals(caller.Agency, debtorAgency, StringComparison.Ordinal));

    /// <summary>The partition a list is limited to: the unit's own; null (all) for those who see all.</summary>
    public static string? PartitionOf(ICallerContext caller) => SeesAll(caller) ? null : caller.Agency;

    public static readonly string[] Readers = [Roles.Clerk, Roles.Judge, Roles.CourtPresident, Roles.SupervisionOfficer, Roles.DebtorUnitOfficer];
}

/// <summary>A case is hidden (404) from those who may not see it; of those who may, only <paramref name="roles"/> may send (none: a step, whose roles are its definition's).</summary>
public sealed class GovernmentDebtCaseRule<TMessage>(IReadModels readModels, string[] roles) : DocumentRule<TMessage, GovernmentDebtCaseView>(readModels)
    where TMessage : IGovernmentDebtCaseMessage
{
    protected override string? IdOf(TMessage message) => message.CaseId;

    protected override AuthorizationOutcome Evaluate(TMessage message, GovernmentDebtCaseView document, ICallerContext caller) =>
        !GovernmentDebtAccess.CanSee(caller, document.Case.DebtorAgency) ? AuthorizationOutcome.Hidden
        : roles.Length == 0 || caller.IsInRole(Roles.System) || roles.Any(caller.IsInRole) ? AuthorizationOutcome.Allowed
        : AuthorizationOutcome.Forbidden;
}

/// <summary>The same for a flagged unit, by its credit code.</summary>
public sealed class GovernmentDebtorRule<TMessage>(IReadModels readModels, string[] roles) : DocumentRule<TMessage, GovernmentDebtorView>(readModels)
    where TMessage : IGovernmentDebtorMessage
{
    protected override string? IdOf(TMessage message) => message.CreditCode;

    protected override AuthorizationOutcome Evaluate(TMessage message, GovernmentDebtorView document, ICallerContext caller) =>
        !GovernmentDebtAccess.CanSee(caller, Domain.GovernmentDebtors.SpecialParties.AgencyFor(document.Id)) ? AuthorizationOutcome.Hidden
        : caller.IsInRole(Roles.System) || roles.Any(caller.IsInRole) ? AuthorizationOutcome.Allowed
        : AuthorizationOutcome.Forbidden;
}

public static class GovernmentDebtRuleRegistration
{
    public static IServiceCollection AllowOnGovernmentDebtCase<TMessage>(this IServiceCollection services, params string[] roles)
        where TMessage : IGovernmentDebtCaseMessage =>
        services.AddScoped<IAuthorizationRule<TMessage>>(sp => new GovernmentDebtCaseRule<TMessage>(sp.GetRequiredService<IReadModels>(), roles));

    public static IServiceCollection AllowOnGovernmentDebtor<TMessage>(this IServiceCollection services, params string[] roles)
        where TMessage : IGovernmentDebtorMessage =>
        services.AddScoped<IAuthorizationRule<TMessage>>(sp => new GovernmentDebtorRule<TMessage>(sp.GetRequiredService<IReadModels>(), roles));
}
