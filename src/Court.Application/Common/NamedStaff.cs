using Court.Domain.Common;
using Court.Domain.Identifiers;

namespace Court.Application.Common;

/// <summary>
/// A command that names a judge, clerk or administrator for a case names a person its documents will print: he must be
/// a user of the store holding that role, and a judge or clerk must work in the case's court; an administrator bound
/// to a court's roster must be on that court's (decision 0093). The one place this rule lives; each handler that takes
/// such an id asks it before writing anything.
/// </summary>
public static class NamedStaff
{
    /// <summary>
    /// Throws a 400 naming <paramref name="field"/> unless <paramref name="userId"/> is a user holding
    /// <paramref name="role"/> in <paramref name="court"/>. An empty id passes: whether the field is required is the
    /// validator's concern.
    /// </summary>
    public static async Task RequireAsync(this IPeople people, string? userId, string role, string court, string field, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(userId))
        {
            return;
        }

        var id = userId.Trim();
        var person = await people.FindAsync(id, cancellationToken);
        var (roleZh, roleEn) = RoleName(role);
        var known = PeoplesCourts.Find(court);
        var (courtZh, courtEn) = (known?.NameZh ?? court, known?.NameEn ?? court);
        DomainError? error = person switch
        {
            null => DomainError.Invalid(
                "staff.unknown-user", $"“{field}”：没有账号为“{id}”的用户。", $"'{field}': there is no user '{id}'."),
            _ when !person.IsInRole(role) => DomainError.Invalid(
                "staff.not-in-role", $"“{field}”：{person.Name}不是{roleZh}。", $"'{field}': {person.Name} is not a {roleEn}."),
            _ when !string.Equals(person.Court, court, StringComparison.Ordinal) && (person.Court is not null || role != Roles.Administrator) => DomainError.Invalid(
                "staff.other-court", $"“{field}”：{person.Name}不是{courtZh}的{roleZh}。", $"'{field}': {person.Name} is not a {roleEn} of the {courtEn}."),
            _ => null,
        };
        if (error is not null)
        {
            throw new DomainException(error with { Field = field });
        }
    }

    private static (string Zh, string En) RoleName(string role) => role switch
    {
        Roles.Judge => ("法官", "judge"),
        Roles.Clerk => ("书记员", "clerk"),
        Roles.Administrator => ("破产管理人", "bankruptcy administrator"),
        _ => (role, role),
    };
}
