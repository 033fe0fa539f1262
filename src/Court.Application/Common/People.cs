using Court.Domain.Common;

namespace Court.Application.Common;

/// <summary>
/// A user as documents and histories name him: real name, title (审判员, 书记员, 破产管理人 …) and office phone, plus
/// the roles and court that say what he may be named as on a case. Login names never appear on paper.
/// </summary>
public sealed record Person(string UserId, string Name, string? Title, string? OfficePhone, string? Court, IReadOnlySet<string> Roles)
{
    /// <summary>
    /// Someone the user store does not know (a background service such as the timers, or an account since removed):
    /// named by the id on record, because the record is all there is to say.
    /// </summary>
    public static Person Unknown(string userId) => new(userId, userId, null, null, null, new HashSet<string>());

    public bool IsInRole(string role) => Roles.Contains(role);
}

/// <summary>The user store, read as people. Implemented over Identity's tables.</summary>
public interface IPeople
{
    /// <summary>The people among <paramref name="userIds"/> the store knows, by user id; unknown ids are left out.</summary>
    Task<IReadOnlyDictionary<string, Person>> FindAsync(IReadOnlyCollection<string> userIds, CancellationToken cancellationToken);
}

public static class PeopleExtensions
{
    public static async Task<Person?> FindAsync(this IPeople people, string userId, CancellationToken cancellationToken) =>
        (await people.FindAsync([userId], cancellationToken)).GetValueOrDefault(userId);

    /// <summary>The person named <paramref name="userId"/>, or <see cref="Person.Unknown"/> when the store does not know him.</summary>
    public static async Task<Person> NameAsync(this IPeople people, string userId, CancellationToken cancellationToken) =>
        await people.FindAsync(userId, cancellationToken) ?? Person.Unknown(userId);

    /// <summary>
    /// Each id's name for histories, in the UI language: the background callers (timers, the process manager's
    /// reactions) as "系统" / "The system"; the id itself for those the store does not know.
    /// </summary>
    public static async Task<IReadOnlyDictionary<string, string>> NamesAsync(this IPeople people, IEnumerable<string> userIds, CancellationToken cancellationToken)
    {
        var ids = userIds.Distinct(StringComparer.Ordinal).ToList();
        var found = await people.FindAsync(ids, cancellationToken);
        return ids.ToDictionary(
            id => id,
            id => SystemCallers.Contains(id) ? Language.Say("系统", "The system") : found.TryGetValue(id, out var p) ? p.Name : id,
            StringComparer.Ordinal);
    }
}

/// <summary>The user ids code acts as when no person does; histories name them "系统" / "The system".</summary>
public static class SystemCallers
{
    /// <summary>The workflow timers, firing a state's expiry trigger.</summary>
    public const string Timers = "timer";

    public static bool Contains(string userId) => userId is Roles.System or Timers or Workflows.ReactionContext.UserId;
}
