using Court.Application.Common;
using Court.Domain.Common;
using Court.Domain.Fees;
using FluentValidation;
using Mediator;

namespace Court.Application.Fees.Publishing;

/// <summary>
/// The system administrator publishes a new version of a schedule (a court's own small-claims schedule, or a revised
/// national one). Nothing is edited: the new version takes effect on its date, and cases filed before keep theirs.
/// </summary>
public sealed record PublishFeeScheduleVersion(
    string? Id,
    DateOnly? EffectiveFrom,
    string? TitleZh,
    string? TitleEn,
    string? CourtCode,
    Procedure? Procedure,
    IReadOnlyList<FeeScale>? Scales,
    IReadOnlyList<FeeReduction>? Reductions,
    string? Basis,
    [property: MultiLine] string? Note) : ICommand<PublishedFeeSchedule>;

/// <param name="Published">False when the latest version already had these terms (nothing was written).</param>
public sealed record PublishedFeeSchedule(string Id, int Version, DateOnly EffectiveFrom, long StreamVersion, bool Published);

public sealed class PublishFeeScheduleVersionValidator : AbstractValidator<PublishFeeScheduleVersion>
{
    public PublishFeeScheduleVersionValidator()
    {
        RuleFor(x => x.Id).NotEmpty().MaximumLength(80);
        RuleFor(x => x.EffectiveFrom).NotNull();
        RuleFor(x => x.TitleZh).NotEmpty().MaximumLength(200);
        RuleFor(x => x.TitleEn).NotEmpty().MaximumLength(200);
        RuleFor(x => x.CourtCode).MaximumLength(20);
        RuleFor(x => x.Scales).NotEmpty();
        RuleFor(x => x.Note).MaximumLength(1000);
        RuleFor(x => x.Basis).MaximumLength(500);
    }
}

public sealed class PublishFeeScheduleVersionHandler(AggregateStore store) : ICommandHandler<PublishFeeScheduleVersion, PublishedFeeSchedule>
{
    public async ValueTask<PublishedFeeSchedule> Handle(PublishFeeScheduleVersion command, CancellationToken cancellationToken)
    {
        var terms = new FeeSchedule(
            command.Id!.Trim(),
            0,
            command.EffectiveFrom!.Value,
            command.TitleZh!.Trim(),
            command.TitleEn!.Trim(),
            new FeeScope(string.IsNullOrWhiteSpace(command.CourtCode) ? null : command.CourtCode.Trim(), command.Procedure),
            command.Scales!,
            command.Reductions ?? [],
            command.Basis);
        var before = await store.LoadAsync<FeeScheduleHistory>(terms.Id, cancellationToken);
        var version = await store.ExecuteAsync<FeeScheduleHistory>(terms.Id, (history, now) => FeeSchedulePublishing.Decide(history, new PublishFeeSchedule(terms, command.Note), now), cancellationToken: cancellationToken);
        var after = await store.LoadAsync<FeeScheduleHistory>(terms.Id, cancellationToken);
        var latest = after.State.Versions.LastOrDefault() ?? NationalFeeSchedule.BuiltIn.Last(s => s.Id == terms.Id);
        return new PublishedFeeSchedule(latest.Id, latest.Version, latest.EffectiveFrom, version, after.Version != before.Version);
    }
}
