namespace Court.Web.Ui;

/// <summary>
/// Browsers get the error page (<c>Pages/Error</c>) for a missing, refused or failing page, in the UI's language and the
/// app's layout; the API, OpenAPI document and health checks keep answering problem details.
/// </summary>
public static class PageErrors
{
    public const string Path = "/Error";

    /// <summary>Everything but the machine-facing addresses is a page a person reads.</summary>
    public static bool IsPage(HttpRequest request) =>
        !Auth.ApiProblems.IsApi(request)
        && !request.Path.StartsWithSegments("/openapi", StringComparison.OrdinalIgnoreCase)
        && !request.Path.StartsWithSegments("/health", StringComparison.OrdinalIgnoreCase)
        && !request.Path.StartsWithSegments("/scalar", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// Re-executes a failed page as <c>/Error</c> with the status <see cref="Infrastructure.ProblemMapping"/> gives the
    /// exception (404 for a record not found, 500 for a fault). Goes inside the API's exception handler.
    /// </summary>
    public static IApplicationBuilder UsePageExceptionHandler(this IApplicationBuilder app) =>
        app.UseWhen(c => IsPage(c.Request), page => page.UseExceptionHandler(new ExceptionHandlerOptions
        {
            ExceptionHandlingPath = Path,
            // A record not found is a 404 on purpose, not a misconfigured handler.
            AllowStatusCode404Response = true,
        }));

    /// <summary>Bodiless 4xx and 5xx answers: the error page for pages, problem details for everything else.</summary>
    public static IApplicationBuilder UseStatusCodeAnswers(this IApplicationBuilder app)
    {
        app.UseWhen(c => IsPage(c.Request), page => page.UseStatusCodePagesWithReExecute(Path + "/{0}"));
        app.UseWhen(c => !IsPage(c.Request), other => other.UseStatusCodePages());
        return app;
    }
}
