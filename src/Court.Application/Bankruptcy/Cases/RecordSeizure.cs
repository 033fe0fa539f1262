using System.Text.Json.Serialization;
using Court.Application.Bankruptcy.ReadModels;
using Court.Application.Common;
using Court.Application.Projections;
using Court.Domain.Bankruptcy;
using Court.Domain.Common;
using FluentValidation;
using Mediator;

namespace Court.Application.Bankruptcy.Cases;

/// <summary>A seizure found on an asset (from the registry's records): who seized it, under which document, when, and its rank.</summary>
public sealed record RecordSeizure(
    string? SeizingBody,
    string? SeizingBodySuperior,
    string? DocumentNumber,
    DateOnly? SeizedOn,
    SeizureRank? Rank,
    string? RegistrationReference = null) : ConditionalWrite, ICommand<RecordedSeizure>, ICaseScoped
{
    [JsonIgnore]
    public string AssetId { get; init; } = "";

    string ICaseScoped.CaseScope => CaseLink.ForAsset(AssetId);
}

public sealed record RecordedSeizure(string AssetId, string SeizureId, DateOnly ExpiresOn, long Version);

public sealed class RecordSeizureValidator : AbstractValidator<RecordSeizure>
{
    public RecordSeizureValidator()
    {
        RuleFor(x => x.SeizingBody).Text(100);
        RuleFor(x => x.SeizingBodySuperior).OptionalText(100);
        RuleFor(x => x.DocumentNumber).Text(100);
        RuleFor(x => x.SeizedOn).NotNull().GreaterThan(new DateOnly(1990, 1, 1));
        RuleFor(x => x.Rank).NotNull().IsInEnum();
        RuleFor(x => x.RegistrationReference).OptionalText(100);
    }
}

public sealed class RecordSeizureHandler(AggregateStore store, IReadModels reads, ICallerContext caller) : ICommandHandler<RecordSeizure, RecordedSeizure>
{
    public async ValueTask<RecordedSeizure> Handle(RecordSeizure command, CancellationToken cancellationToken)
    {
        var link = await reads.GetAsync<CaseLink>(CaseLink.ForAsset(command.AssetId), cancellationToken)
            ?? throw new DomainException(DomainError.NotFound("asset.not-found", "There is no such asset."));
        var record = new EstateCommand.RecordSeizure(
            command.AssetId, store.NewId().ToString("D"), command.SeizingBody!.Trim(), command.SeizingBodySuperior?.Trim() is { Length: > 0 } s ? s : null,
            command.DocumentNumber!.Trim(), command.SeizedOn!.Value, command.Rank!.Value, command.RegistrationReference?.Trim() is { Length: > 0 } r ? r : null, caller.UserId);
        var version = await store.ExecuteAsync<Estate>(link.EstateId, (state, now) => EstateDecider.Decide(state, record, now), command.IfMatch, cancellationToken: cancellationToken);
        var seizure = (await store.LoadAsync<Estate>(link.EstateId, cancellationToken)).State.Asset(command.AssetId)!.Seizures
            .Find(x => x.Id == record.SeizureId || (x.SeizingBody == record.SeizingBody && x.DocumentNumber == record.DocumentNumber))!;
        return new RecordedSeizure(command.AssetId, seizure.Id, seizure.ExpiresOn, version);
    }
}
