using Court.Application.Common;
using Court.Application.SmallClaims.Docket;
using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Court.Web.Pages.SmallClaims;

/// <summary>The judge's open small-claims cases, nearest limit first, with days left and a warning near the limit.</summary>
[Authorize(Roles = $"{Roles.Judge},{Roles.CourtPresident}")]
public sealed class DocketModel(ISender sender) : PageModel
{
    public IReadOnlyList<DocketEntry> Entries { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) => Entries = await sender.Send(new GetSmallClaimsDocket(), cancellationToken);
}
