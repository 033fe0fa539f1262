using Court.Application.Bankruptcy;
using Court.Application.Bankruptcy.Cases;
using Court.Application.Common;
using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Court.Web.Pages.Bankruptcy;

/// <summary>Bankruptcy cases: an administrator's estates, or all for court staff; clerks and judges register new ones here.</summary>
[Authorize(Roles = $"{Roles.Clerk},{Roles.Judge},{Roles.Administrator}")]
public sealed class IndexModel(ISender sender, BankruptcyPermissions permissions) : BankruptcyPageModel
{
    public sealed class CaseInput
    {
        public string? CaseNumber { get; set; }

        public string? DebtorName { get; set; }

        public string? DebtorCreditCode { get; set; }

        public DateOnly? AcceptedOn { get; set; }

        public string? AdministratorUserId { get; set; } = "admin";

        public string? AdministratorName { get; set; }
    }

    public IReadOnlyList<CaseSummary> Cases { get; private set; } = [];

    public bool MayRegister { get; private set; }

    [BindProperty]
    public CaseInput Input { get; set; } = new();

    public async Task OnGetAsync(CancellationToken ct)
    {
        Cases = await sender.Send(new ListBankruptcyCases(), ct);
        MayRegister = await permissions.MayAsync(new OpenBankruptcyCase(null, null, null, null, null, null), ct);
    }

    public Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        string? id = null;
        return RunAsync(
            async () => id = (await sender.Send(new OpenBankruptcyCase(Input.CaseNumber, Input.DebtorName, Input.DebtorCreditCode, Input.AcceptedOn, Input.AdministratorUserId, Input.AdministratorName), ct)).Id,
            () => RedirectToPage("Case", new { id }),
            async () =>
            {
                await OnGetAsync(ct);
                return Page();
            },
            "Input.");
    }
}
