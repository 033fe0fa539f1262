using Court.Application.Bankruptcy;
using Court.Application.Common;
using Court.Application.Workflows;
using Court.Domain.Common;
using Court.Domain.GovernmentDebtors;
using Court.Domain.Identifiers;
using FluentValidation;
using Mediator;
using D = Court.Domain.GovernmentDebtors;

namespace Court.Application.GovernmentDebtors;

/// <summary>A message about one government-debtor case.</summary>
public interface IGovernmentDebtCaseMessage
{
    string CaseId { get; }
}

/// <summary>The change a command made: the case (or unit) and its stream version (the next If-Match).</summary>
public sealed record GovernmentDebtChanged(string Id, long Version);

/// <summary>A step of the government-debtor process: its trigger, roles and states are the definition's.</summary>
public interface IGovernmentDebtStep : ICommand<GovernmentDebtChanged>, IGovernmentDebtCaseMessage, IWorkflowCommand<GovernmentDebtCase>
{
    string IWorkflowCommand.WorkflowStreamId => GovernmentDebtCase.StreamPrefix + CaseId;

    /// <summary>The domain command, once the validator has passed.</summary>
    GovernmentDebtCommand ToDomain();
}

/// <summary>
/// The clerk opens an enforcement case (执) against a government organ or public institution (flagged from its credit
/// code) or a state-owned enterprise (<see cref="StateOwned"/>). Amount in yuan; interest as a yearly rate from a day.
/// The responsible leader and handler are recorded on the unit when it is flagged by its first case.
/// </summary>
public sealed record OpenGovernmentDebtEnforcementCase(
    string? CaseNumber,
    string? JudgmentNumber,
    DateOnly? JudgmentDate,
    DateOnly? JudgmentEffectiveOn,
    string? CreditorName,
    string? CreditorCode,
    string? DebtorName,
    string? DebtorCreditCode,
    bool? StateOwned,
    bool? LocalGovernment,
    string? SupervisingUnit,
    decimal? Amount,
    decimal? InterestRatePercent,
    DateOnly? InterestFrom,
    string? JudgeId,
    DateOnly? OpenedOn,
    string? LeaderName,
    string? LeaderPost,
    string? HandlerName,
    string? HandlerPost,
    string? HandlerPhone) : ICommand<OpenedGovernmentDebtCase>;

/// <param name="Created">False when this case was already open (nothing was written).</param>
public sealed record OpenedGovernmentDebtCase(string Id, string CaseNumber, string DebtorAgency, long Version, bool Created);

public sealed class OpenGovernmentDebtEnforcementCaseValidator : AbstractValidator<OpenGovernmentDebtEnforcementCase>
{
    public OpenGovernmentDebtEnforcementCaseValidator()
    {
        RuleFor(x => x.CaseNumber).MustParse(CaseNumber.Parse);
        RuleFor(x => x.JudgmentNumber).Text(60);
        RuleFor(x => x.JudgmentDate).NotNull();
        RuleFor(x => x.JudgmentEffectiveOn).NotNull();
        RuleFor(x => x.CreditorName).Text(200);
        RuleFor(x => x.CreditorCode).OptionalText(18);
        RuleFor(x => x.DebtorName).Text(200);
        RuleFor(x => x.DebtorCreditCode).MustParse(CreditCode.Parse);
        RuleFor(x => x.DebtorCreditCode)
            .Must((x, code) => SpecialParties.Classify(CreditCode.Parse(code).Value, x.StateOwned ?? false) is not null)
            .When(x => CreditCode.Parse(x.DebtorCreditCode).Error is null)
            .WithMessage(_ => Language.Say(
                "该统一社会信用代码登记的不是机关或事业单位；企业须由书记员勾选“国有企业”方可列为特殊主体。",
                "This credit code is not registered to a government organ or public institution; an enterprise is a special party only when the clerk ticks \"state-owned enterprise\"."));
        RuleFor(x => x.SupervisingUnit).Text(200);
        RuleFor(x => x.Amount).Must(a => a > 0 && Yuan.ToFen(a) is not null)
            .WithMessage(_ => Language.Say("请填写执行标的金额：以元为单位，大于 0，最多两位小数，不超过 10^12 元。", "Enter the amount due: in yuan, more than zero, at most two decimals and at most 10^12 yuan."));
        RuleFor(x => x.InterestFrom).NotNull().When(x => x.InterestRatePercent is not null)
            .WithMessage(_ => Language.Say("判决有利息时，请填写利息起算日。", "With an interest rate, enter the day interest runs from."));
        RuleFor(x => x.JudgeId).OptionalText(100);
        RuleFor(x => x.LeaderName).OptionalText(50);
        RuleFor(x => x.LeaderPost).OptionalText(100);
        RuleFor(x => x.HandlerName).OptionalText(50);
        RuleFor(x => x.HandlerPost).OptionalText(100);
        RuleFor(x => x.HandlerPhone).OptionalText(30);
    }
}

