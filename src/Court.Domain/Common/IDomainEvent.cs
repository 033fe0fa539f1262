namespace Court.Domain.Common;

/// <summary>Marker for past-tense facts. Every implementation is an immutable record with an <see cref="EventTypeAttribute"/>.</summary>
public interface IDomainEvent;

/// <summary>
/// The stable name an event is stored under. It never changes when the CLR type is renamed or moved,
/// so the log stays readable; a changed shape gets a new name (".v2").
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class EventTypeAttribute(string name) : Attribute
{
    public string Name { get; } = name;
}
