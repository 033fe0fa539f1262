using System.Globalization;
using Court.Domain.Common;

namespace Court.Application.Workflows;

/// <summary>
/// Per-scope settings of appends. The timer service and the process manager set <see cref="IdempotencyKey"/> so the
/// events a background step appends get ids derived from it: a retry after a crash is recognised as a repeat.
/// </summary>
public sealed class WorkflowExecution
{
    public string? IdempotencyKey { get; set; }

    /// <summary>The log position of this scope's last append (what its follow-up steps are awaited up to).</summary>
    public long? LastPosition { get; private set; }

    public void Appended(long position) => LastPosition = Math.Max(position, LastPosition ?? 0);

    private readonly Dictionary<string, int> appends = new(StringComparer.Ordinal);

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