/// <summary>Amounts typed in yuan, held in fen.</summary>
public static class Yuan
{
    public static long? ToFen(decimal? yuan) =>
        yuan is { } y && y >= 0 && y <= Money.MaxFen / 100 && y * 100 == decimal.Truncate(y * 100) ? (long)(y * 100) : null;
}

public sealed record IssueGovernmentDebtEnforcementNotice(string CaseId, long? IfMatch = null) : IGovernmentDebtStep
{
    public GovernmentDebtCommand ToDomain() => new IssueEnforcementNotice();
}

/// <summary>Pushed to the credit office and the supervising unit on <see cref="PushedOn"/> (today when absent).</summary>
public sealed record PushGovernmentDebt(string CaseId, DateOnly? PushedOn = null, long? IfMatch = null) : IGovernmentDebtStep
{
    public GovernmentDebtCommand ToDomain() => new PushCase(PushedOn);
}

/// <summary>The supervision letter: the debtor unit is to perform by <see cref="PerformBy"/>, reporting monthly.</summary>
public sealed record StartGovernmentDebtSupervision(string CaseId, DateOnly? PerformBy, DateOnly? StartedOn = null, long? IfMatch = null) : IGovernmentDebtStep
{
    public GovernmentDebtCommand ToDomain() => new StartSupervision(PerformBy!.Value, StartedOn);
}

/// <summary>The debtor unit's report for a month (yyyy-MM-01 or any day of it) with the <see cref="Amount"/> paid in it; a zero report when nothing was paid.</summary>
/// <remarks>The amount is named as the step body names it (amount), so a refusal names the field the caller filled.</remarks>
public sealed record SubmitGovernmentDebtReport(string CaseId, DateOnly? Month, decimal? Amount, [property: MultiLine] string? Progress, [property: MultiLine] string? Plan, long? IfMatch = null) : IGovernmentDebtStep
{
    public GovernmentDebtCommand ToDomain() => new SubmitMonthlyReport(Month!.Value, Yuan.ToFen(Amount ?? 0)!.Value, Progress!, Plan);
}

public sealed record HoldGovernmentDebtMeeting(string CaseId, DateOnly? HeldOn, [property: MultiLine] string? Summary, long? IfMatch = null) : IGovernmentDebtStep
{
    public GovernmentDebtCommand ToDomain() => new HoldCoordinationMeeting(HeldOn, Summary!);
}

/// <summary>A payment or a performance in kind (kind: payment, in-kind) worth <see cref="Amount"/> yuan.</summary>
public sealed record RecordGovernmentDebtPerformance(string CaseId, string? Kind, decimal? Amount, DateOnly? PerformedOn, string? Description, long? IfMatch = null) : IGovernmentDebtStep
{
    public GovernmentDebtCommand ToDomain() => new RecordPerformance(Kind == "in-kind" ? PerformanceKind.InKind : PerformanceKind.Payment, Yuan.ToFen(Amount)!.Value, PerformedOn, Description ?? "");
}

