using Court.Application.Demo;

namespace Court.Web.Tests.Authorization;

/// <summary>Values a capability's matrix seeding creates (ids, numbers) for its rows' paths and bodies.</summary>
public sealed class MatrixState
{
    private readonly Dictionary<string, string> values = new(StringComparer.Ordinal);

    public string this[string key]
    {
        get => values.TryGetValue(key, out var v) ? v : throw new KeyNotFoundException($"The matrix seeding set no '{key}'.");
        set => values[key] = value;
    }
}

/// <summary>
/// One endpoint's row: its method and route pattern exactly as mapped (e.g. "/api/documents/{number}"), how to build a
/// concrete request, and the status each caller gets. <paramref name="Body"/> gets the caller's user name (null for
/// anonymous) so a create can use a fresh id per caller.
/// </summary>
public sealed record MatrixRow(
    string Method,
    string Pattern,
    Func<MatrixState, string> Path,
    IReadOnlyDictionary<string, int> Expected,
    Func<MatrixState, string?, object?>? Body = null)
{
    public string Key => $"{Method} {Pattern}";

    public override string ToString() => Key;
}

/// <summary>
/// A capability's rows and the state they need. Add one class per capability in this folder (no shared file to edit):
/// <see cref="SeedAsync"/> creates what the paths refer to, <see cref="Rows"/> lists every endpoint of the capability.
/// </summary>
public interface IMatrixRows
{
    Task SeedAsync(MatrixState state, IServiceProvider services);

    IEnumerable<MatrixRow> Rows { get; }
}

/// <summary>Who calls: nobody, then each demo user.</summary>
public static class Callers
{
    public const string Anonymous = "anonymous";

    public static readonly IReadOnlyList<string> All = [Anonymous, .. DemoUsers.All.Select(u => u.UserName)];

    /// <summary>
    /// Expected statuses: <paramref name="signedIn"/> for every demo user unless <paramref name="except"/> names him,
    /// <paramref name="anonymous"/> for no sign-in. <c>Expect(401, 403, ("clerk", 201), ("judge", 201))</c>.
    /// </summary>
    public static IReadOnlyDictionary<string, int> Expect(int anonymous, int signedIn, params (string User, int Status)[] except)
    {
        var unknown = except.Select(e => e.User).Where(u => !All.Contains(u)).ToList();
        if (unknown.Count > 0)
        {
            throw new ArgumentException($"Not a matrix caller: {string.Join(", ", unknown)}", nameof(except));
        }

        var expected = All.ToDictionary(c => c, c => c == Anonymous ? anonymous : signedIn, StringComparer.Ordinal);
        foreach (var (user, status) in except)
        {
            expected[user] = status;
        }

        return expected;
    }

    /// <summary>The same status for several users: <c>Each(201, "clerk", "judge")</c>.</summary>
    public static (string User, int Status)[] Each(int status, params string[] users) => [.. users.Select(u => (u, status))];
}

public static class MatrixCatalog
{
    /// <summary>Every <see cref="IMatrixRows"/> in this assembly.</summary>
    public static IReadOnlyList<IMatrixRows> Capabilities { get; } = typeof(MatrixCatalog).Assembly.GetTypes()
        .Where(t => t is { IsClass: true, IsAbstract: false } && typeof(IMatrixRows).IsAssignableFrom(t))
        .OrderBy(t => t.Name, StringComparer.Ordinal)
        .Select(t => (IMatrixRows)Activator.CreateInstance(t)!)
        .ToList();

    public static IReadOnlyList<MatrixRow> Rows { get; } = Capabilities.SelectMany(c => c.Rows).ToList();

    public static MatrixRow Find(string key) => Rows.Single(r => r.Key == key);
}
