using Court.Application.EventStore;
using Court.Application.Pipeline;
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
        // A stream with no events has no chain to call intact.
        var head = await store.ReadStreamAsync(query.StreamId, ReadDirection.Backwards, long.MaxValue, 1, cancellationToken);
        if (head.Count == 0)
        {
            throw new ResourceNotFoundException($"No stream '{query.StreamId}'.");
        }

        var report = await store.VerifyAsync(query.StreamId, cancellationToken);
        return new ChainVerification(query.StreamId, report.IsIntact, report.EventsChecked, head[0].Version, head[0].Hash, report.FirstBrokenLink);
    }
}