/// <summary>An enforcement settlement: what remains is replaced by <see cref="Amount"/> yuan (0: settled in full).</summary>
public sealed record RecordGovernmentDebtSettlement(string CaseId, decimal? Amount, [property: MultiLine] string? Terms, DateOnly? ReachedOn, long? IfMatch = null) : IGovernmentDebtStep
{
    public GovernmentDebtCommand ToDomain() => new RecordSettlement(Yuan.ToFen(Amount)!.Value, Terms!, ReachedOn);
}

public sealed record FindGovernmentDebtNonPerformance(string CaseId, long? IfMatch = null) : IGovernmentDebtStep
{
    public GovernmentDebtCommand ToDomain() => new FindNonPerformance();
}

/// <summary>The written report to the same-level Party committee and government, copied upward; the organisation department told.</summary>
public sealed record ReportGovernmentDebtToPartyCommittee(string CaseId, string? PartyCommittee, string? Government, IReadOnlyList<string>? CopiedTo, bool? OrganisationDepartmentNotified, long? IfMatch = null) : IGovernmentDebtStep
{
    public GovernmentDebtCommand ToDomain() => new ReportToPartyCommittee(PartyCommittee!, Government!, CopiedTo ?? [], OrganisationDepartmentNotified ?? false);
}

public sealed record FileGovernmentDebtWithSupremeCourt(string CaseId, string? Reference, long? IfMatch = null) : IGovernmentDebtStep
{
    public GovernmentDebtCommand ToDomain() => new FileWithSupremeCourt(Reference!);
}

/// <summary>A compulsory measure (freezing, deduction, …): refused until the push period has run.</summary>
public sealed record TakeGovernmentDebtMeasure(string CaseId, string? Measure, [property: MultiLine] string? Description, long? IfMatch = null) : IGovernmentDebtStep
{
    public GovernmentDebtCommand ToDomain() => new TakeCompulsoryMeasure(Measure!, Description ?? "");
}

/// <summary>Lists the debtor as a dishonest debtor on ground 1–6; extensionYears only for grounds 2–6 in serious cases.</summary>
public sealed record ListGovernmentDebtor(string CaseId, int? Ground, int? ExtensionYears, long? IfMatch = null) : IGovernmentDebtStep
{
    public GovernmentDebtCommand ToDomain() => new ListDebtor((ListingGround)Ground!.Value, ExtensionYears);
}

public sealed record PublishGovernmentDebtListing(string CaseId, long? IfMatch = null) : IGovernmentDebtStep
{
    public GovernmentDebtCommand ToDomain() => new PublishListing();
}

/// <summary>reason: performed, term-ended, creditor-request, listing-in-error, other.</summary>
public sealed record RemoveGovernmentDebtListing(string CaseId, string? Reason, long? IfMatch = null) : IGovernmentDebtStep
{
    public GovernmentDebtCommand ToDomain() => new RemoveListing(RemovalReasons.Parse(Reason)!.Value);
}

public sealed record RequestGovernmentDebtCorrection(string CaseId, [property: MultiLine] string? Reason, long? IfMatch = null) : IGovernmentDebtStep
{
    public GovernmentDebtCommand ToDomain() => new RequestCorrection(Reason!);
}

public sealed record DecideGovernmentDebtCorrection(string CaseId, bool? Upheld, [property: MultiLine] string? Reason, long? IfMatch = null) : IGovernmentDebtStep
{
    public GovernmentDebtCommand ToDomain() => new DecideCorrection(Upheld!.Value, Reason!);
}

public sealed record CorrectGovernmentDebtListing(string CaseId, [property: MultiLine] string? Correction, long? IfMatch = null) : IGovernmentDebtStep
{
    public GovernmentDebtCommand ToDomain() => new CorrectListing(Correction!);
}

