using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;

namespace Court.Web.Auth;

/// <summary>
/// Systems use bearer tokens on the API; browsers use the staff cookie on pages. A write under /api that a cookie
/// signed in must also carry the page's anti-forgery token (header <c>X-CSRF-TOKEN</c>), so a cross-site form post
/// riding on a clerk's cookie is refused. Reads (the PDF and CSV links on the pages) keep working with the cookie.
/// </summary>
public sealed class CookieApiGuard(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext context, IAntiforgery antiforgery)
    {
        if (ApiProblems.IsApi(context.Request)
            && !HttpMethods.IsGet(context.Request.Method) && !HttpMethods.IsHead(context.Request.Method) && !HttpMethods.IsOptions(context.Request.Method)
            && context.User.Identity is { IsAuthenticated: true, AuthenticationType: var type } && type == IdentityConstants.ApplicationScheme
            && context.GetEndpoint()?.Metadata.GetMetadata<IAllowAnonymous>() is null
            && !await antiforgery.IsRequestValidAsync(context))
        {
            await ApiProblems.WriteAsync(
                context,
                StatusCodes.Status403Forbidden,
                "Writes through the API need a bearer token.",
                "A request signed in by the staff cookie must carry the page's anti-forgery token; agency systems sign in at /api/auth/token.");
            return;
        }

        await next(context);
    }
}
