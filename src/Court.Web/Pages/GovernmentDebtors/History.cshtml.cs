using Court.Application.Common;
using Court.Application.GovernmentDebtors;
using Court.Application.Pipeline;
using Court.Application.Projections;
using Court.Domain.Common;
using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Court.Web.Pages.GovernmentDebtors;

/// <summary>One case's history, oldest first, a page at a time: who did what and when, in words.</summary>
[Authorize(Roles = $"{Roles.Clerk},{Roles.Judge},{Roles.CourtPresident},{Roles.SupervisionOfficer},{Roles.DebtorUnitOfficer}")]
public sealed class HistoryModel(ISender sender) : PageModel
{
    public const int PageSize = 50;

    public GovernmentDebtCaseDetail Case { get; private set; } = null!;

    public Page<GovernmentDebtHistoryEntry> Entries { get; private set; } = new([], null);

    public async Task<IActionResult> OnGetAsync(string id, string? after, CancellationToken cancellationToken)
    {
        try
        {
            // The case first: it decides whether the caller may see it at all (a unit only its own).
            Case = await sender.Send(new GetGovernmentDebtCase(id), cancellationToken);
            Entries = await sender.Send(new GetGovernmentDebtHistory(id, new PageParameters(Limit: PageSize, After: after)), cancellationToken);
        }
        catch (Exception e) when (e is ResourceNotFoundException or DomainException)
        {
            return NotFound();
        }
        catch (FluentValidation.ValidationException)
        {
            // A cursor from another list or an old link: start again from the first page.
            return RedirectToPage(new { id });
        }

        return Page();
    }
}