public sealed record RequestGovernmentDebtReconsideration(string CaseId, [property: MultiLine] string? Reason, long? IfMatch = null) : IGovernmentDebtStep
{
    public GovernmentDebtCommand ToDomain() => new RequestReconsideration(Reason!);
}

public sealed record DecideGovernmentDebtReconsideration(string CaseId, bool? Upheld, [property: MultiLine] string? Reason, long? IfMatch = null) : IGovernmentDebtStep
{
    public GovernmentDebtCommand ToDomain() => new DecideReconsideration(Upheld!.Value, Reason!);
}

/// <summary>Keeps the number of a document the process manager issued for the case (sent as the system).</summary>
public sealed record RecordGovernmentDebtDocument(string CaseId, CaseDocumentPurpose Purpose, string DocumentNumber, string? VerificationCode = null) : ICommand<GovernmentDebtChanged>, IGovernmentDebtCaseMessage;

/// <summary>A new responsible leader of the unit took over on <see cref="ChangedOn"/> (today when absent); the unit's debts stay with it.</summary>
public sealed record ChangeGovernmentDebtorLeader(string CreditCode, string? Name, string? Post, string? Phone, DateOnly? ChangedOn, string? Reason, long? IfMatch = null) : ICommand<GovernmentDebtChanged>, IGovernmentDebtorMessage;

public sealed record ChangeGovernmentDebtorHandler(string CreditCode, string? Name, string? Post, string? Phone, DateOnly? ChangedOn, long? IfMatch = null) : ICommand<GovernmentDebtChanged>, IGovernmentDebtorMessage;

/// <summary>A message about one flagged unit, by its credit code.</summary>
public interface IGovernmentDebtorMessage
{
    string CreditCode { get; }
}

public static class RemovalReasons
{
    public static readonly string[] Codes = ["performed", "term-ended", "creditor-request", "listing-in-error", "other"];

    public static RemovalReason? Parse(string? code) => code switch
    {
        "performed" => RemovalReason.Performed,
        "term-ended" => RemovalReason.TermEnded,
        "creditor-request" => RemovalReason.CreditorRequest,
        "listing-in-error" => RemovalReason.ListingInError,
        "other" => RemovalReason.Other,
        _ => null,
    };

    public static string Code(RemovalReason reason) => Codes[(int)reason];
}

public sealed class PushGovernmentDebtValidator : AbstractValidator<PushGovernmentDebt>;

public sealed class StartGovernmentDebtSupervisionValidator : AbstractValidator<StartGovernmentDebtSupervision>
{
    public StartGovernmentDebtSupervisionValidator() => RuleFor(x => x.PerformBy).NotNull();
}

public sealed class SubmitGovernmentDebtReportValidator : AbstractValidator<SubmitGovernmentDebtReport>
{
    public SubmitGovernmentDebtReportValidator()
    {
        RuleFor(x => x.Month).NotNull();
        RuleFor(x => x.Amount).Must(p => p is null || Yuan.ToFen(p) is not null)
            .WithMessage(_ => Language.Say("金额以元为单位，不小于 0，最多两位小数，且不超过 10^12 元。", "The amount is in yuan: zero or more, at most two decimals and at most 10^12 yuan."));
        RuleFor(x => x.Progress).Text(2000);
        RuleFor(x => x.Plan).OptionalText(2000);
    }
}

public sealed class HoldGovernmentDebtMeetingValidator : AbstractValidator<HoldGovernmentDebtMeeting>
{
    public HoldGovernmentDebtMeetingValidator() => RuleFor(x => x.Summary).Text(4000);
}

