using System.Globalization;
using Court.Application.EventStore;
using Court.Domain.Common;
using Microsoft.Extensions.DependencyInjection;

namespace Court.Application.Timeline;

/// <summary>How one event type reads in a case's timeline, after the actor's name: "批准了解封申请" / "approved the release".</summary>
public sealed record TimelineSentence(Type EventType, Func<IDomainEvent, string> Zh, Func<IDomainEvent, string> En);

public static class TimelineRegistration
{
    /// <summary>
    /// Registers the sentence for <typeparamref name="TEvent"/>; call from the slice's module. Write the predicate only
    /// (the actor and time are shown beside it): zh "批准了 {e.AssetName} 的解封申请", en "approved the release of {e.AssetName}".
    /// </summary>
    public static IServiceCollection AddTimelineSentence<TEvent>(this IServiceCollection services, Func<TEvent, string> zh, Func<TEvent, string> en)
        where TEvent : IDomainEvent =>
        services.AddSingleton(new TimelineSentence(typeof(TEvent), e => zh((TEvent)e), e => en((TEvent)e)));
}

/// <summary>One event as a timeline line: who (user name and agency code from metadata), when, and what, in one language.</summary>
public sealed record TimelineEntry(long Version, DateTimeOffset OccurredAt, string UserId, string? Agency, string Sentence, string EventType);

/// <summary>Reads a stream newest first and turns each event into a sentence in the current UI culture.</summary>
public sealed class TimelineReader(IEventStore store, EventTypeRegistry registry, IEnumerable<TimelineSentence> sentences)
{
    private readonly Dictionary<Type, TimelineSentence> byType = sentences.GroupBy(s => s.EventType).ToDictionary(g => g.Key, g => g.Last());

    /// <summary>The caller must already be allowed to see <paramref name="streamId"/>: this reads it unconditionally.</summary>
    public async Task<IReadOnlyList<TimelineEntry>> ReadAsync(string streamId, int maxCount = 200, CultureInfo? culture = null, CancellationToken cancellationToken = default)
    {
        var zh = IsChinese(culture ?? CultureInfo.CurrentUICulture);
        var recorded = await store.ReadStreamAsync(streamId, ReadDirection.Backwards, long.MaxValue, maxCount, cancellationToken);
        return [.. recorded.Select(r => Entry(r, zh))];
    }

    /// <summary>Up to <paramref name="maxCount"/> events after version <paramref name="afterVersion"/> (-1: from the first), oldest first: a page of a history.</summary>
    public async Task<IReadOnlyList<TimelineEntry>> ReadForwardAsync(string streamId, long afterVersion, int maxCount, CultureInfo? culture = null, CancellationToken cancellationToken = default)
    {
        var zh = IsChinese(culture ?? CultureInfo.CurrentUICulture);
        var recorded = await store.ReadStreamAsync(streamId, ReadDirection.Forwards, afterVersion + 1, maxCount, cancellationToken);
        return [.. recorded.Select(r => Entry(r, zh))];
    }

    private TimelineEntry Entry(RecordedEvent recorded, bool zh)
    {
        var metadata = EventTypeRegistry.ReadMetadata(recorded);
        return new TimelineEntry(recorded.Version, metadata.OccurredAt, metadata.UserId, metadata.Agency, Describe(recorded, zh), recorded.Type);
    }

    public bool HasSentenceFor(Type eventType) => byType.ContainsKey(eventType);

    public static bool IsChinese(CultureInfo culture) => culture.TwoLetterISOLanguageName == "zh";

    private string Describe(RecordedEvent recorded, bool zh)
    {
        var @event = registry.Deserialize(recorded);
        if (@event is not null && byType.TryGetValue(@event.GetType(), out var sentence))
        {
            return zh ? sentence.Zh(@event) : sentence.En(@event);
        }

        // No sentence registered (or an event from a newer version): show its stable name rather than nothing.
        return zh ? $"记录了 {recorded.Type}" : $"recorded {recorded.Type}";
    }
}
