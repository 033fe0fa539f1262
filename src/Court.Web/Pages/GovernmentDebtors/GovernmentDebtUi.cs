using System.Globalization;
using Court.Application.Common;
using Court.Web.Ui;

namespace Court.Web.Pages.GovernmentDebtors;

/// <summary>Formatting and navigation for the government-debtor pages.</summary>
public static class GovernmentDebtUi
{
    public static string Yuan(decimal amount) => "¥" + amount.ToString("N2", CultureInfo.InvariantCulture);

    public static string Date(DateOnly? day) => day?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "—";

    public static string Title(string zh, string en) => CourtCulture.IsChinese ? zh : en;

    /// <summary>What the next step is, in the reader's language.</summary>
    public static string Step(string code) => code switch
    {
        "removal" => Title("删除失信信息", "Removal from the list"),
        "correction-review" => Title("审查纠正申请", "Review of the correction request"),
        "correction" => Title("纠正失信信息", "Correction of the listing"),
        "reconsideration" => Title("复议决定", "Reconsideration decision"),
        "perform-by" => Title("督办履行期限", "Day to perform by"),
        "report" => Title("月度履行情况报告", "Monthly report"),
        "meeting" => Title("府院协调会", "Coordination meeting"),
        "measures-allowed" => Title("可采取强制措施", "Measures allowed from"),
        "closed" => Title("已结案", "Closed"),
        _ => Title("办理本阶段事项", "This stage's step"),
    };

    public static IServiceCollection AddGovernmentDebtUi(this IServiceCollection services)
    {
        services.AddNavEntry(new NavEntry("/GovernmentDebtors", "涉党政机关执行", "Government debtors", [Roles.Clerk, Roles.Judge, Roles.CourtPresident, Roles.SupervisionOfficer, Roles.DebtorUnitOfficer], Order: 520));
        services.AddTaskLink(Domain.GovernmentDebtors.GovernmentDebtCase.StreamPrefix, id => "/GovernmentDebtors/Case/" + id, Roles.Clerk, Roles.Judge, Roles.CourtPresident, Roles.SupervisionOfficer, Roles.DebtorUnitOfficer);
        return services;
    }
}
