using Court.Application.Common;
using Court.Application.Projections;
using Court.Domain.Common;
using Court.Domain.Service;
using FluentValidation;
using Mediator;

namespace Court.Application.Service;

/// <summary>One refused row of a carrier's daily file, partitioned by the carrier: what its page shows as refused.</summary>
[Collection("carrier-refusals")]
public sealed record CarrierRefusalView(string Id, string BatchId, string Carrier, int Line, string? EventId, string? Reference, string Code, string Reason, DateTimeOffset ReceivedAt, string By) : IListed
{
    public const string StreamPrefix = "carrier-batch-";

    /// <summary>Newest file first when descending (the default on the page), then by line.</summary>
    public const string SortByReceived = "received";

    public IEnumerable<ListKey> ListKeys() =>
    [
        ListKey.Of(SortByReceived, ListKey.Encode(ReceivedAt), BatchId, Line.ToString("D6", System.Globalization.CultureInfo.InvariantCulture)),
        ListKey.Search(EventId, Reference, Code),
    ];
}

public sealed class CarrierRefusalProjection : IProjection
{
    public string Name => "carrier-refusals";

    public ProjectionMode Mode => ProjectionMode.Inline;

    public bool Handles(IDomainEvent @event) => @event is CarrierBatchRefusalsRecorded;

    public ValueTask ApplyAsync(EventEnvelope envelope, IDocumentSession session, CancellationToken cancellationToken)
    {
        var e = (CarrierBatchRefusalsRecorded)envelope.Event;
        foreach (var row in e.Refused)
        {
            var id = $"{e.BatchId}:{row.Line}";
            session.Store(id, new CarrierRefusalView(id, e.BatchId, e.Carrier, row.Line, row.EventId, row.Reference, row.Code, row.Reason, e.At, e.By), e.Carrier);
        }

        return ValueTask.CompletedTask;
    }
}

/// <summary>The refused rows of the carrier's daily files, newest file first: a carrier's operator sees his own carrier's, a clerk the court's carrier's.</summary>
public sealed record GetCarrierRefusals(PageParameters? Page = null) : IQuery<Page<CarrierRefusalView>>
{
    public static readonly ListSorts Sorts = new(CarrierRefusalView.SortByReceived);
}

public sealed class GetCarrierRefusalsValidator : AbstractValidator<GetCarrierRefusals>
{
    public GetCarrierRefusalsValidator() => RuleFor(q => q.Page).PagedBy(GetCarrierRefusals.Sorts);
}

public sealed class GetCarrierRefusalsHandler(IReadModels readModels, ICallerContext caller, ServiceSettings settings) : IQueryHandler<GetCarrierRefusals, Page<CarrierRefusalView>>
{
    public async ValueTask<Page<CarrierRefusalView>> Handle(GetCarrierRefusals query, CancellationToken cancellationToken)
    {
        var carrier = caller.IsInRole(Roles.CarrierOperator) ? caller.Agency ?? "" : settings.ExpressCarrier;
        var page = query.Page ?? new PageParameters();
        page = page.Sort is null ? page with { Sort = "-" + CarrierRefusalView.SortByReceived } : page;
        var request = page.ToRequest(GetCarrierRefusals.Sorts) with { Partitions = [carrier] };
        return await readModels.PageAsync<CarrierRefusalView>(request, cancellationToken);
    }
}
