using Court.Application.EventStore;
using FluentValidation;
using Mediator;

namespace Court.Application.Archives.Verifying;

/// <summary>A clerk checks that a stream's hash chain is intact in the live log, and reads its head hash to compare with an archive.</summary>
public sealed record VerifyStreamChain(string StreamId) : IQuery<ChainVerification>;

public sealed record ChainVerification(string StreamId, bool Intact, long EventsChecked, long HeadVersion, string? HeadHash, BrokenLink? BrokenAt);

public sealed class VerifyStreamChainValidator : AbstractValidator<VerifyStreamChain>
{
    public VerifyStreamChainValidator() => RuleFor(q => q.StreamId).NotEmpty().MaximumLength(200);
}

public sealed class VerifyStreamChainHandler(IEventStore store) : IQueryHandler<VerifyStreamChain, ChainVerification>
{
    public async ValueTask<ChainVerification> Handle(VerifyStreamChain query, CancellationToken cancellationToken)
    {
        var report = await store.VerifyAsync(query.StreamId, cancellationToken);
        var head = await store.ReadStreamAsync(query.StreamId, ReadDirection.Backwards, long.MaxValue, 1, cancellationToken);
        return new ChainVerification(query.StreamId, report.IsIntact, report.EventsChecked, head.Count == 0 ? -1 : head[0].Version, head.Count == 0 ? null : head[0].Hash, report.FirstBrokenLink);
    }
}
