using Court.Application.Common;
using Court.Application.Projections;
using Court.Application.Service;
using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Court.Web.Pages.Lawyer;

/// <summary>
/// A lawyer's cases, read only: for each case he acts in, what was served on the party he acts for, when, and the
/// deadlines running from it. A page of cases at a time.
/// </summary>
[Authorize(Roles = Roles.Lawyer)]
public sealed class IndexModel(ISender sender) : PageModel
{
    public IReadOnlyList<LawyerCaseDetail> Cases { get; private set; } = [];

    public string? Next { get; private set; }

    public async Task OnGetAsync(string? after, CancellationToken cancellationToken)
    {
        var page = await sender.Send(new GetMyCases(new PageParameters(Limit: 10, After: after)), cancellationToken);
        Next = page.Next;
        var cases = new List<LawyerCaseDetail>();
        foreach (var c in page.Items)
        {
            cases.Add(await sender.Send(new GetLawyerCase(c.CaseId), cancellationToken));
        }

        Cases = cases;
    }
}
