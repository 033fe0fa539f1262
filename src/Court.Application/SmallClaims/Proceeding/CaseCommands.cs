using Court.Application.Bankruptcy;
using Court.Application.Workflows;
using Court.Domain.Common;
using Court.Domain.Fees;
using Court.Domain.SmallClaims;
using FluentValidation;
using Mediator;
using D = Court.Domain.SmallClaims;

namespace Court.Application.SmallClaims.Proceeding;

/// <summary>A command on one filed case; <see cref="IfMatch"/> is the version the client read (412 when stale).</summary>
public interface ISmallClaimsCaseCommand : ICommand<CaseChanged>, ISmallClaimsCaseMessage
{
    long? IfMatch { get; }

    /// <summary>The domain command, once the validator has passed.</summary>
    SmallClaimsCommand ToDomain();
}

/// <summary>A step of the small-claims procedure: its trigger, roles and states are the definition's.</summary>
public interface ISmallClaimsStep : ISmallClaimsCaseCommand, IWorkflowCommand<SmallClaimsCase>
{
    string IWorkflowCommand.WorkflowStreamId => SmallClaimsCase.StreamPrefix + CaseId;
}

public sealed record RecordSmallClaimsService(string CaseId, string? Method, long? IfMatch = null) : ISmallClaimsStep
{

    public SmallClaimsCommand ToDomain() => new RecordService(Enum.Parse<ServiceMethod>(Method!.Replace("-", "", StringComparison.Ordinal), ignoreCase: true));
}

public sealed record OpenSmallClaimsHearing(string CaseId, long? IfMatch = null) : ISmallClaimsStep
{

    public SmallClaimsCommand ToDomain() => new OpenHearing();
}

public sealed record EndSmallClaimsInvestigation(string CaseId, long? IfMatch = null) : ISmallClaimsStep
{

    public SmallClaimsCommand ToDomain() => new EndCourtInvestigation();
}

public sealed record DecideSmallClaims(string CaseId, string? Closing, long? IfMatch = null) : ISmallClaimsStep
{

    public SmallClaimsCommand ToDomain() => new DecideSmallClaimsCase(ProcedureCodes.TryParseClosing(Closing, out var closing) ? closing : CaseClosing.None);
}

/// <summary>The judge moves the case out of small-claims procedure (CPL Art. 169); the fee difference is charged.</summary>
public sealed record ConvertSmallClaimsProcedure(string CaseId, string? To, [property: MultiLine] string? Reason, long? IfMatch = null) : ISmallClaimsStep
{

    public SmallClaimsCommand ToDomain() => new ConvertProcedure(ProcedureCodes.TryParse(To, out var to) ? to : Procedure.Ordinary, Reason!);
}

/// <summary>The plaintiff lowered the claim; before the end of court investigation the difference in fee is refunded.</summary>
public sealed record LowerSmallClaim(string CaseId, decimal? NewClaim, long? IfMatch = null) : ISmallClaimsStep
{

    public SmallClaimsCommand ToDomain() => new LowerClaim(YuanInput.ToFen(NewClaim)!.Value);
}

/// <summary>The court president extends the limit once, by one month (CPL Art. 168).</summary>
public sealed record ExtendSmallClaimsLimit(string CaseId, [property: MultiLine] string? Reason, long? IfMatch = null) : ISmallClaimsStep
{

    public SmallClaimsCommand ToDomain() => new ExtendLimit(Reason!);
}

/// <summary>The clerk records that a fee notice was paid: on <see cref="PaidOn"/> (today when absent), against receipt <see cref="ReceiptNumber"/>.</summary>
public sealed record RecordSmallClaimsFeePayment(string CaseId, string NoticeId, DateOnly? PaidOn, string? ReceiptNumber, long? IfMatch = null) : ISmallClaimsCaseCommand
{
    public SmallClaimsCommand ToDomain() => new RecordFeePayment(NoticeId, PaidOn, ReceiptNumber);
}

/// <summary>
/// The service file recorded the fee notice numbered <see cref="DocumentNumber"/> as served on <see cref="ServedOn"/>:
/// sent by the process manager (see <c>ServiceModule</c>), so the payment period counts from service, not issue.
/// </summary>
public sealed record RecordSmallClaimsFeeNoticeService(string CaseId, string DocumentNumber, DateOnly ServedOn, long? IfMatch = null) : ISmallClaimsCaseCommand
{
    public SmallClaimsCommand ToDomain() => new RecordFeeNoticeServed(DocumentNumber, ServedOn);
}

public sealed record RecordSmallClaimsRefundPaid(string CaseId, string RefundId, long? IfMatch = null) : ISmallClaimsCaseCommand
{
    public SmallClaimsCommand ToDomain() => new D.RecordRefundPaid(RefundId);
}

