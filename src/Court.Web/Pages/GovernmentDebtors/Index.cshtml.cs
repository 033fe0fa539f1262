using Court.Application.Common;
using Court.Application.GovernmentDebtors;
using Court.Application.Pipeline;
using Court.Application.Projections;
using Court.Domain.Common;
using Court.Web.Infrastructure;
using Court.Web.Pages.Fees;
using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Court.Web.Pages.GovernmentDebtors;

/// <summary>
/// One page, three readers. The supervision office: every flagged case by what is due (or by report due, meeting due,
/// outstanding, age), the units with their outstanding amounts and ageing, the departments, the month-end chart and a
/// CSV export. The court: the same docket with next step and date, and for the clerk the form that opens a case
/// (flagging the debtor from its credit code). A debtor unit: its own cases and what is due. Every list is a
/// server-side page.
/// </summary>
[Authorize(Roles = $"{Roles.Clerk},{Roles.Judge},{Roles.CourtPresident},{Roles.SupervisionOfficer},{Roles.DebtorUnitOfficer}")]
public sealed class IndexModel(ISender sender) : PageModel
{
    public static readonly string[] Sorts = ["next", "report-due", "meeting-due", "outstanding", "age"];

    public Page<GovernmentDebtEntry> Docket { get; private set; } = new([], null);

    public Page<GovernmentDebtorEntry> Units { get; private set; } = new([], null);

    public IReadOnlyList<GovernmentDebtDepartmentEntry> Departments { get; private set; } = [];

    public IReadOnlyList<GovernmentDebtMonthEntry> Totals { get; private set; } = [];

    public string Sort { get; private set; } = "next";

    public string? Q { get; private set; }

    public bool IsUnit => User.IsInRole(Roles.DebtorUnitOfficer);

    public bool IsOffice => !IsUnit;

    public bool MayOpen => User.IsInRole(Roles.Clerk);

    /// <summary>The opening form's inputs, named as <see cref="OpenGovernmentDebtEnforcementCase"/>'s properties (the validator names them back).</summary>
    public static readonly (string Name, string Zh, string En, string Type, bool Required)[] OpenFields =
    [
        ("CaseNumber", "执行案号", "Case number (执)", "text", true),
        ("JudgmentNumber", "执行依据文号", "Judgment number", "text", true),
        ("JudgmentDate", "裁判日期", "Judgment date", "date", true),
        ("JudgmentEffectiveOn", "生效日期", "Effective on", "date", true),
        ("CreditorName", "申请执行人", "Creditor", "text", true),
        ("DebtorName", "被执行人", "Debtor", "text", true),
        ("DebtorCreditCode", "统一社会信用代码", "Unified social credit code", "text", true),
        ("SupervisingUnit", "主管单位", "Supervising unit", "text", true),
        ("Amount", "执行标的（元）", "Amount due (yuan)", "number", true),
        ("InterestRatePercent", "年利率（%）", "Yearly interest (%)", "number", false),
        ("InterestFrom", "利息起算日", "Interest from", "date", false),
        ("LeaderName", "责任领导", "Responsible leader", "text", false),
        ("LeaderPost", "领导职务", "Leader's post", "text", false),
        ("HandlerName", "经办人", "Handler", "text", false),
        ("HandlerPost", "经办人职务", "Handler's post", "text", false),
        ("HandlerPhone", "经办人电话", "Handler's phone", "text", false),
    ];

    /// <summary>What was typed into the opening form when it was refused.</summary>
    public string? Typed(string field) => Request.HasFormContentType ? Request.Form[field].ToString() : null;

    public async Task<IActionResult> OnPostOpenAsync(OpenGovernmentDebtEnforcementCase open, CancellationToken cancellationToken)
    {
        if (ModelState.IsValid)
        {
            try
            {
                var opened = await sender.Send(open, cancellationToken);
                return RedirectToPage("Case", new { id = opened.Id });
            }
            catch (ValidationException validation)
            {
                validation.AddTo(ModelState);
            }
            catch (DomainException domain)
            {
                ModelState.AddModelError(string.Empty, Localized.Of(domain.Error));
            }
            catch (ForbiddenException)
            {
                return Forbid();
            }
        }

        await OnGetAsync(null, null, null, null, cancellationToken);
        return Page();
    }

    public async Task OnGetAsync(string? sort, string? after, string? q, string? unitsAfter, CancellationToken cancellationToken)
    {
        Sort = Sorts.Contains(sort) ? sort! : "next";
        Q = q;
        try
        {
            var descending = Sort is "outstanding";
            Docket = await sender.Send(new GetGovernmentDebtDocket(new PageParameters(Limit: 50, After: after, Sort: descending ? "-" + Sort : Sort, Q: q)), cancellationToken);
            Units = await sender.Send(new ListGovernmentDebtors(new PageParameters(Limit: 20, After: unitsAfter, Sort: "-outstanding")), cancellationToken);
            if (IsOffice)
            {
                Departments = await sender.Send(new ListGovernmentDebtDepartments(), cancellationToken);
                Totals = await sender.Send(new GetGovernmentDebtTotals(), cancellationToken);
            }
        }
        catch (ValidationException validation)
        {
            validation.AddTo(ModelState);
        }
    }
}
