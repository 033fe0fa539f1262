using Court.Application.Common;
using Court.Application.Projections;
using Court.Application.Service;
using Court.Web.Pages.Fees;
using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Court.Web.Pages.Service;

/// <summary>
/// The clerk's service desk: services still pending, failed and needing another channel, public notices running and
/// hand services unrecorded, a page at a time (keyset, on the server), filtered by status and channel and searched by
/// case, recipient, waybill or document.
/// </summary>
[Authorize(Roles = $"{Roles.Clerk},{Roles.Judge},{Roles.CourtPresident}")]
public sealed class DeskModel(ISender sender) : PageModel
{
    public IReadOnlyList<ServiceDeskEntry> Entries { get; private set; } = [];

    public string? Next { get; private set; }

    public string? Q { get; private set; }

    public string Desk { get; private set; } = "open";

    public string? Channel { get; private set; }

    public string Sort { get; private set; } = "ordered";

    public static readonly string[] Statuses = ["open", .. DeskStatus.All, "all"];

    public static readonly string[] Channels = ["judicial-express", "platform", "sms", "email", "direct", "left-after-refusal", "entrusted", "forwarded", "public-notice"];

    public async Task OnGetAsync(string? q, string? desk, string? channel, string? sort, string? after, CancellationToken cancellationToken)
    {
        (Q, Desk, Channel, Sort) = (string.IsNullOrWhiteSpace(q) ? null : q.Trim(), string.IsNullOrWhiteSpace(desk) ? "open" : desk, string.IsNullOrWhiteSpace(channel) ? null : channel, string.IsNullOrWhiteSpace(sort) ? "ordered" : sort);
        try
        {
            var page = await sender.Send(new GetServiceDesk(Desk, Channel, new PageParameters(After: after, Sort: Sort, Q: Q)), cancellationToken);
            (Entries, Next) = (page.Items, page.Next);
        }
        catch (ValidationException validation)
        {
            validation.AddTo(ModelState);
        }
    }

    public string NextLink() =>
        $"?desk={Uri.EscapeDataString(Desk)}&sort={Uri.EscapeDataString(Sort)}&after={Uri.EscapeDataString(Next!)}"
        + (Channel is null ? "" : "&channel=" + Uri.EscapeDataString(Channel))
        + (Q is null ? "" : "&q=" + Uri.EscapeDataString(Q));
}
