using Court.Application.Common;
using Court.Application.Projections;
using Court.Application.SmallClaims.Docket;
using Court.Web.Pages.Fees;
using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Court.Web.Pages.SmallClaims;

/// <summary>
/// Open small-claims cases a page at a time, nearest limit first, with days left and a warning near the limit: the
/// judge's own; every case for the clerk (who files them) and the president.
/// </summary>
[Authorize(Roles = $"{Roles.Clerk},{Roles.Judge},{Roles.CourtPresident}")]
public sealed class DocketModel(ISender sender) : PageModel
{
    public IReadOnlyList<DocketEntry> Entries { get; private set; } = [];

    public string? Next { get; private set; }

    public string? Q { get; private set; }

    public bool MayFile => User.IsInRole(Roles.Clerk);

    public async Task OnGetAsync(string? q, string? after, CancellationToken cancellationToken)
    {
        Q = q;
        try
        {
            var page = await sender.Send(new GetSmallClaimsDocket(new PageParameters(After: after, Q: q)), cancellationToken);
            (Entries, Next) = (page.Items, page.Next);
        }
        catch (ValidationException validation)
        {
            validation.AddTo(ModelState);
        }
    }
}