public sealed class RecordSmallClaimsServiceValidator : AbstractValidator<RecordSmallClaimsService>
{
    public RecordSmallClaimsServiceValidator() =>
        RuleFor(x => x.Method).Must(m => m is not null && Enum.TryParse<ServiceMethod>(m.Replace("-", "", StringComparison.Ordinal), true, out var parsed) && Enum.IsDefined(parsed) && !m.Any(char.IsDigit))
            .WithMessage("method must be direct, electronic, postal, left-at-residence, delegated or public-notice.");
}

public sealed class DecideSmallClaimsValidator : AbstractValidator<DecideSmallClaims>
{
    public DecideSmallClaimsValidator() =>
        RuleFor(x => x.Closing).Must(c => ProcedureCodes.TryParseClosing(c, out _)).WithMessage("closing must be none (judgment), mediation or withdrawal.");
}

public sealed class ConvertSmallClaimsProcedureValidator : AbstractValidator<ConvertSmallClaimsProcedure>
{
    public ConvertSmallClaimsProcedureValidator()
    {
        RuleFor(x => x.To).Must(t => t is "simple" or "ordinary").WithMessage("to must be simple or ordinary.");
        RuleFor(x => x.Reason).Text(1000);
    }
}

public sealed class LowerSmallClaimValidator : AbstractValidator<LowerSmallClaim>
{
    public LowerSmallClaimValidator() =>
        RuleFor(x => x.NewClaim).NotNull().GreaterThan(0).Must(c => c is null || YuanInput.ToFen(c) is not null)
            .WithMessage("newClaim is in yuan with at most two decimals, up to 10^12.");
}

public sealed class RecordSmallClaimsFeePaymentValidator : AbstractValidator<RecordSmallClaimsFeePayment>
{
    public RecordSmallClaimsFeePaymentValidator() => RuleFor(x => x.ReceiptNumber).Text(40);
}

public sealed class ExtendSmallClaimsLimitValidator : AbstractValidator<ExtendSmallClaimsLimit>
{
    public ExtendSmallClaimsLimitValidator() => RuleFor(x => x.Reason).Text(1000);
}

/// <summary>One handler for every case command: the definition says whether the step may happen now, the decider what it does.</summary>
public sealed class SmallClaimsCaseCommandHandler(SmallClaimsCases cases) :
    ICommandHandler<RecordSmallClaimsService, CaseChanged>,
    ICommandHandler<OpenSmallClaimsHearing, CaseChanged>,
    ICommandHandler<EndSmallClaimsInvestigation, CaseChanged>,
    ICommandHandler<DecideSmallClaims, CaseChanged>,
    ICommandHandler<ConvertSmallClaimsProcedure, CaseChanged>,
    ICommandHandler<LowerSmallClaim, CaseChanged>,
    ICommandHandler<ExtendSmallClaimsLimit, CaseChanged>,
    ICommandHandler<RecordSmallClaimsFeePayment, CaseChanged>,
    ICommandHandler<RecordSmallClaimsRefundPaid, CaseChanged>,
    ICommandHandler<RecordSmallClaimsFeeNoticeService, CaseChanged>
{
    public ValueTask<CaseChanged> Handle(RecordSmallClaimsService command, CancellationToken cancellationToken) => Run(command, cancellationToken);

    public ValueTask<CaseChanged> Handle(OpenSmallClaimsHearing command, CancellationToken cancellationToken) => Run(command, cancellationToken);

    public ValueTask<CaseChanged> Handle(EndSmallClaimsInvestigation command, CancellationToken cancellationToken) => Run(command, cancellationToken);

    public ValueTask<CaseChanged> Handle(DecideSmallClaims command, CancellationToken cancellationToken) => Run(command, cancellationToken);

    public ValueTask<CaseChanged> Handle(ConvertSmallClaimsProcedure command, CancellationToken cancellationToken) => Run(command, cancellationToken);

    public ValueTask<CaseChanged> Handle(LowerSmallClaim command, CancellationToken cancellationToken) => Run(command, cancellationToken);

    public ValueTask<CaseChanged> Handle(ExtendSmallClaimsLimit command, CancellationToken cancellationToken) => Run(command, cancellationToken);

    public async ValueTask<CaseChanged> Handle(RecordSmallClaimsFeePayment command, CancellationToken cancellationToken) =>
        new(command.CaseId, await cases.RecordAsync(command.CaseId, command.ToDomain(), command.IfMatch, cancellationToken));

    public async ValueTask<CaseChanged> Handle(RecordSmallClaimsFeeNoticeService command, CancellationToken cancellationToken) =>
        new(command.CaseId, await cases.RecordAsync(command.CaseId, command.ToDomain(), command.IfMatch, cancellationToken));

    public async ValueTask<CaseChanged> Handle(RecordSmallClaimsRefundPaid command, CancellationToken cancellationToken) =>
        new(command.CaseId, await cases.RecordAsync(command.CaseId, command.ToDomain(), command.IfMatch, cancellationToken));

    private async ValueTask<CaseChanged> Run(ISmallClaimsStep command, CancellationToken cancellationToken) =>
        new(command.CaseId, await cases.ExecuteAsync(command, command.CaseId, command.ToDomain(), cancellationToken));
}
