namespace Court.Application.EventStore;

/// <summary>
/// The optimistic-concurrency condition of an append, as in EventStoreDB's StreamState/StreamRevision:
/// any, no stream, stream exists, or exactly this version (0-based version of the stream's last event).
/// </summary>
public readonly record struct ExpectedVersion
{
    private const long AnyValue = -2;
    private const long NoStreamValue = -1;
    private const long StreamExistsValue = -4;

    private ExpectedVersion(long value) => Value = value;

    public long Value { get; }

    public static ExpectedVersion Any { get; } = new(AnyValue);

    public static ExpectedVersion NoStream { get; } = new(NoStreamValue);

    public static ExpectedVersion StreamExists { get; } = new(StreamExistsValue);

    public static ExpectedVersion Exactly(long version) =>
        version >= 0 ? new(version) : throw new ArgumentOutOfRangeException(nameof(version), "A stream version is 0 or more.");

    public bool IsAny => Value == AnyValue;

    public bool IsNoStream => Value == NoStreamValue;

    public bool IsStreamExists => Value == StreamExistsValue;

    public bool IsExact => Value >= 0;

    /// <summary>Whether a stream whose last version is <paramref name="current"/> (-1: none) satisfies this condition.</summary>
    public bool IsSatisfiedBy(long current) => Value switch
    {
        AnyValue => true,
        NoStreamValue => current == -1,
        StreamExistsValue => current >= 0,
        _ => current == Value,
    };

    public override string ToString() => Value switch
    {
        AnyValue => "any",
        NoStreamValue => "no-stream",
        StreamExistsValue => "stream-exists",
        _ => Value.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };
}
