using Court.Application.Bankruptcy.ReadModels;
using Court.Application.Bankruptcy.Releasing;
using Court.Application.Common;
using Court.Application.Projections;
using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Authorization;

namespace Court.Web.Pages.Bankruptcy;

/// <summary>The judge's approval queue (requests waiting for approval, a ruling, or after an agency could not execute); an administrator's own requests. A page at a time.</summary>
[Authorize(Roles = $"{Roles.Clerk},{Roles.Judge},{Roles.Administrator}")]
public sealed class RequestsModel(ISender sender) : BankruptcyPageModel
{
    public IReadOnlyList<ReleaseRequestView> Requests { get; private set; } = [];

    public bool All { get; private set; }

    /// <summary>The cursor of the next page; null on the last.</summary>
    public string? Next { get; private set; }

    /// <summary>Why the list could not be read as asked (a bad cursor), in the reader's language.</summary>
    public IReadOnlyList<string> ListErrors { get; private set; } = [];

    public async Task OnGetAsync(bool all, string? after, CancellationToken ct)
    {
        All = all;
        try
        {
            var page = await sender.Send(new ListReleaseRequests(all, new PageParameters(After: after)), ct);
            (Requests, Next) = (page.Items, page.Next);
        }
        catch (ValidationException validation)
        {
            ListErrors = [.. validation.Errors.Select(e => e.ErrorMessage)];
        }
    }
}
