namespace Court.Domain.Common;

/// <summary>
/// Write-side state rebuilt by folding its stream. <c>Initial</c> is the state of an empty stream;
/// <c>Evolve</c> is pure and total (unknown events leave the state as it is).
/// </summary>
public interface IAggregateState<TSelf>
    where TSelf : IAggregateState<TSelf>
{
    static abstract TSelf Initial { get; }

    /// <summary>The stream-id prefix, e.g. "bankruptcy-case-": one stream per aggregate instance.</summary>
    static abstract string StreamPrefix { get; }

    TSelf Evolve(IDomainEvent @event);
}
