using Court.Application.Bankruptcy;
using Court.Application.Common;
using Court.Application.Fees;
using Court.Application.Projections;
using Court.Domain.Fees;
using Court.Domain.Identifiers;
using Court.Domain.SmallClaims;
using FluentValidation;
using Mediator;
using D = Court.Domain.SmallClaims;

namespace Court.Application.SmallClaims.Filing;

/// <summary>
/// The clerk registers a case under small-claims procedure. Its eligibility is checked against the threshold in force
/// on <see cref="FiledOn"/> (today when absent); its fee is assessed by the schedule in force then, and a fee notice
/// is issued with a 7-day deadline.
/// </summary>
public sealed record FileSmallClaimsCase(
    string? CaseNumber,
    string? Plaintiff,
    string? Defendant,
    string? JudgeId,
    decimal? Claim,
    string? CaseType,
    bool? PartiesAgreed,
    DateOnly? FiledOn) : ICommand<FiledSmallClaimsCase>;

/// <param name="Created">False when this case was already filed (nothing was written).</param>
public sealed record FiledSmallClaimsCase(string Id, string CaseNumber, long Version, bool Created, decimal Fee, string ScheduleId, int ScheduleVersion, DateOnly LimitOn);

public sealed class FileSmallClaimsCaseValidator : AbstractValidator<FileSmallClaimsCase>
{
    public FileSmallClaimsCaseValidator()
    {
        RuleFor(x => x.CaseNumber).MustParse(Domain.Identifiers.CaseNumber.Parse);
        RuleFor(x => x.Plaintiff).Text(200);
        RuleFor(x => x.Defendant).Text(200);
        RuleFor(x => x.JudgeId).OptionalText(100);
        RuleFor(x => x.Claim).NotNull().GreaterThan(0).Must(c => c is null || YuanInput.ToFen(c) is not null)
            .WithMessage("The claim is in yuan with at most two decimals, up to 10^12.");
        RuleFor(x => x.CaseType).Must(t => t is null || SmallClaimsEligibility.TryParse(t, out _))
            .WithMessage($"caseType must be one of: {string.Join(", ", Enum.GetValues<SmallClaimsCaseType>().Select(SmallClaimsEligibility.Code))}.");
    }
}

public sealed class FileSmallClaimsCaseHandler(SmallClaimsCases cases, AggregateStore store, IReadModels readModels, FeesSettings settings, IPeople people) : ICommandHandler<FileSmallClaimsCase, FiledSmallClaimsCase>
{
    public async ValueTask<FiledSmallClaimsCase> Handle(FileSmallClaimsCase command, CancellationToken cancellationToken)
    {
        var caseNumber = CaseNumber.Parse(command.CaseNumber).Value;
        await people.RequireAsync(command.JudgeId, Roles.Judge, settings.CourtCode, "judgeId", cancellationToken);
        var id = SmallClaimsCases.IdFor(caseNumber.Value);
        _ = SmallClaimsEligibility.TryParse(command.CaseType ?? "monetary", out var caseType);
        var filedOn = command.FiledOn ?? ChinaTime.DateOf(store.Clock.GetUtcNow());
        var thresholds = await store.LoadAsync<ThresholdTable>(settings.Province, cancellationToken);
        var file = new D.FileSmallClaimsCase(
            id, caseNumber.Value, settings.CourtCode, settings.Province, command.Plaintiff!.Trim(), command.Defendant!.Trim(),
            string.IsNullOrWhiteSpace(command.JudgeId) ? null : command.JudgeId.Trim(), YuanInput.ToFen(command.Claim)!.Value, caseType, command.PartiesAgreed ?? false, command.FiledOn);

        var before = await store.LoadAsync<SmallClaimsCase>(id, cancellationToken);
        var version = await cases.FileAsync(file, thresholds.State.InForce(settings.Province, filedOn), cancellationToken);
        var view = await readModels.GetAsync<SmallClaimsCaseView>(id, cancellationToken)
            ?? throw new InvalidOperationException($"The small-claims projection has no case {id}.");
        return new FiledSmallClaimsCase(id, caseNumber.Value, version, !before.Exists, Money.ToYuan(view.FeeFen), view.ScheduleId, view.ScheduleVersion, view.LimitOn);
    }
}
