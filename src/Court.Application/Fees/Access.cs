namespace Court.Application.Fees;

public static class FeeAccess
{
    /// <summary>Court staff who work with fees: clerks, judges, the president and the system administrator.</summary>
    public static readonly string[] Staff = [Common.Roles.Clerk, Common.Roles.Judge, Common.Roles.CourtPresident, Common.Roles.SystemAdministrator];
}
