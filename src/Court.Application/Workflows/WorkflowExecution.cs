using System.Globalization;
using Court.Domain.Common;

namespace Court.Application.Workflows;

/// <summary>
/// Per-scope settings of appends. The timer service, the process manager and the HTTP Idempotency-Key set
/// <see cref="IdempotencyKey"/> so the events a step appends, and the ids it mints for new things, are derived from
/// it: a retry after a crash is recognised as a repeat.
/// </summary>
/// <remarks>
/// A keyed retry reads each stream only up to the event its own next append would write (<see cref="ReplayBoundary"/>),
/// so when the first run's append did commit, the retry decides on the same state, mints the same ids, and its append
/// is an idempotent replay: one effect, and the same answer as the first run (decision 0110).
/// </remarks>
public sealed class WorkflowExecution
{
    public string? IdempotencyKey { get; set; }

    /// <summary>The key is a client's Idempotency-Key: the command still waits for its follow-ups like any request.</summary>
    public bool KeyFromRequest { get; set; }

    /// <summary>The log position of this scope's last append (what its follow-up steps are awaited up to).</summary>
    public long? LastPosition { get; private set; }

    public void Appended(long position) => LastPosition = Math.Max(position, LastPosition ?? 0);

    private readonly Dictionary<string, int> appends = new(StringComparer.Ordinal);
    private int minted;

    /// <summary>Forgets this scope's appends and minted ids, for a request run again after it applied nothing: the re-run must derive the same ids.</summary>
    public void Restart()
    {
        appends.Clear();
        minted = 0;
    }

    /// <summary>An id for a new thing (an asset, a seizure, a request): derived from the key when there is one.</summary>
    public Guid NewId() => IdempotencyKey is { } key
        ? DeterministicGuid.From(string.Create(CultureInfo.InvariantCulture, $"court:id:{key}:{minted++}"))
        : Guid.CreateVersion7();

    /// <summary>
    /// The id of the first event this scope's next append to <paramref name="streamId"/> would write, or null without
    /// a key. A stream read stops before it: what follows is this key's own earlier run.
    /// </summary>
    public Guid? ReplayBoundary(string streamId) =>
        IdempotencyKey is { } key ? IdFor(key, streamId, appends.GetValueOrDefault(streamId), 0) : null;

    /// <summary>
    /// The ids for the events of this scope's next append to <paramref name="streamId"/>: derived from the key, the
    /// stream and how many appends this scope made to it before (so two steps never share an id), or fresh ids without a key.
    /// </summary>
    public Func<int, Guid?> NextAppend(string streamId)
    {
        if (IdempotencyKey is not { } key)
        {
            return _ => null;
        }

        var number = appends.GetValueOrDefault(streamId);
        appends[streamId] = number + 1;
        return index => IdFor(key, streamId, number, index);
    }

    public static Guid IdFor(string key, string streamId, int append, int index) =>
        DeterministicGuid.From(string.Create(CultureInfo.InvariantCulture, $"court:event:{key}:{streamId}:{append}#{index}"));
}
