using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Court.Web.Pages;

/// <summary>
/// What a browser sees when a page is missing, refused or fails: the app's layout, plain words in the UI's language and
/// a way back; never a stack trace or a problem+json. Reached by re-execution (status code pages and the page exception
/// handler, see <see cref="Ui.PageErrors"/>), so the status is the original one.
/// </summary>
[AllowAnonymous]
[IgnoreAntiforgeryToken]
public sealed class ErrorModel : PageModel
{
    public int Status { get; private set; }

    /// <summary>For a fault, the request's reference, so the system administrator can find it in the log.</summary>
    public string? Reference { get; private set; }

    /// <summary>The page the user came from on this site, if the browser said.</summary>
    public string? Back { get; private set; }

    public void OnGet(int? status) => Read(status);

    // A refused or failing form post is re-executed as a POST: it gets the same page.
    public void OnPost(int? status) => Read(status);

    private void Read(int? status)
    {
        var reExecuted = HttpContext.Features.Get<IStatusCodeReExecuteFeature>() is not null
            || HttpContext.Features.Get<IExceptionHandlerFeature>() is not null;
        // Opened directly, /Error is a page that does not exist.
        Status = reExecuted ? status ?? Response.StatusCode : StatusCodes.Status404NotFound;
        if (Status < 400)
        {
            Status = StatusCodes.Status500InternalServerError;
        }

        Response.StatusCode = Status;
        if (Status >= 500)
        {
            Reference = System.Diagnostics.Activity.Current?.TraceId.ToString() ?? HttpContext.TraceIdentifier;
        }

        if (Uri.TryCreate(Request.Headers.Referer.ToString(), UriKind.Absolute, out var referer)
            && string.Equals(referer.Authority, Request.Host.Value, StringComparison.OrdinalIgnoreCase)
            && referer.PathAndQuery != HttpContext.Features.Get<IStatusCodeReExecuteFeature>()?.OriginalPath)
        {
            Back = referer.PathAndQuery;
        }
    }
}
