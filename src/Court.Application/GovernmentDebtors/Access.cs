using Court.Application.Common;
using Court.Application.Pipeline;
using Court.Application.Projections;
using Microsoft.Extensions.DependencyInjection;

namespace Court.Application.GovernmentDebtors;

/// <summary>
/// Who sees government-debtor cases: court staff and the president their own court's cases (the court rule of
/// <see cref="Access.InOwnCourt"/>), the supervision / credit office every flagged case of every court (it supervises
/// the district's units, whichever court's judgment they owe under), and a debtor unit's officers their own unit's
/// cases only. Any other agency sees nothing: its list queries are refused and a case it names is "not found".
/// </summary>
public static class GovernmentDebtAccess
{
    private static bool SeesEveryCourt(ICallerContext caller) => caller.IsInRole(Roles.System) || caller.IsInRole(Roles.SupervisionOfficer);

    private static bool IsCourtSide(ICallerContext caller) => Access.IsCourtStaff(caller) || caller.IsInRole(Roles.CourtPresident);

    public static bool IsUnit(ICallerContext caller) => caller.IsInRole(Roles.DebtorUnitOfficer) && caller.Agency is { Length: > 0 };

    /// <summary>May the caller see a case owed by <paramref name="debtorAgency"/> in <paramref name="court"/> (null: a unit's record, of no one court)?</summary>
    public static bool CanSee(ICallerContext caller, string debtorAgency, string? court) =>
        SeesEveryCourt(caller)
        || (IsCourtSide(caller) && Access.InOwnCourt(caller, court))
        || (IsUnit(caller) && string.Equals(caller.Agency, debtorAgency, StringComparison.Ordinal));

    /// <summary>The partition a list is limited to: the unit's own; null (all) for the court and the supervision office.</summary>
    public static string? PartitionOf(ICallerContext caller) => SeesEveryCourt(caller) || IsCourtSide(caller) ? null : caller.Agency;

    /// <summary>The court a case list is limited to: the caller's own for court staff and the president; null (every court) for the others.</summary>
    public static string? CourtOf(ICallerContext caller) => !SeesEveryCourt(caller) && IsCourtSide(caller) ? caller.Court : null;

    public static readonly string[] Readers = [Roles.Clerk, Roles.Judge, Roles.CourtPresident, Roles.SupervisionOfficer, Roles.DebtorUnitOfficer];
}

/// <summary>A case is hidden (404) from those who may not see it; of those who may, only <paramref name="roles"/> may send (none: a step, whose roles are its definition's).</summary>
public sealed class GovernmentDebtCaseRule<TMessage>(IReadModels readModels, string[] roles) : DocumentRule<TMessage, GovernmentDebtCaseView>(readModels)
    where TMessage : IGovernmentDebtCaseMessage
{
    protected override string? IdOf(TMessage message) => message.CaseId;

    protected override AuthorizationOutcome Evaluate(TMessage message, GovernmentDebtCaseView document, ICallerContext caller) =>
        !GovernmentDebtAccess.CanSee(caller, document.Case.DebtorAgency, document.Case.CourtCode) ? AuthorizationOutcome.Hidden
        : roles.Length == 0 || caller.IsInRole(Roles.System) || roles.Any(caller.IsInRole) ? AuthorizationOutcome.Allowed
        : AuthorizationOutcome.Forbidden;
}

/// <summary>The same for a flagged unit, by its credit code.</summary>
public sealed class GovernmentDebtorRule<TMessage>(IReadModels readModels, string[] roles) : DocumentRule<TMessage, GovernmentDebtorView>(readModels)
    where TMessage : IGovernmentDebtorMessage
{
    protected override string? IdOf(TMessage message) => message.CreditCode;

    protected override AuthorizationOutcome Evaluate(TMessage message, GovernmentDebtorView document, ICallerContext caller) =>
        !GovernmentDebtAccess.CanSee(caller, Domain.GovernmentDebtors.SpecialParties.AgencyFor(document.Id), court: null) ? AuthorizationOutcome.Hidden
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
