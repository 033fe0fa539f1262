using Court.Application.EventStore;
using Court.Application.Projections;

namespace Court.Infrastructure.EventStore;

/// <summary>
/// Turns a page of the log into envelopes for one projection, decoding the JSON on all cores: decoding costs more than
/// reading the rows or applying the projection, and events are independent of each other until they are applied.
/// </summary>
internal static class PageDecoder
{
    private const int ParallelFrom = 64;

    /// <summary>One slot per recorded event: its envelope, or null when this build does not know the type or the projection does not handle it.</summary>
    public static EventEnvelope?[] Decode(EventTypeRegistry registry, IProjection projection, IReadOnlyList<RecordedEvent> page)
    {
        var envelopes = new EventEnvelope?[page.Count];
        if (page.Count < ParallelFrom)
        {
            for (var i = 0; i < page.Count; i++)
            {
                envelopes[i] = DecodeOne(registry, projection, page[i]);
            }
        }
        else
        {
            Parallel.For(0, page.Count, i => envelopes[i] = DecodeOne(registry, projection, page[i]));
        }

        return envelopes;
    }

    private static EventEnvelope? DecodeOne(EventTypeRegistry registry, IProjection projection, RecordedEvent recorded) =>
        registry.Deserialize(recorded) is { } @event && projection.Handles(@event)
            ? new EventEnvelope(recorded, @event, EventTypeRegistry.ReadMetadata(recorded))
            : null;
}
