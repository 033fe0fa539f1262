using Court.Application.Common;
using Court.Domain.Common;

namespace Court.Application.Demo;

/// <summary>A demo account: its user name, role, agency (agency officers only), names to show, and the title and office phone documents print.</summary>
public sealed record DemoUser(string UserName, string Role, string? Agency, string DisplayNameZh, string DisplayNameEn, string? Court = null, string? Title = null, string? OfficePhone = null)
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

    public static readonly DemoUser Clerk = new("clerk", Roles.Clerk, null, "李晓梅", "Li Xiaomei", DemoUser.PilotCourt, "书记员", "023-47520116");
    public static readonly DemoUser Judge = new("judge", Roles.Judge, null, "王建国", "Wang Jianguo", DemoUser.PilotCourt, "审判员", "023-47520118");
    public static readonly DemoUser Administrator = new("admin", Roles.Administrator, null, "陈志强", "Chen Zhiqiang", Title: "破产管理人", OfficePhone: "023-47861234");
    public static readonly DemoUser NaturalResources = new("nrb", Roles.AgencyOfficer, Agencies.NaturalResources.Code, "刘芳", "Liu Fang", Title: "登记科科员", OfficePhone: "023-47528801");
    public static readonly DemoUser VehicleOffice = new("psb", Roles.AgencyOfficer, Agencies.VehicleOffice.Code, "赵磊", "Zhao Lei", Title: "车管所民警", OfficePhone: "023-47528802");
    public static readonly DemoUser Bank = new("bank", Roles.AgencyOfficer, Agencies.Bank.Code, "孙丽", "Sun Li", Title: "司法协助专员", OfficePhone: "023-47528803");
    public static readonly DemoUser MarketRegulation = new("market", Roles.AgencyOfficer, Agencies.MarketRegulation.Code, "周涛", "Zhou Tao", Title: "登记注册科科员", OfficePhone: "023-47528804");
    public static readonly DemoUser Supervisor = new("supervisor", Roles.SupervisionOfficer, Agencies.Supervision.Code, "吴敏", "Wu Min", Title: "督查专员", OfficePhone: "023-47528805");
    public static readonly DemoUser Carrier = new("carrier", Roles.CarrierOperator, Agencies.PostalCarrier.Code, "郑海", "Zheng Hai", Title: "投递员", OfficePhone: "023-47528806");
    public static readonly DemoUser SystemAdministrator = new("sysadmin", Roles.SystemAdministrator, null, "黄伟", "Huang Wei", Title: "系统管理员", OfficePhone: "023-47520100");
    public static readonly DemoUser President = new("president", Roles.CourtPresident, null, "刘正义", "Liu Zhengyi", DemoUser.PilotCourt, "院长", "023-47520101");

    /// <summary>An officer of a flagged debtor unit (白沙镇人民政府): sees and reports on that town's cases only.</summary>
    public static readonly DemoUser Town = new("town", Roles.DebtorUnitOfficer, Domain.GovernmentDebtors.SpecialParties.AgencyFor(GovernmentDebtors.Demo.GovernmentDebtDemoSeeder.TownCode), "刘洋", "Liu Yang", Title: "党政办主任", OfficePhone: "023-47551002");

    /// <summary>A lawyer of a Jiangjin firm; the service demo registers him as the plaintiff's agent in some cases.</summary>
    public static readonly DemoUser Lawyer = new("lawyer", Roles.Lawyer, null, "何静", "He Jing", Title: "律师", OfficePhone: "023-47561234");

    /// <summary>The demo lawyer's practising certificate number (17 digits: type 1, Chongqing 50, full-time).</summary>
    public const string LawyerLicence = "15001201810100001";

    public const string LawyerFirm = "重庆渝津律师事务所";

    public static readonly IReadOnlyList<DemoUser> All =
        [Clerk, Judge, Administrator, NaturalResources, VehicleOffice, Bank, MarketRegulation, Supervisor, Carrier, SystemAdministrator, President, Town, Lawyer];

    public static DemoUser Get(string userName) =>
        All.FirstOrDefault(u => u.UserName == userName) ?? throw new ArgumentException($"No demo user '{userName}'.", nameof(userName));
}
