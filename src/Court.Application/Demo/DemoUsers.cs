using Court.Application.Common;
using Court.Domain.Common;

namespace Court.Application.Demo;

/// <summary>A demo account: its user name, role, agency (agency officers only) and names to show.</summary>
public sealed record DemoUser(string UserName, string Role, string? Agency, string DisplayNameZh, string DisplayNameEn, string? Court = null)
{
    /// <summary>The pilot court: the demo clerk and judge work on its cases.</summary>
    public const string PilotCourt = "渝0116";

    /// <summary>The caller this user is when a seeder acts as him: same name, role and agency as his sign-in gives.</summary>
    public ICallerContext ToCaller(Guid correlationId) =>
        new FixedCaller(UserName, Agency, new HashSet<string>(StringComparer.Ordinal) { Role }, correlationId, court: Court);
}

/// <summary>The demo accounts seeded on first start (unless <c>Court:Demo:Enabled=false</c>), all with <see cref="Password"/>.</summary>
public static class DemoUsers
{
    public const string Password = "Court!2022";

    public static readonly DemoUser Clerk = new("clerk", Roles.Clerk, null, "李晓梅", "Li Xiaomei", DemoUser.PilotCourt);
    public static readonly DemoUser Judge = new("judge", Roles.Judge, null, "王建国", "Wang Jianguo", DemoUser.PilotCourt);
    public static readonly DemoUser Administrator = new("admin", Roles.Administrator, null, "陈志强", "Chen Zhiqiang");
    public static readonly DemoUser NaturalResources = new("nrb", Roles.AgencyOfficer, Agencies.NaturalResources.Code, "刘芳", "Liu Fang");
    public static readonly DemoUser VehicleOffice = new("psb", Roles.AgencyOfficer, Agencies.VehicleOffice.Code, "赵磊", "Zhao Lei");
    public static readonly DemoUser Bank = new("bank", Roles.AgencyOfficer, Agencies.Bank.Code, "孙丽", "Sun Li");
    public static readonly DemoUser MarketRegulation = new("market", Roles.AgencyOfficer, Agencies.MarketRegulation.Code, "周涛", "Zhou Tao");
    public static readonly DemoUser Supervisor = new("supervisor", Roles.SupervisionOfficer, Agencies.Supervision.Code, "吴敏", "Wu Min");
    public static readonly DemoUser Carrier = new("carrier", Roles.CarrierOperator, Agencies.PostalCarrier.Code, "郑海", "Zheng Hai");
    public static readonly DemoUser SystemAdministrator = new("sysadmin", Roles.SystemAdministrator, null, "黄伟", "Huang Wei");
    public static readonly DemoUser President = new("president", Roles.CourtPresident, null, "刘正义（院长）", "Liu Zhengyi (president)");

    /// <summary>An officer of a flagged debtor unit (白沙镇人民政府): sees and reports on that town's cases only.</summary>
    public static readonly DemoUser Town = new("town", Roles.DebtorUnitOfficer, Domain.GovernmentDebtors.SpecialParties.AgencyFor(GovernmentDebtors.Demo.GovernmentDebtDemoSeeder.TownCode), "刘洋（白沙镇政府）", "Liu Yang (Baisha town government)");

    public static readonly IReadOnlyList<DemoUser> All =
        [Clerk, Judge, Administrator, NaturalResources, VehicleOffice, Bank, MarketRegulation, Supervisor, Carrier, SystemAdministrator, President, Town];

    public static DemoUser Get(string userName) =>
        All.FirstOrDefault(u => u.UserName == userName) ?? throw new ArgumentException($"No demo user '{userName}'.", nameof(userName));
}
