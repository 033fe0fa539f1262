using System.Text.Json.Serialization;
using Court.Application.Bankruptcy.ReadModels;
using Court.Application.Projections;
using Court.Application.Workflows;
using Court.Domain.Bankruptcy;
using Court.Domain.Common;
using FluentValidation;
using Mediator;

namespace Court.Application.Bankruptcy.Releasing;

/// <summary>The administrator asks the court to have seizures on one asset lifted (EBL art. 19), with his reasons.</summary>
public sealed record RequestRelease(string? AssetId, IReadOnlyList<string>? SeizureIds, [property: MultiLine] string? Reasons) : ConditionalWrite, ICommand<Changed>, ICaseScoped
{
    [JsonIgnore]
    public string EstateId { get; init; } = "";

    string ICaseScoped.CaseScope => EstateId;
}

public sealed class RequestReleaseValidator : AbstractValidator<RequestRelease>
{
    public RequestReleaseValidator()
    {
        RuleFor(x => x.AssetId).NotEmpty().MaximumLength(64);
        RuleFor(x => x.SeizureIds).NotEmpty().Must(ids => ids is null || ids.Count <= 50).WithMessage("Name at most 50 seizures.");
        RuleForEach(x => x.SeizureIds).NotEmpty().MaximumLength(64);
        RuleFor(x => x.Reasons).Text(2000);
    }
}

public sealed class RequestReleaseHandler(BankruptcyProcess process, WorkflowRuntime workflows, IReadModels reads, Common.ICallerContext caller) : ICommandHandler<RequestRelease, Changed>
{
    public async ValueTask<Changed> Handle(RequestRelease command, CancellationToken cancellationToken)
    {
        var (estate, asset) = await process.AssetAsync(command.EstateId, command.AssetId!, cancellationToken);

        var view = await reads.GetAsync<CaseView>(command.EstateId, cancellationToken);

        // If-Match is the case's ETag: the request is made on the case as the client last read it.
        if (command.IfMatch is { } ifMatch && ifMatch != view?.Version)
        {
            throw new EventStore.WrongExpectedVersionException(command.EstateId, EventStore.ExpectedVersion.Exactly(ifMatch), view?.Version ?? -1);
        }

        // One open request per asset: a second would send the same letters twice.
        if (view?.Asset(asset.Id) is { ReleaseRequestId: { } open, ReleaseOpen: true })
        {
            throw new DomainException(DomainError.Conflict("release.already-requested", $"The asset already has an open release request ({open})."));
        }

        var id = workflows.NewId().ToString("D");
        var request = new ReleaseCommand.Request(id, estate, asset, [.. command.SeizureIds!.Distinct(StringComparer.Ordinal)], command.Reasons!.Trim(), caller.UserId);
        var version = await workflows.StartAsync<ReleaseRequest>(BankruptcyWorkflows.Release, id, (state, at) => ReleaseDecider.Decide(state, request, at.Now), cancellationToken: cancellationToken);
        return new Changed(id, version);
    }
}
