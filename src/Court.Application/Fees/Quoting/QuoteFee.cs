using System.Globalization;
using Court.Domain.Fees;
using Court.Domain.Identifiers;
using FluentValidation;
using Mediator;

namespace Court.Application.Fees.Quoting;

/// <summary>
/// What a case of <see cref="Kind"/> with <see cref="Amount"/> yuan would pay under <see cref="Procedure"/> if filed on
/// <see cref="FiledOn"/> (today when absent) at <see cref="Court"/> (this court when absent). Fields arrive as the
/// client typed them, so each bad one gets its own message.
/// </summary>
public sealed record QuoteFee(string? Kind, string? Amount, string? Procedure, string? FiledOn, string? Court = null, string? Closing = null) : IQuery<FeeQuote>;

public sealed record QuoteLine(decimal From, decimal? To, decimal Portion, decimal? RatePercent, decimal? Fixed, decimal Fee);

public sealed record QuoteReduction(string Reason, string Factor);

public sealed record ScheduleReference(string Id, int Version, DateOnly EffectiveFrom, string TitleZh, string TitleEn);

/// <summary>A fee in yuan with two decimals, its band-by-band working, and the schedule version it came from.</summary>
public sealed record FeeQuote(
    string Kind,
    decimal? Amount,
    string Procedure,
    string Closing,
    DateOnly FiledOn,
    string Court,
    decimal Fee,
    decimal GrossFee,
    IReadOnlyList<QuoteLine> Breakdown,
    string? ScaleFactor,
    decimal? Cap,
    bool Capped,
    QuoteReduction? Reduction,
    ScheduleReference Schedule)
{
    public static FeeQuote From(FeeAssessment a, FeeSchedule schedule, DateOnly filedOn, string court) => new(
        FeeKinds.Code(a.Kind),
        a.AmountFen is { } amount ? Money.ToYuan(amount) : null,
        ProcedureCodes.Code(a.Procedure),
        a.Closing.ToString().ToLowerInvariant(),
        filedOn,
        court,
        Money.ToYuan(a.FeeFen),
        Money.ToYuan(a.GrossFen),
        [.. a.Lines.Select(l => new QuoteLine(Money.ToYuan(l.FromFen), l.ToFen is { } to ? Money.ToYuan(to) : null, Money.ToYuan(l.PortionFen), l.Rate * 100, l.FixedFen is { } f ? Money.ToYuan(f) : null, Money.ToYuan(l.FeeFen)))],
        a.ScaleFactor?.ToString(),
        a.CapFen is { } cap ? Money.ToYuan(cap) : null,
        a.Capped,
        a.Reduction is { } r ? new QuoteReduction(Kebab(r.Reason.ToString()), r.Factor.ToString()) : null,
        new ScheduleReference(schedule.Id, schedule.Version, schedule.EffectiveFrom, schedule.TitleZh, schedule.TitleEn));

    private static string Kebab(string pascal) => string.Concat(pascal.Select((c, i) => char.IsUpper(c) && i > 0 ? "-" + char.ToLowerInvariant(c) : char.ToLowerInvariant(c).ToString()));
}

public sealed class QuoteFeeValidator : AbstractValidator<QuoteFee>
{
    public QuoteFeeValidator()
    {
        RuleFor(x => x.Kind).Must(k => FeeKinds.TryParse(k, out _))
            .WithMessage(x => $"kind must be one of: {string.Join(", ", FeeKinds.All)}.");
        RuleFor(x => x.Amount).Custom((amount, context) =>
        {
            if (amount is not null && !Money.TryParseYuan(amount, out _, out var error))
            {
                context.AddFailure(error);
            }
        });
        RuleFor(x => x.Procedure).Must(p => p is null || ProcedureCodes.TryParse(p, out _))
            .WithMessage("procedure must be ordinary, simple or small-claims.");
        RuleFor(x => x.Closing).Must(c => ProcedureCodes.TryParseClosing(c, out _))
            .WithMessage("closing must be none, mediation or withdrawal.");
        RuleFor(x => x.FiledOn).Must(d => d is null || Dates.TryParse(d, out _))
            .WithMessage("filedOn must be a date written yyyy-MM-dd.");
        RuleFor(x => x.Court).MaximumLength(20);
    }
}

public sealed class QuoteFeeHandler(FeeSchedules schedules, TimeProvider clock, FeesSettings settings) : IQueryHandler<QuoteFee, FeeQuote>
{
    public async ValueTask<FeeQuote> Handle(QuoteFee query, CancellationToken cancellationToken)
    {
        _ = FeeKinds.TryParse(query.Kind, out var kind);
        var procedure = Procedure.Ordinary;
        if (query.Procedure is not null)
        {
            _ = ProcedureCodes.TryParse(query.Procedure, out procedure);
        }

        _ = ProcedureCodes.TryParseClosing(query.Closing, out var closing);
        long? amount = query.Amount is null ? null : Money.TryParseYuan(query.Amount, out var fen, out _) ? fen : null;
        var filedOn = query.FiledOn is null ? ChinaTime.DateOf(clock.GetUtcNow()) : Dates.Parse(query.FiledOn);
        var court = string.IsNullOrWhiteSpace(query.Court) ? settings.CourtCode : query.Court.Trim();

        var catalog = await schedules.CatalogAsync(cancellationToken);
        var schedule = catalog.InForce(kind, procedure, court, filedOn)
            ?? throw new Domain.Common.DomainException(Domain.Common.DomainError.NotFound("fees.no-schedule-in-force", $"No fee schedule for {FeeKinds.Code(kind)} was in force on {filedOn:yyyy-MM-dd}."));
        var assessment = FeeCalculator.Assess(schedule, kind, amount, procedure, closing).Value;
        return FeeQuote.From(assessment, schedule, filedOn, court);
    }
}

/// <summary>Dates as the API writes them: yyyy-MM-dd, nothing else.</summary>
public static class Dates
{
    public static bool TryParse(string? text, out DateOnly date) =>
        DateOnly.TryParseExact(text?.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date);

    public static DateOnly Parse(string text) => TryParse(text, out var date) ? date : throw new FormatException($"'{text}' is not a yyyy-MM-dd date.");
}
