using System.ComponentModel.DataAnnotations;
using Court.Application.Demo;
using Court.Infrastructure.Persistence;
using Court.Web.Auth;
using Court.Web.Demo;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Court.Web.Pages.Account;

/// <summary>Staff sign-in with the Identity cookie; repeated failures are throttled (PasswordCheck). Lists the demo users in demo mode.</summary>
public sealed class LoginModel(SignInManager<CourtUser> signIn, PasswordCheck passwords, DemoSettings demo, IStringLocalizer<SharedResource> localizer) : PageModel
{
    [BindProperty]
    [Required(ErrorMessage = "Enter your user name.")]
    [Display(Name = "User name")]
    public string? UserName { get; set; }

    [BindProperty]
    [Required(ErrorMessage = "Enter your password.")]
    [DataType(DataType.Password)]
    [Display(Name = "Password")]
    public string? Password { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public bool ShowDemoUsers => demo.Enabled;

    public IReadOnlyList<DemoUser> DemoAccounts => DemoUsers.All;

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var outcome = await passwords.CheckAsync(UserName!, Password!, PasswordCheck.ClientAddressOf(HttpContext));
        if (outcome.User is { } user)
        {
            await signIn.SignInAsync(user, isPersistent: false);
            return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/");
        }

        ModelState.AddModelError(
            string.Empty,
            outcome switch
            {
                { RetryAfter: { } wait } => localizer["Too many failed sign-ins. Try again in {0} minutes or ask the system administrator.", Math.Max(1, (int)Math.Ceiling(wait.TotalMinutes))],
                { IsLockedOut: true } => localizer["This account is locked. Ask the system administrator."],
                _ => localizer["The user name or password is wrong."],
            });
        if (outcome.RetryAfter is not null)
        {
            Response.StatusCode = StatusCodes.Status429TooManyRequests;
        }

        return Page();
    }
}
