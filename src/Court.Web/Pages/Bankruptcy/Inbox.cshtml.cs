using Court.Application.Bankruptcy.Notices;
using Court.Application.Bankruptcy.ReadModels;
using Court.Application.Common;
using Mediator;
using Microsoft.AspNetCore.Authorization;

namespace Court.Web.Pages.Bankruptcy;

/// <summary>An agency's inbox of assisted-enforcement notices, overdue first; court staff see every agency's.</summary>
[Authorize(Roles = $"{Roles.AgencyOfficer},{Roles.Clerk},{Roles.Judge}")]
public sealed class InboxModel(ISender sender, TimeProvider clock) : BankruptcyPageModel
{
    public IReadOnlyList<NoticeView> Notices { get; private set; } = [];

    public DateTimeOffset Now { get; private set; }

    public async Task OnGetAsync(string? agency, CancellationToken ct)
    {
        Now = clock.GetUtcNow();
        Notices = await sender.Send(new ListNotices(agency), ct);
    }
}
