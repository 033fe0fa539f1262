using Court.Application.Common;
using Court.Application.GovernmentDebtors;
using Court.Application.Pipeline;
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
/// One case: what is owed today, what is due (reports, meetings, the day to perform by), the payment record, the
/// documents issued, the listing; the debtor unit files its monthly report here.
/// </summary>
[Authorize(Roles = $"{Roles.Clerk},{Roles.Judge},{Roles.CourtPresident},{Roles.SupervisionOfficer},{Roles.DebtorUnitOfficer}")]
public sealed class CaseModel(ISender sender) : PageModel
{
    public GovernmentDebtCaseDetail Case { get; private set; } = null!;

    public bool MayReport => User.IsInRole(Roles.DebtorUnitOfficer) && !Case.Final && Case.SupervisionStartedOn is not null;

    [BindProperty]
    public DateOnly? Month { get; set; }

    [BindProperty]
    public decimal? Paid { get; set; }

    [BindProperty]
    public string? Progress { get; set; }

    [BindProperty]
    public string? Plan { get; set; }

    public string? Message { get; private set; }

    public async Task<IActionResult> OnGetAsync(string id, CancellationToken cancellationToken) => await LoadAsync(id, cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostReportAsync(string id, CancellationToken cancellationToken)
    {
        try
        {
            await sender.Send(new SubmitGovernmentDebtReport(id, Month, Paid ?? 0m, Progress, Plan), cancellationToken);
            Message = "submitted";
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

        return await LoadAsync(id, cancellationToken) ? Page() : NotFound();
    }

    private async Task<bool> LoadAsync(string id, CancellationToken cancellationToken)
    {
        try
        {
            Case = await sender.Send(new GetGovernmentDebtCase(id), cancellationToken);
            Month ??= Case.Reports.FirstOrDefault(r => !r.Submitted)?.Month;
            return true;
        }
        catch (Exception e) when (e is ResourceNotFoundException or DomainException)
        {
            return false;
        }
    }
}
