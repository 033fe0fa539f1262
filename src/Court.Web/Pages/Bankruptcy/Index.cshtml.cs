using Court.Application.Bankruptcy;
using Court.Application.Bankruptcy.Cases;
using Court.Application.Common;
using Court.Application.Projections;
using Court.Infrastructure.Persistence;
using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace Court.Web.Pages.Bankruptcy;

/// <summary>Bankruptcy cases: an administrator's estates, or all for court staff; clerks and judges register new ones here.</summary>
[Authorize(Roles = $"{Roles.Clerk},{Roles.Judge},{Roles.Administrator}")]
public sealed class IndexModel(ISender sender, BankruptcyPermissions permissions, UserManager<CourtUser> users) : BankruptcyPageModel
{
    public sealed class CaseInput
    {
        public string? CaseNumber { get; set; }

        public string? DebtorName { get; set; }

        public string? DebtorCreditCode { get; set; }

        public DateOnly? AcceptedOn { get; set; }

        public string? AdministratorUserId { get; set; }

        public string? AdministratorName { get; set; }
    }

    public IReadOnlyList<CaseSummary> Cases { get; private set; } = [];

    /// <summary>The cursor of the next page; null on the last.</summary>
    public string? Next { get; private set; }

    public string? Q { get; private set; }

    /// <summary>Why the list could not be read as asked (a bad cursor or search), in the reader's language.</summary>
    public IReadOnlyList<string> ListErrors { get; private set; } = [];

    public bool MayRegister { get; private set; }

    /// <summary>The administrators the form offers, by user name and real name: nobody is preselected.</summary>
    public IReadOnlyList<(string UserName, string Name)> Administrators { get; private set; } = [];

    [BindProperty]
    public CaseInput Input { get; set; } = new();

    public async Task OnGetAsync(string? q, string? after, CancellationToken ct)
    {
        Q = q;
        try
        {
            var page = await sender.Send(new ListBankruptcyCases(new PageParameters(After: after, Q: q)), ct);
            (Cases, Next) = (page.Items, page.Next);
        }
        catch (ValidationException validation)
        {
            // Shown above the list, not through the model state, which the registration form below reports.
            ListErrors = [.. validation.Errors.Select(e => e.ErrorMessage)];
        }

        MayRegister = await permissions.MayAsync(new OpenBankruptcyCase(null, null, null, null, null, null), ct);
        if (MayRegister)
        {
            Administrators = [.. (await users.GetUsersInRoleAsync(Roles.Administrator))
                .Select(u => (u.UserName!, u.DisplayName.Length > 0 ? u.DisplayName : u.UserName!))
                .OrderBy(u => u.Item2, StringComparer.Ordinal)];
        }
    }

    public Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        string? id = null;
        return RunAsync(
            async () => id = (await sender.Send(new OpenBankruptcyCase(Input.CaseNumber, Input.DebtorName, Input.DebtorCreditCode, Input.AcceptedOn, Input.AdministratorUserId, Input.AdministratorName), ct)).Id,
            () => RedirectToPage("Case", new { id }),
            async () =>
            {
                await OnGetAsync(null, null, ct);
                return Page();
            },
            "Input.");
    }
}
