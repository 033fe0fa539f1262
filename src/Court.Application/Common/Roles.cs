namespace Court.Application.Common;

/// <summary>The roles staff and agency accounts hold. Stored as role names in Identity and in tokens.</summary>
public static class Roles
{
    public const string Clerk = "clerk";
    public const string Judge = "judge";
    public const string Administrator = "administrator";
    public const string AgencyOfficer = "agency-officer";
    public const string SupervisionOfficer = "supervision-officer";
    public const string CarrierOperator = "carrier-operator";
    public const string SystemAdministrator = "system-administrator";

    /// <summary>The court president (院长): approves what the law reserves to him, such as extending a small-claims limit.</summary>
    public const string CourtPresident = "court-president";

    /// <summary>An officer of a flagged government debtor (a town government, a bureau): sees and reports on its own unit's cases only.</summary>
    public const string DebtorUnitOfficer = "debtor-unit-officer";

    /// <summary>A party's lawyer (诉讼代理人): reads, for the cases he is registered in as an agent, what was served on his client and the deadlines running from it.</summary>
    public const string Lawyer = "lawyer";

    /// <summary>Background services (timers, seeding) act under this role.</summary>
    public const string System = "system";

    public static readonly IReadOnlyList<string> All = [Clerk, Judge, Administrator, AgencyOfficer, SupervisionOfficer, CarrierOperator, SystemAdministrator, CourtPresident, DebtorUnitOfficer, Lawyer];
}