public sealed class RecordGovernmentDebtPerformanceValidator : AbstractValidator<RecordGovernmentDebtPerformance>
{
    public RecordGovernmentDebtPerformanceValidator()
    {
        RuleFor(x => x.Kind).Must(k => k is null or "payment" or "in-kind")
            .WithMessage(_ => Language.Say("履行方式只能是给付金钱或以物抵债。", "The way of performing is a payment or performance in kind."));
        RuleFor(x => x.Amount).Must(a => a > 0 && Yuan.ToFen(a) is not null)
            .WithMessage(_ => Language.Say("请填写履行金额：以元为单位，大于 0，最多两位小数，不超过 10^12 元。", "Enter the amount performed: in yuan, more than zero, at most two decimals and at most 10^12 yuan."));
        RuleFor(x => x.Description).OptionalText(1000);
    }
}

public sealed class RecordGovernmentDebtSettlementValidator : AbstractValidator<RecordGovernmentDebtSettlement>
{
    public RecordGovernmentDebtSettlementValidator()
    {
        RuleFor(x => x.Amount).Must(a => a is not null && Yuan.ToFen(a) is not null)
            .WithMessage(_ => Language.Say("请填写和解后尚需履行的金额：以元为单位，不小于 0，最多两位小数，且不超过 10^12 元。", "Enter what remains to be paid under the settlement: in yuan, zero or more, at most two decimals and at most 10^12 yuan."));
        RuleFor(x => x.Terms).Text(2000);
    }
}

public sealed class ReportGovernmentDebtToPartyCommitteeValidator : AbstractValidator<ReportGovernmentDebtToPartyCommittee>
{
    public ReportGovernmentDebtToPartyCommitteeValidator()
    {
        RuleFor(x => x.PartyCommittee).Text(200);
        RuleFor(x => x.Government).Text(200);
        RuleForEach(x => x.CopiedTo).Text(200);
    }
}

public sealed class FileGovernmentDebtWithSupremeCourtValidator : AbstractValidator<FileGovernmentDebtWithSupremeCourt>
{
    public FileGovernmentDebtWithSupremeCourtValidator() => RuleFor(x => x.Reference).Text(100);
}

public sealed class TakeGovernmentDebtMeasureValidator : AbstractValidator<TakeGovernmentDebtMeasure>
{
    public TakeGovernmentDebtMeasureValidator()
    {
        RuleFor(x => x.Measure).Text(100);
        RuleFor(x => x.Description).OptionalText(2000);
    }
}

public sealed class ListGovernmentDebtorValidator : AbstractValidator<ListGovernmentDebtor>
{
    public ListGovernmentDebtorValidator()
    {
        // Required: ground 1 lists without end, so no ground must never mean ground 1.
        RuleFor(x => x.Ground).Must(g => g is >= 1 and <= 6)
            .WithMessage(_ => Language.Say("请选择失信情形：第一项至第六项之一（法释〔2013〕17号第一条）。", "Choose the ground for listing: one of grounds 1 to 6 (SPC Art. 1)."));
        RuleFor(x => x.ExtensionYears).Must(y => y is null or >= 0 and <= 10)
            .WithMessage(_ => Language.Say("延长的年数须是 0 至 10 之间的整数。", "The extension is a whole number of years from 0 to 10."));
    }
}

public sealed class RemoveGovernmentDebtListingValidator : AbstractValidator<RemoveGovernmentDebtListing>
{
    public RemoveGovernmentDebtListingValidator() =>
        RuleFor(x => x.Reason).Must(r => RemovalReasons.Parse(r) is not null)
            .WithMessage(_ => Language.Say("请选择删除理由：已履行完毕、期限届满、申请执行人申请、纳入错误或其他。", "Choose the reason for removal: performed, term ended, the creditor's request, listed in error, or other."));
}

public sealed class RequestGovernmentDebtCorrectionValidator : AbstractValidator<RequestGovernmentDebtCorrection>
{
    public RequestGovernmentDebtCorrectionValidator() => RuleFor(x => x.Reason).Text(2000);
}

public sealed class DecideGovernmentDebtCorrectionValidator : AbstractValidator<DecideGovernmentDebtCorrection>
{
    public DecideGovernmentDebtCorrectionValidator()
    {
        RuleFor(x => x.Upheld).NotNull();
        RuleFor(x => x.Reason).Text(2000);
    }
}

