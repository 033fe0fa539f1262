using Court.Application.Common;
using Court.Application.Timeline;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.ResponseCompression;

namespace Court.Web.Ui;

/// <summary>
/// The staff web UI: server-rendered Razor Pages in zh-CN (default) and English, anti-forgery on every post, static
/// files from wwwroot (front-end libraries committed under wwwroot/lib, no CDN).
/// </summary>
public static class UiSetup
{
    public static IServiceCollection AddCourtUi(this IServiceCollection services)
    {
        services.AddLocalization(o => o.ResourcesPath = "Resources");
        // Pages and JSON compressed on the fly. Safe over HTTPS here (BREACH): the anti-forgery token in a form is
        // freshly encrypted on every response, so no secret repeats across responses (decision 0150).
        services.AddResponseCompression(o =>
        {
            o.EnableForHttps = true;
            o.Providers.Add<BrotliCompressionProvider>();
            o.Providers.Add<GzipCompressionProvider>();
        });
        services.Configure<BrotliCompressionProviderOptions>(o => o.Level = System.IO.Compression.CompressionLevel.Fastest);
        services.Configure<GzipCompressionProviderOptions>(o => o.Level = System.IO.Compression.CompressionLevel.Fastest);
        services.AddRazorPages(o =>
            {
                o.Conventions.AllowAnonymousToPage("/Account/Login");
                o.Conventions.AllowAnonymousToPage("/Account/Language");
                o.Conventions.AuthorizeFolder("/Admin", "system-administrator");
            })
            .AddViewLocalization()
            .AddDataAnnotationsLocalization(o => o.DataAnnotationLocalizerProvider = (_, factory) => factory.Create(typeof(SharedResource)));
        services.AddAuthorizationBuilder().AddPolicy("system-administrator", p => p.RequireRole(Roles.SystemAdministrator));
        services.AddAntiforgery(o =>
        {
            o.Cookie.Name = "court.antiforgery";
            o.HeaderName = "X-CSRF-TOKEN";
        });
        services.Configure<RequestLocalizationOptions>(o =>
        {
            o.SetDefaultCulture(CourtCulture.Chinese);
            o.SupportedCultures = CourtCulture.Supported;
            o.SupportedUICultures = CourtCulture.Supported;
            // zh-CN unless the visitor chose English: the cookie set by the language switch, or ?culture=en; an agency's
            // system calling the API may also say so in Accept-Language.
            o.RequestCultureProviders = [new CookieRequestCultureProvider(), new QueryStringRequestCultureProvider(), new ApiAcceptLanguageProvider()];
        });
        services.AddSingleton<NavigationMenu>();
        services.AddScoped<TimelineReader>();
        services.AddNavEntry(new NavEntry("/", "我的待办", "My tasks", [], Order: 0));
        services.AddNavEntry(new NavEntry("/Workflows", "流程图", "Workflows", [Roles.Clerk, Roles.Judge, Roles.SystemAdministrator], Order: 200));
        services.AddNavEntry(new NavEntry("/Admin/Users", "用户管理", "Users", [Roles.SystemAdministrator], Order: 900));
        return services;
    }

    /// <summary>The culture is known before any page runs.</summary>
    public static WebApplication UseCourtUi(this WebApplication app)
    {
        app.UseRequestLocalization();
        return app;
    }

    public static IEndpointRouteBuilder MapCourtUi(this IEndpointRouteBuilder app)
    {
        // Build-compressed (gzip; Brotli too when published), fingerprinted URLs cached for a year (decision 0150).
        // Short-circuited: an asset needs no sign-in, and skipping authentication spares the per-request account check.
        app.MapStaticAssets().ShortCircuit();
        app.MapRazorPages().WithStaticAssets();
        return app;
    }
}

/// <summary>
/// Accept-Language, for API calls only: a system says which language it wants its problem details in. Pages ignore it,
/// since a browser's language says little about which language a clerk wants; they stay zh-CN unless she chooses.
/// </summary>
public sealed class ApiAcceptLanguageProvider : RequestCultureProvider
{
    private readonly AcceptLanguageHeaderRequestCultureProvider header = new();

    public override Task<ProviderCultureResult?> DetermineProviderCultureResult(HttpContext httpContext) =>
        Auth.ApiProblems.IsApi(httpContext.Request) ? header.DetermineProviderCultureResult(httpContext) : NullProviderCultureResult;
}
