using Court.Application.Common;
using Court.Application.Pipeline;

namespace Court.Application.Bankruptcy;

/// <summary>Who may do what in bankruptcy, by role. Resource rules (whose estate, whose notice) sit beside each slice.</summary>
public static class BankruptcyAccess
{
    public static bool IsCourtStaff(ICallerContext caller) =>
        caller.IsInRole(Roles.Judge) || caller.IsInRole(Roles.Clerk) || caller.IsInRole(Roles.System);

    public static AuthorizationOutcome CourtStaffOnly(ICallerContext caller) =>
        IsCourtStaff(caller) ? AuthorizationOutcome.Allowed : AuthorizationOutcome.Forbidden;

    public static AuthorizationOutcome JudgeOnly(ICallerContext caller) =>
        caller.IsInRole(Roles.Judge) || caller.IsInRole(Roles.System) ? AuthorizationOutcome.Allowed : AuthorizationOutcome.Forbidden;
}