public sealed class CorrectGovernmentDebtListingValidator : AbstractValidator<CorrectGovernmentDebtListing>
{
    public CorrectGovernmentDebtListingValidator() => RuleFor(x => x.Correction).Text(2000);
}

public sealed class RequestGovernmentDebtReconsiderationValidator : AbstractValidator<RequestGovernmentDebtReconsideration>
{
    public RequestGovernmentDebtReconsiderationValidator() => RuleFor(x => x.Reason).Text(2000);
}

public sealed class DecideGovernmentDebtReconsiderationValidator : AbstractValidator<DecideGovernmentDebtReconsideration>
{
    public DecideGovernmentDebtReconsiderationValidator()
    {
        RuleFor(x => x.Upheld).NotNull();
        RuleFor(x => x.Reason).Text(2000);
    }
}

public sealed class ChangeGovernmentDebtorLeaderValidator : AbstractValidator<ChangeGovernmentDebtorLeader>
{
    public ChangeGovernmentDebtorLeaderValidator()
    {
        RuleFor(x => x.Name).Text(50);
        RuleFor(x => x.Post).Text(100);
        RuleFor(x => x.Phone).OptionalText(30);
        RuleFor(x => x.Reason).OptionalText(500);
    }
}

public sealed class ChangeGovernmentDebtorHandlerValidator : AbstractValidator<ChangeGovernmentDebtorHandler>
{
    public ChangeGovernmentDebtorHandlerValidator()
    {
        RuleFor(x => x.Name).Text(50);
        RuleFor(x => x.Post).Text(100);
        RuleFor(x => x.Phone).OptionalText(30);
    }
}

public sealed class OpenGovernmentDebtEnforcementCaseHandler(GovernmentDebtCases cases, IPeople people, ICallerContext caller) : ICommandHandler<OpenGovernmentDebtEnforcementCase, OpenedGovernmentDebtCase>
{
    public async ValueTask<OpenedGovernmentDebtCase> Handle(OpenGovernmentDebtEnforcementCase c, CancellationToken cancellationToken)
    {
        var number = CaseNumber.Parse(c.CaseNumber).Value;
        CourtBinding.Require(caller, number.Court.Code, "caseNumber");
        await people.RequireAsync(c.JudgeId, Roles.Judge, number.Court.Code, "judgeId", cancellationToken);
        var code = CreditCode.Parse(c.DebtorCreditCode).Value;
        var flag = SpecialParties.Classify(code, c.StateOwned ?? false)
            ?? throw new DomainException(DomainError.Invalid("government-debt.debtor-not-special", $"{code} 登记的不是机关或事业单位；企业须由书记员勾选“国有企业”后才在此办理。", $"{code} is registered as {code.BodyKind}, not as a government organ or public institution; an enterprise is handled here only when the clerk ticks \"state-owned enterprise\".") with { Field = "debtorCreditCode" });
        var id = GovernmentDebtCases.IdFor(number.Value);
        var interest = c.InterestRatePercent is { } rate ? new InterestOrder(rate, c.InterestFrom!.Value) : null;
        var open = new D.OpenGovernmentDebtCase(
            id,
            number,
            new Judgment(c.JudgmentNumber!.Trim(), c.JudgmentDate!.Value, c.JudgmentEffectiveOn!.Value),
            new DebtParty(c.CreditorName!.Trim(), string.IsNullOrWhiteSpace(c.CreditorCode) ? null : c.CreditorCode.Trim()),
            c.DebtorName!,
            code,
            c.StateOwned ?? false,
            c.LocalGovernment ?? false,
            c.SupervisingUnit!,
            Yuan.ToFen(c.Amount)!.Value,
            interest,
            string.IsNullOrWhiteSpace(c.JudgeId) ? null : c.JudgeId.Trim(),
            c.OpenedOn);
        var unit = new FlagGovernmentDebtor(
            code.Value,
            c.DebtorName!,
            flag,
            c.LocalGovernment ?? false,
            c.SupervisingUnit!,
            string.IsNullOrWhiteSpace(c.LeaderName) ? null : new Official(c.LeaderName.Trim(), c.LeaderPost?.Trim() ?? ""),
            string.IsNullOrWhiteSpace(c.HandlerName) ? null : new Official(c.HandlerName.Trim(), c.HandlerPost?.Trim() ?? "", c.HandlerPhone?.Trim()));
        var (version, created) = await cases.OpenAsync(open, unit, cancellationToken);
        return new OpenedGovernmentDebtCase(id, number.Value, SpecialParties.AgencyFor(code), version, created);
    }
}

