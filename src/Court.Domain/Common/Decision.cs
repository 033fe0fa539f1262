namespace Court.Domain.Common;

/// <summary>
/// What a decider answers: the events to append, or the rule that was broken.
/// An already-satisfied command yields no events (idempotent); an impossible one yields an error.
/// </summary>
public readonly record struct Decision
{
    private Decision(IReadOnlyList<IDomainEvent> events, DomainError? error)
    {
        Events = events;
        Error = error;
    }

    public IReadOnlyList<IDomainEvent> Events { get; }

    public DomainError? Error { get; }

    public bool IsError => Error is not null;

    public static Decision Emit(params IDomainEvent[] events) => new(events, null);

    public static Decision Nothing { get; } = new([], null);

    public static Decision Fail(DomainError error) => new([], error);

    public static implicit operator Decision(DomainError error) => Fail(error);

    /// <summary>The events, or a <see cref="DomainException"/> for the edge to map to problem details.</summary>
    public IReadOnlyList<IDomainEvent> ThrowIfError() => Error is null ? Events : throw new DomainException(Error);
}
