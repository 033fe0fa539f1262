using Court.Application.Common;

namespace Court.Web.Ui;

/// <summary>A link in the top navigation, shown to callers holding one of <paramref name="Roles"/> (empty: everyone signed in).</summary>
public sealed record NavEntry(string Path, string TitleZh, string TitleEn, IReadOnlyList<string> Roles, int Order = 500)
{
    public string Title => CourtCulture.IsChinese ? TitleZh : TitleEn;
}

/// <summary>
/// Where an inbox task on a stream with <paramref name="StreamPrefix"/> opens: the slice's page for that record, for
/// callers holding one of <paramref name="Roles"/> (the roles the page admits).
/// </summary>
public sealed record TaskLink(string StreamPrefix, Func<string, string> PathForId, IReadOnlyList<string> Roles);

public static class NavigationRegistration
{
    /// <summary>Adds a navigation entry; call from the slice's endpoint or UI registration.</summary>
    public static IServiceCollection AddNavEntry(this IServiceCollection services, NavEntry entry) => services.AddSingleton(entry);

    /// <summary>Makes inbox tasks on <paramref name="streamPrefix"/> streams link to the slice's page (given the id after the prefix).</summary>
    public static IServiceCollection AddTaskLink(this IServiceCollection services, string streamPrefix, Func<string, string> pathForId, params string[] roles) =>
        services.AddSingleton(new TaskLink(streamPrefix, pathForId, roles));
}

/// <summary>The entries the current caller may see, in order.</summary>
public sealed class NavigationMenu(IEnumerable<NavEntry> entries)
{
    public IReadOnlyList<NavEntry> For(ICallerContext caller) =>
        entries.Where(e => e.Roles.Count == 0 || e.Roles.Any(caller.IsInRole)).OrderBy(e => e.Order).ThenBy(e => e.Path, StringComparer.Ordinal).ToList();
}

/// <summary>Role names as people read them. Keys are looked up in the shared resources.</summary>
public static class RoleLabels
{
    public static string Of(string role) => role switch
    {
        Roles.Clerk => "Court clerk",
        Roles.Judge => "Judge",
        Roles.Administrator => "Bankruptcy administrator",
        Roles.AgencyOfficer => "Agency officer",
        Roles.SupervisionOfficer => "Supervision officer",
        Roles.CarrierOperator => "Carrier operator",
        Roles.SystemAdministrator => "System administrator",
        Roles.CourtPresident => "Court president",
        Roles.DebtorUnitOfficer => "Debtor unit officer",
        Roles.Lawyer => "Lawyer",
        _ => role,
    };
}
