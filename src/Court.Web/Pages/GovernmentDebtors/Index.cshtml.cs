using Court.Application.Common;
using Court.Application.GovernmentDebtors;
using Court.Application.Projections;
using Court.Web.Pages.Fees;
using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Court.Web.Pages.GovernmentDebtors;

/// <summary>
/// One page, three readers. The supervision office: every flagged case by what is due (or by report due, meeting due,
/// outstanding, age), the units with their outstanding amounts and ageing, the departments, the month-end chart and a
/// CSV export. The court: the same docket with next step and date. A debtor unit: its own cases and what is due.
/// Every list is a server-side page.
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
