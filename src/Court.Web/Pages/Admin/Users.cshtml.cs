using Court.Infrastructure.Persistence;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Court.Web.Pages.Admin;

/// <summary>The system administrator's list of accounts, with the lock-out state and a way to lift it.</summary>
public sealed class UsersModel(UserManager<CourtUser> users, TimeProvider clock) : PageModel
{
    public sealed record Row(string Id, string UserName, string DisplayName, IReadOnlyList<string> Roles, string? Agency, DateTimeOffset? LockedUntil);

    public IReadOnlyList<Row> Rows { get; private set; } = [];

    public async Task OnGetAsync()
    {
        var now = clock.GetUtcNow();
        var rows = new List<Row>();
        foreach (var user in await users.Users.AsNoTracking().OrderBy(u => u.UserName).ToListAsync(HttpContext.RequestAborted))
        {
            var locked = user.LockoutEnd is { } end && end > now ? end : (DateTimeOffset?)null;
            rows.Add(new Row(user.Id, user.UserName ?? "", user.DisplayName, [.. await users.GetRolesAsync(user)], user.Agency, locked));
        }

        Rows = rows;
    }

    public async Task<IActionResult> OnPostUnlockAsync(string id)
    {
        if (await users.FindByIdAsync(id) is not { } user)
        {
            return NotFound();
        }

        await users.SetLockoutEndDateAsync(user, null);
        await users.ResetAccessFailedCountAsync(user);
        return RedirectToPage();
    }
}
