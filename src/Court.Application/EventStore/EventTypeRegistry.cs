using System.Collections.Frozen;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;
using Court.Domain.Common;

namespace Court.Application.EventStore;

/// <summary>Maps stable event-type names to CLR types and (de)serializes events and metadata as JSON.</summary>
public sealed class EventTypeRegistry
{
    public static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    private readonly FrozenDictionary<string, Type> byName;
    private readonly FrozenDictionary<Type, string> byType;

    public EventTypeRegistry(IEnumerable<Assembly> assemblies)
    {
        var pairs = new Dictionary<string, Type>(StringComparer.Ordinal);
        foreach (var type in assemblies.Distinct().SelectMany(a => a.GetTypes()))
        {
            if (type.IsAbstract || !typeof(IDomainEvent).IsAssignableFrom(type))
            {
                continue;
            }

            var name = type.GetCustomAttribute<EventTypeAttribute>()?.Name
                ?? throw new InvalidOperationException($"Event {type.FullName} has no [EventType(\"...\")]: every stored event needs a stable name.");
            if (!pairs.TryAdd(name, type))
            {
                throw new InvalidOperationException($"Event type name '{name}' is used by both {pairs[name].FullName} and {type.FullName}.");
            }
        }

        byName = pairs.ToFrozenDictionary(StringComparer.Ordinal);
        byType = pairs.ToFrozenDictionary(p => p.Value, p => p.Key);
    }

    public IReadOnlyCollection<string> Names => byName.Keys;

    public string NameOf(Type eventType) =>
        byType.TryGetValue(eventType, out var name) ? name : throw new InvalidOperationException($"{eventType.FullName} is not a registered event.");

    public Type? TypeOf(string name) => byName.GetValueOrDefault(name);

    public EventData ToEventData(IDomainEvent @event, EventMetadata metadata, Guid? eventId = null) => new(
        eventId ?? Guid.CreateVersion7(),
        NameOf(@event.GetType()),
        JsonSerializer.Serialize(@event, @event.GetType(), JsonOptions),
        JsonSerializer.Serialize(metadata, JsonOptions));

    /// <summary>The domain event, or null for a type this build does not know (an event from a newer version is skipped, not fatal).</summary>
    public IDomainEvent? Deserialize(RecordedEvent recorded) =>
        TypeOf(recorded.Type) is { } type ? (IDomainEvent?)JsonSerializer.Deserialize(recorded.Data, type, JsonOptions) : null;

    /// <summary>
    /// The domain event, for the write side: an aggregate is decided on from all of its stream, so an event type this
    /// build does not know refuses the load (<see cref="UnknownEventTypeException"/>) rather than deciding on part of
    /// the history. Only readers that merely show events (the timeline, projections) skip unknown types.
    /// </summary>
    public IDomainEvent DeserializeKnown(RecordedEvent recorded) =>
        Deserialize(recorded) ?? throw new UnknownEventTypeException(recorded.StreamId, recorded.Version, recorded.Type);

    public static EventMetadata ReadMetadata(RecordedEvent recorded) =>
        JsonSerializer.Deserialize<EventMetadata>(recorded.Metadata, JsonOptions)
        ?? throw new InvalidOperationException($"Event {recorded.EventId} has no metadata.");
}

/// <summary>A stream holds an event type this build does not know (written by a newer version): its aggregate is not decided on here.</summary>
public sealed class UnknownEventTypeException(string streamId, long version, string type)
    : InvalidOperationException($"{streamId}@{version} is a '{type}' event, which this version of Court does not know; upgrade before acting on this record.")
{
    public string StreamId { get; } = streamId;

    public string EventType { get; } = type;
}
