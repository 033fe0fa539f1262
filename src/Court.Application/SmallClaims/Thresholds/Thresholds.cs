using Court.Application.Bankruptcy;
using Court.Application.Common;
using Court.Application.SmallClaims.Eligibility;
using Court.Domain.SmallClaims;
using FluentValidation;
using Mediator;

namespace Court.Application.SmallClaims.Thresholds;

/// <summary>A province's threshold periods, oldest first, each saying whether an administrator has confirmed it.</summary>
public sealed record ListSmallClaimsThresholds(string Province) : IQuery<IReadOnlyList<ThresholdItem>>;

/// <summary>The system administrator confirms a shipped period against the high court's notice.</summary>
public sealed record ConfirmSmallClaimsThreshold(string Province, DateOnly EffectiveFrom, string? Notice) : ICommand<ThresholdChanged>;

/// <summary>The system administrator publishes a period (next year's figure, or a correction of one with the same date).</summary>
public sealed record PublishSmallClaimsThreshold(string? Province, DateOnly? EffectiveFrom, int? WageYear, decimal? AnnualWage, string? WageSeries, string? Notice) : ICommand<ThresholdChanged>;

public sealed record ThresholdChanged(string Province, long Version, IReadOnlyList<ThresholdItem> Periods);

public sealed class ConfirmSmallClaimsThresholdValidator : AbstractValidator<ConfirmSmallClaimsThreshold>
{
    public ConfirmSmallClaimsThresholdValidator()
    {
        RuleFor(x => x.Province).Matches("^[A-Za-z]{2}$").WithMessage("province is a two-letter code, e.g. CQ.");
        RuleFor(x => x.Notice).Text(200);
    }
}

public sealed class PublishSmallClaimsThresholdValidator : AbstractValidator<PublishSmallClaimsThreshold>
{
    public PublishSmallClaimsThresholdValidator()
    {
        RuleFor(x => x.Province).NotNull().Matches("^[A-Za-z]{2}$").WithMessage("province is a two-letter code, e.g. CQ.");
        RuleFor(x => x.EffectiveFrom).NotNull();
        RuleFor(x => x.WageYear).NotNull();
        RuleFor(x => x.AnnualWage).NotNull().GreaterThan(0).Must(w => w is null || YuanInput.ToFen(w) is not null).WithMessage("annualWage is in yuan with at most two decimals.");
        RuleFor(x => x.WageSeries).Text(50);
        RuleFor(x => x.Notice).Text(200);
    }
}

public sealed class SmallClaimsThresholdHandlers(AggregateStore store) :
    IQueryHandler<ListSmallClaimsThresholds, IReadOnlyList<ThresholdItem>>,
    ICommandHandler<ConfirmSmallClaimsThreshold, ThresholdChanged>,
    ICommandHandler<PublishSmallClaimsThreshold, ThresholdChanged>
{
    public async ValueTask<IReadOnlyList<ThresholdItem>> Handle(ListSmallClaimsThresholds query, CancellationToken cancellationToken)
    {
        var province = query.Province.ToUpperInvariant();
        var table = await store.LoadAsync<ThresholdTable>(province, cancellationToken);
        return [.. table.State.Periods(province).Select(ThresholdItem.From)];
    }

    public async ValueTask<ThresholdChanged> Handle(ConfirmSmallClaimsThreshold command, CancellationToken cancellationToken)
    {
        var province = command.Province.ToUpperInvariant();
        var version = await store.ExecuteAsync<ThresholdTable>(province, (table, _) => ThresholdDecisions.Decide(table, new ConfirmThreshold(province, command.EffectiveFrom, command.Notice!)), cancellationToken: cancellationToken);
        return await ChangedAsync(province, version, cancellationToken);
    }

    public async ValueTask<ThresholdChanged> Handle(PublishSmallClaimsThreshold command, CancellationToken cancellationToken)
    {
        var province = command.Province!.ToUpperInvariant();
        var period = new ThresholdPeriod(province, command.EffectiveFrom!.Value, command.WageYear!.Value, YuanInput.ToFen(command.AnnualWage)!.Value, command.WageSeries!.Trim(), true, command.Notice!.Trim());
        var version = await store.ExecuteAsync<ThresholdTable>(province, (table, _) => ThresholdDecisions.Decide(table, new PublishThreshold(period)), cancellationToken: cancellationToken);
        return await ChangedAsync(province, version, cancellationToken);
    }

    private async Task<ThresholdChanged> ChangedAsync(string province, long version, CancellationToken cancellationToken) =>
        new(province, version, await Handle(new ListSmallClaimsThresholds(province), cancellationToken));
}
