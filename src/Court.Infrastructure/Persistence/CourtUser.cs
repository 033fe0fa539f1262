using Microsoft.AspNetCore.Identity;

namespace Court.Infrastructure.Persistence;

/// <summary>
/// A staff member or an agency system account. Agency officers belong to one agency. The real name is
/// <see cref="DisplayName"/>, the office phone Identity's <c>PhoneNumber</c>; the title and the
/// court are user claims (<see cref="CourtUserClaims"/>), like the court always was, so they need no column.
/// </summary>
public sealed class CourtUser : IdentityUser
{
    public string DisplayName { get; set; } = "";

    /// <summary>Agency code for agency officers (e.g. "nrb-jiangjin"); null for court staff.</summary>
    public string? Agency { get; set; }
}

/// <summary>The user claims the court keeps on a user, read by sign-in (the court) and by the people directory (both).</summary>
public static class CourtUserClaims
{
    /// <summary>The court (case-number code, e.g. "渝0116") a clerk or judge works in.</summary>
    public const string Court = "court:court";

    /// <summary>The title documents print before the name: 审判员, 书记员, 破产管理人 ….</summary>
    public const string Title = "court:title";
}
