using System.Net;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Net.Http.Headers;

namespace Court.Web.Infrastructure;

/// <summary>Bound from <c>Court:Http</c>.</summary>
public sealed class HttpSettings
{
    /// <summary>
    /// Addresses of the reverse proxies whose X-Forwarded-For / X-Forwarded-Proto are believed. Empty: none, so a
    /// client cannot pick the address its rate limits are counted under.
    /// </summary>
    public string[] TrustedProxies { get; set; } = [];
}

/// <summary>
/// What every answer of this server carries against framing, sniffing, caching and leaking (docs/decisions/0100):
/// one Content-Security-Policy without inline script, frame-ancestors none, no-store for anything a signed-in caller
/// or a document download receives; and forwarded headers believed only from the configured proxies.
/// </summary>
public static class HttpHardening
{
    /// <summary>Scripts and styles from this server only; styles may be inline because the diagram and chart libraries draw with them.</summary>
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self'; " +
        "connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    /// <summary>Scalar's reference page (anonymous, no court data) writes its configuration as an inline script it does not let us move.</summary>
    public const string ScalarContentSecurityPolicy =
        "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self'; " +
        "connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    public const string PermissionsPolicy = "camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()";

    private static readonly string[] DownloadTypes = ["application/pdf", "text/csv", "application/zip", "application/octet-stream"];

    public static IServiceCollection AddHttpHardening(this IServiceCollection services, IConfiguration configuration)
    {
        var settings = configuration.GetSection("Court:Http").Get<HttpSettings>() ?? new HttpSettings();
        services.AddSingleton(settings);
        services.Configure<ForwardedHeadersOptions>(o =>
        {
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            // The defaults trust loopback; here only what is configured is trusted.
            o.KnownIPNetworks.Clear();
            o.KnownProxies.Clear();
            foreach (var proxy in settings.TrustedProxies)
            {
                o.KnownProxies.Add(IPAddress.Parse(proxy));
            }
        });
        services.AddHsts(o =>
        {
            o.MaxAge = TimeSpan.FromDays(365);
            o.IncludeSubDomains = true;
        });
        services.Configure<CookiePolicyOptions>(o => o.Secure = CookieSecurePolicy.SameAsRequest);
        return services;
    }

    /// <summary>First in the pipeline, so even errors and static files carry the headers.</summary>
    public static WebApplication UseHttpHardening(this WebApplication app)
    {
        // With no known proxy at all the middleware would believe any sender, so without configuration it does not run.
        if (app.Services.GetRequiredService<HttpSettings>().TrustedProxies.Length > 0)
        {
            app.UseForwardedHeaders();
        }

        // Only over HTTPS (the middleware skips HTTP and localhost).
        app.UseHsts();
        app.Use((context, next) =>
        {
            context.Response.OnStarting(() => AddHeaders(context));
            return next(context);
        });
        app.UseCookiePolicy();
        return app;
    }

    private static Task AddHeaders(HttpContext context)
    {
        var headers = context.Response.Headers;
        headers.ContentSecurityPolicy = context.Request.Path.StartsWithSegments("/scalar") ? ScalarContentSecurityPolicy : ContentSecurityPolicy;
        headers.XFrameOptions = "DENY";
        headers.XContentTypeOptions = "nosniff";
        headers["Referrer-Policy"] = "same-origin";
        headers["Permissions-Policy"] = PermissionsPolicy;
        if (context.User.Identity?.IsAuthenticated == true || IsDownload(context.Response.ContentType))
        {
            headers.CacheControl = "no-store";
            headers.Pragma = "no-cache";
        }

        return Task.CompletedTask;
    }

    private static bool IsDownload(string? contentType) =>
        contentType is not null && MediaTypeHeaderValue.TryParse(contentType, out var type)
            && DownloadTypes.Any(d => type.MediaType.Equals(d, StringComparison.OrdinalIgnoreCase));
}
