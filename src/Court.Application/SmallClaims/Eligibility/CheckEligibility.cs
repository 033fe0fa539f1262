using Court.Application.Common;
using Court.Application.Fees;
using Court.Application.Fees.Quoting;
using Court.Domain.Fees;
using Court.Domain.Identifiers;
using Court.Domain.SmallClaims;
using FluentValidation;
using Mediator;

namespace Court.Application.SmallClaims.Eligibility;

/// <summary>May (or must) a case use small-claims procedure? Fields arrive as typed, so each bad one gets its own message.</summary>
public sealed record CheckSmallClaimsEligibility(string? Province, string? Amount, string? FiledOn, string? CaseType, string? PartiesAgreed) : IQuery<EligibilityAnswer>;

public sealed record ThresholdItem(string Province, DateOnly EffectiveFrom, int WageYear, decimal AnnualWage, string WageSeries, decimal MandatoryLimit, decimal AgreementLimit, bool Confirmed, string? Notice)
{
    public static ThresholdItem From(ThresholdPeriod p) =>
        new(p.Province, p.EffectiveFrom, p.WageYear, Money.ToYuan(p.AnnualWageFen), p.WageSeries, Money.ToYuan(p.MandatoryLimitFen), Money.ToYuan(p.AgreementLimitFen), p.Confirmed, p.Notice);
}

public sealed record ExclusionItem(string CaseType, string Article, string RuleZh, string RuleEn);

public sealed record EligibilityAnswer(string Outcome, bool Eligible, string Reason, string Province, decimal Amount, DateOnly FiledOn, string CaseType, bool PartiesAgreed, ThresholdItem? Threshold, ExclusionItem? Exclusion);

public sealed class CheckSmallClaimsEligibilityValidator : AbstractValidator<CheckSmallClaimsEligibility>
{
    public CheckSmallClaimsEligibilityValidator()
    {
        RuleFor(x => x.Province).Matches("^[A-Za-z]{2}$").When(x => x.Province is not null).WithMessage("province is a two-letter code, e.g. CQ.");
        RuleFor(x => x.Amount).Custom((amount, context) =>
        {
            if (!Money.TryParseYuan(amount, out _, out var error))
            {
                context.AddFailure(error);
            }
        });
        RuleFor(x => x.FiledOn).Must(d => d is null || Dates.TryParse(d, out _)).WithMessage("filedOn must be a date written yyyy-MM-dd.");
        RuleFor(x => x.CaseType).Must(t => t is null || SmallClaimsEligibility.TryParse(t, out _))
            .WithMessage($"caseType must be one of: {string.Join(", ", Enum.GetValues<SmallClaimsCaseType>().Select(SmallClaimsEligibility.Code))}.");
        RuleFor(x => x.PartiesAgreed).Must(p => p is null || bool.TryParse(p, out _)).WithMessage("partiesAgreed must be true or false.");
    }
}

public sealed class CheckSmallClaimsEligibilityHandler(AggregateStore store, FeesSettings settings) : IQueryHandler<CheckSmallClaimsEligibility, EligibilityAnswer>
{
    public async ValueTask<EligibilityAnswer> Handle(CheckSmallClaimsEligibility query, CancellationToken cancellationToken)
    {
        var province = (query.Province ?? settings.Province).ToUpperInvariant();
        _ = Money.TryParseYuan(query.Amount, out var amount, out _);
        var filedOn = query.FiledOn is null ? ChinaTime.DateOf(store.Clock.GetUtcNow()) : Dates.Parse(query.FiledOn);
        _ = SmallClaimsEligibility.TryParse(query.CaseType ?? "monetary", out var caseType);
        var agreed = query.PartiesAgreed is not null && bool.Parse(query.PartiesAgreed);

        var table = await store.LoadAsync<ThresholdTable>(province, cancellationToken);
        var assessment = SmallClaimsEligibility.Assess(table.State.InForce(province, filedOn), amount, caseType, agreed);
        return new EligibilityAnswer(
            assessment.Outcome switch
            {
                EligibilityOutcome.Mandatory => "mandatory",
                EligibilityOutcome.AllowedByAgreement => "allowed-by-agreement",
                _ => "not-allowed",
            },
            assessment.Eligible,
            assessment.Reason,
            province,
            Money.ToYuan(amount),
            filedOn,
            SmallClaimsEligibility.Code(caseType),
            agreed,
            assessment.Threshold is { } t ? ThresholdItem.From(t) : null,
            assessment.Exclusion is { } e ? new ExclusionItem(SmallClaimsEligibility.Code(e.CaseType), e.Article, e.RuleZh, e.RuleEn) : null);
    }
}
