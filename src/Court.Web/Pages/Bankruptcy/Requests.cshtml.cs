using Court.Application.Bankruptcy.ReadModels;
using Court.Application.Bankruptcy.Releasing;
using Court.Application.Common;
using Mediator;
using Microsoft.AspNetCore.Authorization;

namespace Court.Web.Pages.Bankruptcy;

/// <summary>The judge's approval queue (requests waiting for approval, a ruling, or after an agency could not execute); an administrator's own requests.</summary>
[Authorize(Roles = $"{Roles.Clerk},{Roles.Judge},{Roles.Administrator}")]
public sealed class RequestsModel(ISender sender) : BankruptcyPageModel
{
    public IReadOnlyList<ReleaseRequestView> Requests { get; private set; } = [];

    public bool All { get; private set; }

    public async Task OnGetAsync(bool all, CancellationToken ct)
    {
        All = all;
        Requests = await sender.Send(new ListReleaseRequests(all), ct);
    }
}
