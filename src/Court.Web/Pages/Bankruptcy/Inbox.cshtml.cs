using Court.Application.Bankruptcy.Notices;
using Court.Application.Bankruptcy.ReadModels;
using Court.Application.Common;
using Court.Application.Projections;
using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Authorization;

namespace Court.Web.Pages.Bankruptcy;

/// <summary>An agency's inbox of assisted-enforcement notices, overdue first, a page at a time; court staff see every agency's.</summary>
[Authorize(Roles = $"{Roles.AgencyOfficer},{Roles.Clerk},{Roles.Judge}")]
public sealed class InboxModel(ISender sender, TimeProvider clock) : BankruptcyPageModel
{
    public IReadOnlyList<NoticeView> Notices { get; private set; } = [];

    public DateTimeOffset Now { get; private set; }

    public string? Agency { get; private set; }

    /// <summary>The cursor of the next page; null on the last.</summary>
    public string? Next { get; private set; }

    /// <summary>Why the list could not be read as asked (a bad cursor), in the reader's language.</summary>
    public IReadOnlyList<string> ListErrors { get; private set; } = [];

    public async Task OnGetAsync(string? agency, string? after, CancellationToken ct)
    {
        Now = clock.GetUtcNow();
        Agency = agency;
        try
        {
            var page = await sender.Send(new ListNotices(agency, Page: new PageParameters(After: after)), ct);
            (Notices, Next) = (page.Items, page.Next);
        }
        catch (ValidationException validation)
        {
            ListErrors = [.. validation.Errors.Select(e => e.ErrorMessage)];
        }
    }
}