/// <summary>One handler for every step: the definition says whether it may happen now, the decider what it does.</summary>
public sealed class GovernmentDebtStepHandler(GovernmentDebtCases cases) :
    ICommandHandler<IssueGovernmentDebtEnforcementNotice, GovernmentDebtChanged>,
    ICommandHandler<PushGovernmentDebt, GovernmentDebtChanged>,
    ICommandHandler<StartGovernmentDebtSupervision, GovernmentDebtChanged>,
    ICommandHandler<SubmitGovernmentDebtReport, GovernmentDebtChanged>,
    ICommandHandler<HoldGovernmentDebtMeeting, GovernmentDebtChanged>,
    ICommandHandler<RecordGovernmentDebtPerformance, GovernmentDebtChanged>,
    ICommandHandler<RecordGovernmentDebtSettlement, GovernmentDebtChanged>,
    ICommandHandler<FindGovernmentDebtNonPerformance, GovernmentDebtChanged>,
    ICommandHandler<ReportGovernmentDebtToPartyCommittee, GovernmentDebtChanged>,
    ICommandHandler<FileGovernmentDebtWithSupremeCourt, GovernmentDebtChanged>,
    ICommandHandler<TakeGovernmentDebtMeasure, GovernmentDebtChanged>,
    ICommandHandler<ListGovernmentDebtor, GovernmentDebtChanged>,
    ICommandHandler<PublishGovernmentDebtListing, GovernmentDebtChanged>,
    ICommandHandler<RemoveGovernmentDebtListing, GovernmentDebtChanged>,
    ICommandHandler<RequestGovernmentDebtCorrection, GovernmentDebtChanged>,
    ICommandHandler<DecideGovernmentDebtCorrection, GovernmentDebtChanged>,
    ICommandHandler<CorrectGovernmentDebtListing, GovernmentDebtChanged>,
    ICommandHandler<RequestGovernmentDebtReconsideration, GovernmentDebtChanged>,
    ICommandHandler<DecideGovernmentDebtReconsideration, GovernmentDebtChanged>,
    ICommandHandler<RecordGovernmentDebtDocument, GovernmentDebtChanged>,
    ICommandHandler<ChangeGovernmentDebtorLeader, GovernmentDebtChanged>,
    ICommandHandler<ChangeGovernmentDebtorHandler, GovernmentDebtChanged>
{
    public ValueTask<GovernmentDebtChanged> Handle(IssueGovernmentDebtEnforcementNotice command, CancellationToken cancellationToken) => Run(command, cancellationToken);

    public ValueTask<GovernmentDebtChanged> Handle(PushGovernmentDebt command, CancellationToken cancellationToken) => Run(command, cancellationToken);

    public ValueTask<GovernmentDebtChanged> Handle(StartGovernmentDebtSupervision command, CancellationToken cancellationToken) => Run(command, cancellationToken);

    public ValueTask<GovernmentDebtChanged> Handle(SubmitGovernmentDebtReport command, CancellationToken cancellationToken) => Run(command, cancellationToken);

    public ValueTask<GovernmentDebtChanged> Handle(HoldGovernmentDebtMeeting command, CancellationToken cancellationToken) => Run(command, cancellationToken);

    public ValueTask<GovernmentDebtChanged> Handle(RecordGovernmentDebtPerformance command, CancellationToken cancellationToken) => Run(command, cancellationToken);

    public ValueTask<GovernmentDebtChanged> Handle(RecordGovernmentDebtSettlement command, CancellationToken cancellationToken) => Run(command, cancellationToken);

    public ValueTask<GovernmentDebtChanged> Handle(FindGovernmentDebtNonPerformance command, CancellationToken cancellationToken) => Run(command, cancellationToken);

    public ValueTask<GovernmentDebtChanged> Handle(ReportGovernmentDebtToPartyCommittee command, CancellationToken cancellationToken) => Run(command, cancellationToken);

    public ValueTask<GovernmentDebtChanged> Handle(FileGovernmentDebtWithSupremeCourt command, CancellationToken cancellationToken) => Run(command, cancellationToken);

    public ValueTask<GovernmentDebtChanged> Handle(TakeGovernmentDebtMeasure command, CancellationToken cancellationToken) => Run(command, cancellationToken);

    public ValueTask<GovernmentDebtChanged> Handle(ListGovernmentDebtor command, CancellationToken cancellationToken) => Run(command, cancellationToken);

    public ValueTask<GovernmentDebtChanged> Handle(PublishGovernmentDebtListing command, CancellationToken cancellationToken) => Run(command, cancellationToken);

    public ValueTask<GovernmentDebtChanged> Handle(RemoveGovernmentDebtListing command, CancellationToken cancellationToken) => Run(command, cancellationToken);

    public ValueTask<GovernmentDebtChanged> Handle(RequestGovernmentDebtCorrection command, CancellationToken cancellationToken) => Run(command, cancellationToken);

    public ValueTask<GovernmentDebtChanged> Handle(DecideGovernmentDebtCorrection command, CancellationToken cancellationToken) => Run(command, cancellationToken);

    public ValueTask<GovernmentDebtChanged> Handle(CorrectGovernmentDebtListing command, CancellationToken cancellationToken) => Run(command, cancellationToken);

    public ValueTask<GovernmentDebtChanged> Handle(RequestGovernmentDebtReconsideration command, CancellationToken cancellationToken) => Run(command, cancellationToken);

    public ValueTask<GovernmentDebtChanged> Handle(DecideGovernmentDebtReconsideration command, CancellationToken cancellationToken) => Run(command, cancellationToken);

    public async ValueTask<GovernmentDebtChanged> Handle(RecordGovernmentDebtDocument command, CancellationToken cancellationToken) =>
        new(command.CaseId, await cases.RecordAsync(command.CaseId, new RecordCaseDocument(command.Purpose, command.DocumentNumber, command.VerificationCode), null, cancellationToken));

    public async ValueTask<GovernmentDebtChanged> Handle(ChangeGovernmentDebtorLeader command, CancellationToken cancellationToken) =>
        new(command.CreditCode, await cases.ChangeUnitAsync(command.CreditCode, new ChangeResponsibleLeader(new Official(command.Name!.Trim(), command.Post!.Trim(), command.Phone?.Trim()), command.ChangedOn, command.Reason?.Trim()), command.IfMatch, cancellationToken));

    public async ValueTask<GovernmentDebtChanged> Handle(ChangeGovernmentDebtorHandler command, CancellationToken cancellationToken) =>
        new(command.CreditCode, await cases.ChangeUnitAsync(command.CreditCode, new ChangeHandler(new Official(command.Name!.Trim(), command.Post!.Trim(), command.Phone?.Trim()), command.ChangedOn), command.IfMatch, cancellationToken));

    private async ValueTask<GovernmentDebtChanged> Run(IGovernmentDebtStep command, CancellationToken cancellationToken) =>
        new(command.CaseId, await cases.ExecuteAsync(command, command.ToDomain(), cancellationToken));
}
