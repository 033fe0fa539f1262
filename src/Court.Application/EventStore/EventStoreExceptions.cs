namespace Court.Application.EventStore;

/// <summary>The stream was not at the expected version: someone else wrote first. Never a lost update.</summary>
public sealed class WrongExpectedVersionException(string streamId, ExpectedVersion expected, long actual)
    : Exception($"Stream '{streamId}' was expected at version {expected} but is at {(actual < 0 ? "no stream" : actual.ToString(System.Globalization.CultureInfo.InvariantCulture))}.")
{
    public string StreamId { get; } = streamId;

    public ExpectedVersion Expected { get; } = expected;

    /// <summary>The stream's current last version; -1 when it does not exist.</summary>
    public long ActualVersion { get; } = actual;
}

/// <summary>An event id that is already stored somewhere other than where this append would put it.</summary>
public sealed class DuplicateEventIdException(Guid eventId, string storedIn)
    : Exception($"Event id {eventId} is already stored in stream '{storedIn}' at another place.")
{
    public Guid EventId { get; } = eventId;

    public string StoredIn { get; } = storedIn;
}
