using Microsoft.AspNetCore.Identity;

namespace Court.Infrastructure.Persistence;

/// <summary>A staff member or an agency system account. Agency officers belong to one agency.</summary>
public sealed class CourtUser : IdentityUser
{
    public string DisplayName { get; set; } = "";

    /// <summary>Agency code for agency officers (e.g. "nrb-jiangjin"); null for court staff.</summary>
    public string? Agency { get; set; }
}
