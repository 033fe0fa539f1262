using Court.Application.Documents;
using Court.Application.Documents.Verifying;
using Court.Web.Endpoints;
using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace Court.Web.Pages.Documents;

/// <summary>
/// The public verification page (/verify): no sign-in, rate-limited per client IP like the API. The QR code's URL lands
/// here with number and code filled in; the answer is only genuine or not, status, court and date.
/// </summary>
[AllowAnonymous]
[EnableRateLimiting(DocumentEndpoints.VerifyPolicy)]
public sealed class VerifyModel(ISender mediator) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "number")]
    public string? Number { get; set; }

    [BindProperty(SupportsGet = true, Name = "code")]
    public string? Code { get; set; }

    public VerificationResult? Result { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Response.Headers.CacheControl = "no-store";
        Response.Headers["Referrer-Policy"] = "no-referrer";
        if (string.IsNullOrWhiteSpace(Number) || string.IsNullOrWhiteSpace(Code))
        {
            return;
        }

        // Over-long input is simply not genuine here; the API answers it with a 400.
        Result = Number.Length > 64 || Code.Length > 40
            ? VerificationResult.NotGenuine
            : await mediator.Send(new VerifyDocument(Number, Code), cancellationToken);
    }
}
