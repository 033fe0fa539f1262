using System.ComponentModel.DataAnnotations;
using Court.Application.Demo;
using Court.Infrastructure.Persistence;
using Court.Web.Demo;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Court.Web.Pages.Account;

/// <summary>Staff sign-in with the Identity cookie; repeated failures lock the account. Lists the demo users in demo mode.</summary>
public sealed class LoginModel(SignInManager<CourtUser> signIn, DemoSettings demo, IStringLocalizer<SharedResource> localizer) : PageModel
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

        var result = await signIn.PasswordSignInAsync(UserName!, Password!, isPersistent: false, lockoutOnFailure: true);
        if (result.Succeeded)
        {
            return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/");
        }

        ModelState.AddModelError(
            string.Empty,
            result.IsLockedOut
                ? localizer["This account is locked after repeated failed sign-ins. Try again in 15 minutes or ask the system administrator."]
                : localizer["The user name or password is wrong."]);
        return Page();
    }
}
