using Court.Application.GovernmentDebtors;
using Court.Application.Projections;
using Court.Web.Endpoints;
using Court.Web.Pages.Fees;
using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace Court.Web.Pages.GovernmentDebtors;

/// <summary>
/// The public list of dishonest government debtors (/GovernmentDebtors/Public): no sign-in, rate-limited like
/// verification. The fields the Supreme People's Court's list publishes; removed entries are gone; each links to the
/// verification of its listing decision.
/// </summary>
[AllowAnonymous]
[EnableRateLimiting(DocumentEndpoints.VerifyPolicy)]
public sealed class PublicModel(ISender sender) : PageModel
{
    public Page<PublicListItem> List { get; private set; } = new([], null);

    public string? Q { get; private set; }

    public async Task OnGetAsync(string? q, string? after, CancellationToken cancellationToken)
    {
        Response.Headers.CacheControl = "no-store";
        Q = q;
        try
        {
            List = await sender.Send(new GetPublicGovernmentDebtList(new PageParameters(Limit: 50, After: after, Q: q)), cancellationToken);
        }
        catch (ValidationException validation)
        {
            validation.AddTo(ModelState);
        }
    }
}
