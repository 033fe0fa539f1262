using Court.Application.Common;
using Court.Application.SmallClaims.Filing;
using Court.Domain.Common;

using Court.Infrastructure.Persistence;
using Court.Web.Infrastructure;
using Court.Web.Pages.Fees;
using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Court.Web.Pages.SmallClaims;

/// <summary>
/// The clerk files a small-claims case: eligibility, fee and limit are worked out by the command; on success the case
/// page opens; on an error the form keeps what was typed and names the field.
/// </summary>
[Authorize(Roles = Roles.Clerk)]
public sealed class FileModel(ISender sender, UserManager<CourtUser> users) : PageModel
{
    [BindProperty]
    public string? CaseNumber { get; set; }

    [BindProperty]
    public string? Plaintiff { get; set; }

    [BindProperty]
    public string? Defendant { get; set; }

    [BindProperty]
    public string? JudgeId { get; set; }

    [BindProperty]
    public decimal? Claim { get; set; }

    [BindProperty]
    public string CaseType { get; set; } = Domain.SmallClaims.SmallClaimsEligibility.Code(Domain.SmallClaims.SmallClaimsCaseType.MonetaryClaim);

    [BindProperty]
    public bool PartiesAgreed { get; set; }

    [BindProperty]
    public DateOnly? FiledOn { get; set; }

    /// <summary>The kinds of case by their API code, named in English (the resource file has the Chinese).</summary>
    public static readonly IReadOnlyDictionary<string, string> CaseTypeLabels = new Dictionary<string, string>
    {
        ["monetary"] = "A claim for money",
        ["personal-status"] = "Personal status",
        ["property-title"] = "Title to property",
        ["non-monetary"] = "Not a claim for money",
        ["foreign-related"] = "Foreign-related",
        ["needs-appraisal"] = "Needs valuation or appraisal",
        ["whereabouts-unknown"] = "A party cannot be found",
        ["counterclaim"] = "With a counterclaim",
        ["other-unsuitable"] = "Otherwise unsuitable",
    };

    public IReadOnlyList<(string UserName, string Name)> Judges { get; private set; } = [];

    public async Task OnGetAsync() => await LoadJudgesAsync();

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (ModelState.IsValid)
        {
            try
            {
                var filed = await sender.Send(new FileSmallClaimsCase(CaseNumber, Plaintiff, Defendant, JudgeId, Claim, CaseType, PartiesAgreed, FiledOn), cancellationToken);
                return Redirect("/SmallClaims/Case/" + filed.Id);
            }
            catch (ValidationException validation)
            {
                validation.AddTo(ModelState);
            }
            catch (DomainException domain)
            {
                ModelState.AddModelError(domain.Error.Code.StartsWith("small-claims.not-eligible", StringComparison.Ordinal) ? nameof(Claim) : nameof(CaseNumber), Localized.Of(domain.Error));
            }
        }

        await LoadJudgesAsync();
        return Page();
    }

    private async Task LoadJudgesAsync() =>
        Judges = [.. (await users.GetUsersInRoleAsync(Roles.Judge)).OrderBy(u => u.UserName, StringComparer.Ordinal).Select(u => (u.UserName!, u.DisplayName.Length > 0 ? u.DisplayName : u.UserName!))];
}
