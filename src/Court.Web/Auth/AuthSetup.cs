using Court.Infrastructure.Persistence;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;

namespace Court.Web.Auth;

/// <summary>
/// Identity on the Court database; staff sign in with a cookie, agency systems with a bearer token. One policy scheme
/// picks the bearer handler when an Authorization header is sent and the cookie otherwise. Every endpoint needs a
/// signed-in caller unless it says <c>AllowAnonymous()</c>; under /api a missing sign-in is a 401 problem, never a
/// redirect to the sign-in page.
/// </summary>
public static class AuthSetup
{
    public const string Scheme = "court";
    public const string LoginPath = "/Account/Login";

    public static IServiceCollection AddCourtAuth(this IServiceCollection services, IConfiguration configuration)
    {
        var settings = configuration.GetSection("Court:Auth").Get<AuthSettings>() ?? new AuthSettings();
        services.AddSingleton(settings);
        services.AddSingleton<SigningKeyProvider>();
        services.AddScoped<TokenService>();
        services.AddScoped<PasswordCheck>();
        services.AddSingleton<SignInThrottle>();
        services.AddSingleton<AccountStatus>();

        // Cookies and anti-forgery tokens protected on one node must be read on every other (decision 0113).
        var database = DatabaseSettings.From(configuration);
        var protection = services.AddDataProtection().SetApplicationName("Court");
        if (database.Provider == DatabaseProvider.PostgreSql)
        {
            services.AddSingleton<SharedKeysXmlRepository>();
            services.AddSingleton<Microsoft.Extensions.Options.IConfigureOptions<Microsoft.AspNetCore.DataProtection.KeyManagement.KeyManagementOptions>>(sp =>
                new Microsoft.Extensions.Options.ConfigureOptions<Microsoft.AspNetCore.DataProtection.KeyManagement.KeyManagementOptions>(o => o.XmlRepository = sp.GetRequiredService<SharedKeysXmlRepository>()));
        }
        else
        {
            protection.PersistKeysToFileSystem(new DirectoryInfo(Path.Combine(database.DataDirectory, "keys", "data-protection")));
        }

        services.AddIdentity<CourtUser, IdentityRole>(o =>
            {
                // Lock-out is the administrator's act; guessing is throttled by PasswordCheck instead.
                o.Lockout.AllowedForNewUsers = true;
                o.User.RequireUniqueEmail = false;
                o.Password.RequiredLength = 8;
            })
            .AddEntityFrameworkStores<CourtDbContext>()
            .AddDefaultTokenProviders()
            .AddClaimsPrincipalFactory<CourtClaimsPrincipalFactory>();

        services.Configure<SecurityStampValidatorOptions>(o => o.ValidationInterval = settings.AccountCheckInterval);
        services.ConfigureApplicationCookie(o =>
        {
            o.Cookie.Name = "court.auth";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.LoginPath = LoginPath;
            o.LogoutPath = "/Account/Logout";
            o.ExpireTimeSpan = TimeSpan.FromHours(8);
            o.SlidingExpiration = true;
            o.Events.OnValidatePrincipal = async context =>
            {
                // Identity's own check (a changed security stamp signs out), then whether the account is still open.
                await SecurityStampValidator.ValidatePrincipalAsync(context);
                if (context.Principal is not null && !await context.HttpContext.RequestServices.GetRequiredService<AccountStatus>().IsActiveAsync(context.Principal))
                {
                    context.RejectPrincipal();
                    await context.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
                }
            };
            o.Events.OnRedirectToLogin = context => ApiProblems.IsApi(context.Request)
                ? ApiProblems.WriteAsync(context.HttpContext, StatusCodes.Status401Unauthorized, Infrastructure.Localized.Say("请先登录。", "Sign in first."))
                : Redirect(context);
            o.Events.OnRedirectToAccessDenied = context => ApiProblems.IsApi(context.Request)
                ? ApiProblems.WriteAsync(context.HttpContext, StatusCodes.Status403Forbidden, Infrastructure.Localized.Say("无权执行此操作。", "You may not do this."))
                : Refuse(context);
        });

        services.AddAuthentication(o =>
            {
                o.DefaultScheme = Scheme;
                o.DefaultAuthenticateScheme = Scheme;
                o.DefaultChallengeScheme = Scheme;
                o.DefaultForbidScheme = Scheme;
            })
            .AddPolicyScheme(Scheme, "Cookie or bearer token", o => o.ForwardDefaultSelector = context =>
                context.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
                    ? JwtBearerDefaults.AuthenticationScheme
                    : IdentityConstants.ApplicationScheme)
            .AddJwtBearer(o =>
            {
                o.MapInboundClaims = false;
                o.Events = new JwtBearerEvents
                {
                    OnTokenValidated = async context =>
                    {
                        if (!await context.HttpContext.RequestServices.GetRequiredService<AccountStatus>().IsActiveAsync(context.Principal))
                        {
                            context.Fail("The account is locked or no longer exists.");
                        }
                    },
                    // The account check reads the database: a store that cannot answer is not a bad token. Thrown on,
                    // it reaches the store-fault retry and its 503 (decision 0112) instead of becoming a 401.
                    OnAuthenticationFailed = context => Court.Infrastructure.Persistence.StoreFaults.IsUnavailable(context.Exception)
                        ? throw new InvalidOperationException("The account check could not read the store.", context.Exception)
                        : Task.CompletedTask,
                    OnChallenge = async context =>
                    {
                        context.HandleResponse();
                        context.Response.Headers.WWWAuthenticate = context.AuthenticateFailure is null ? "Bearer" : "Bearer error=\"invalid_token\"";
                        await ApiProblems.WriteAsync(
                            context.HttpContext,
                            StatusCodes.Status401Unauthorized,
                            Infrastructure.Localized.Say("请先登录。", "Sign in first."),
                            context.AuthenticateFailure is null ? null : Infrastructure.Localized.Say("令牌无效或已过期。", "The bearer token is not valid or has expired."));
                    },
                    OnForbidden = context => ApiProblems.WriteAsync(context.HttpContext, StatusCodes.Status403Forbidden, Infrastructure.Localized.Say("无权执行此操作。", "You may not do this.")),
                };
            });
        services.AddOptions<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme)
            .Configure<SigningKeyProvider, TimeProvider>((o, keys, clock) => o.TokenValidationParameters = TokenService.ValidationParameters(keys, clock));

        services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build());
        return services;
    }

    /// <summary>A page the user's role may not open answers 403 where it is; the status code pages show the error page.</summary>
    private static Task Refuse(Microsoft.AspNetCore.Authentication.RedirectContext<Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions> context)
    {
        context.Response.StatusCode = StatusCodes.Status403Forbidden;
        return Task.CompletedTask;
    }

    private static Task Redirect(Microsoft.AspNetCore.Authentication.RedirectContext<Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions> context)
    {
        context.Response.Redirect(context.RedirectUri);
        return Task.CompletedTask;
    }
}
