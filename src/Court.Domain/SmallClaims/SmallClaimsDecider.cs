using Court.Domain.Common;
using Court.Domain.Fees;
using Court.Domain.Identifiers;
using CaseNumber = Court.Domain.Identifiers.CaseNumber;
using CaseTypes = Court.Domain.Identifiers.CaseTypes;

namespace Court.Domain.SmallClaims;

/// <summary>
/// Pure decisions for a small-claims case: (case data, command, context) → events or the rule broken. Which step may
/// happen in which state, and by whom, is the workflow definition's (workflows/small-claims.v*.json); the runtime
/// asks the decider only for a step the definition permits now.
/// </summary>
public static class SmallClaimsDecider
{
    public static Decision Decide(SmallClaimsCase state, SmallClaimsCommand command, SmallClaimsContext context) => (state.Exists, command) switch
    {
        (false, FileSmallClaimsCase file) => File(file, context),
        (true, FileSmallClaimsCase file) => file.CaseId == state.CaseId
            ? Decision.Nothing
            : DomainError.Conflict("small-claims.id-taken", "This case id is taken by another case."),
        (false, _) => DomainError.NotFound("small-claims.case-not-found", "There is no such small-claims case."),
        (_, RecordFeePayment pay) => Pay(state, pay, context),
        (_, RecordFeeNoticeDocument document) => state.Notices.FirstOrDefault(n => n.NoticeId == document.NoticeId) switch
        {
            null => DomainError.NotFound("small-claims.notice-not-found", $"Case {state.CaseId} has no fee notice {document.NoticeId}."),
            { DocumentNumber: not null } => Decision.Nothing,
            _ => Decision.Emit(new FeeNoticeDocumentIssued(state.CaseId, document.NoticeId, document.DocumentNumber)),
        },
        (_, RecordFeeNoticeServed served) => state.Notices.FirstOrDefault(n => n.DocumentNumber == served.DocumentNumber) switch
        {
            null => DomainError.NotFound("small-claims.notice-not-found", $"Case {state.CaseId} has no fee notice numbered {served.DocumentNumber}."),
            { ServedOn: not null } => Decision.Nothing,
            _ when served.ServedOn > context.Today => DomainError.Invalid("small-claims.served-in-future", "A fee notice cannot be served on a future date."),
            var notice => Decision.Emit(new FeeNoticeServed(state.CaseId, notice.NoticeId, served.ServedOn, FeeDueOn(served.ServedOn, context))),
        },
        (_, RecordRefundPaid refund) => state.Refunds.GetValueOrDefault(refund.RefundId) switch
        {
            null => DomainError.NotFound("small-claims.refund-not-found", $"Case {state.CaseId} owes no refund {refund.RefundId}."),
            { Paid: true } => Decision.Nothing,
            var due => Decision.Emit(new FeeRefundPaid(state.CaseId, due.RefundId, due.AmountFen, context.Today)),
        },
        (_, ConvertProcedure convert) => Convert(state, convert, context),
        (_, LowerClaim lower) => Lower(state, lower, context),
        (_, RecordService { Method: ServiceMethod.PublicNotice }) =>
            new DomainError("small-claims.public-notice-refused", "Public-notice service is not available in small-claims procedure (SPC Interpretation Art. 140): convert the case to ordinary procedure first."),
        (_, RecordService service) => Decision.Emit(new SmallClaimsServed(state.CaseId, service.Method, context.Today)),
        (_, OpenHearing) => Decision.Emit(new SmallClaimsHearingOpened(state.CaseId, context.Today)),
        (_, EndCourtInvestigation) => state.InvestigationEnded ? Decision.Nothing : Decision.Emit(new CourtInvestigationEnded(state.CaseId, context.Today)),
        (_, DecideSmallClaimsCase decide) => DecideCase(state, decide, context),
        (_, ExtendLimit extend) => Extend(state, extend, context),
        (_, var other) => DomainError.Conflict("small-claims.command-unknown", $"There is no decision for {other.GetType().Name}."),
    };

    private static Decision File(FileSmallClaimsCase file, SmallClaimsContext context)
    {
        var filedOn = file.FiledOn ?? context.Today;
        if (filedOn > context.Today)
        {
            return DomainError.Invalid("small-claims.filed-in-future", "A case cannot be filed on a future date.");
        }

        if (CaseNumberRule(file, filedOn) is { } numberError)
        {
            return numberError;
        }

        if (file.ClaimFen <= 0 || file.ClaimFen > Money.MaxFen)
        {
            return DomainError.Invalid("small-claims.claim-out-of-range", "The claim is more than zero and at most 10^12 yuan.");
        }

        var eligibility = SmallClaimsEligibility.Assess(context.Threshold, file.ClaimFen, file.CaseType, file.PartiesAgreed);
        if (!eligibility.Eligible)
        {
            return new DomainError($"small-claims.not-eligible.{eligibility.Reason}", NotEligibleMessage(eligibility, file.Province));
        }

        var threshold = eligibility.Threshold!;
        if (!threshold.Confirmed)
        {
            return new DomainError("small-claims.threshold-unconfirmed", $"The {threshold.Province} threshold from {threshold.EffectiveFrom:yyyy-MM-dd} is an unconfirmed example; a system administrator must confirm it against the high court's notice before cases are filed under it.");
        }

        if (Assess(context, file.CourtCode, filedOn, file.ClaimFen, Procedure.SmallClaims) is { Error: { } error })
        {
            return error;
        }

        var fee = Assess(context, file.CourtCode, filedOn, file.ClaimFen, Procedure.SmallClaims).Value;
        var limit = LegalPeriods.MonthsAfter(filedOn, context.Periods.LimitMonths, context.Calendar);
        return Decision.Emit(
            new SmallClaimsCaseFiled(file.CaseId, file.CaseNumber, file.CourtCode, file.Province, file.Plaintiff, file.Defendant, file.JudgeId, file.ClaimFen, filedOn, eligibility.Outcome, threshold.EffectiveFrom, fee, limit),
            Notice(file.CaseId, 1, FeeNoticeReason.Filing, fee.FeeFen, context));
    }

    /// <summary>
    /// A small-claims case is a civil first-instance case (民初) of the filing court, numbered in its filing year: the
    /// case-number rules give the year of filing, the court's own code and the type of the case.
    /// </summary>
    private static DomainError? CaseNumberRule(FileSmallClaimsCase file, DateOnly filedOn)
    {
        var parsed = CaseNumber.Parse(file.CaseNumber);
        if (parsed.Error is { } error)
        {
            return error;
        }

        var number = parsed.Value;
        if (number.Type != CaseTypes.CivilFirstInstance)
        {
            return DomainError.Invalid("small-claims.case-type-wrong", $"{number.Value} is a {number.Type.NameEn} ({number.Type.Code}) number; a small-claims case is numbered as a civil first-instance case ({CaseTypes.CivilFirstInstance.Code}).");
        }

        if (number.Court.Code != file.CourtCode)
        {
            return DomainError.Invalid("small-claims.court-wrong", $"{number.Value} is a number of {number.Court.NameEn} ({number.Court.Code}); this court files its own cases under {file.CourtCode}.");
        }

        return number.Year == filedOn.Year
            ? null
            : DomainError.Invalid("small-claims.year-wrong", $"{number.Value} carries the year {number.Year}; a case filed on {filedOn:yyyy-MM-dd} is numbered in {filedOn.Year}.");
    }

    private static Decision Pay(SmallClaimsCase state, RecordFeePayment pay, SmallClaimsContext context) =>
        state.Notices.FirstOrDefault(n => n.NoticeId == pay.NoticeId) switch
        {
            null => DomainError.NotFound("small-claims.notice-not-found", $"Case {state.CaseId} has no fee notice {pay.NoticeId}."),
            { Paid: true } or { AmountFen: 0 } => Decision.Nothing,
            var notice when (pay.PaidOn ?? context.Today) > context.Today =>
                DomainError.Invalid("small-claims.paid-in-future", $"A payment cannot be recorded for a future day ({pay.PaidOn:yyyy-MM-dd}); today is {context.Today:yyyy-MM-dd}."),
            var notice when (pay.PaidOn ?? context.Today) < notice.IssuedOn =>
                DomainError.Invalid("small-claims.paid-before-notice", $"Fee notice {notice.NoticeId} was issued on {notice.IssuedOn:yyyy-MM-dd}; a payment on {pay.PaidOn:yyyy-MM-dd} cannot be for it."),
            var notice => Decision.Emit(new FeeNoticePaid(state.CaseId, notice.NoticeId, notice.AmountFen, pay.PaidOn ?? context.Today, pay.ReceiptNumber?.Trim())),
        };

    /// <summary>The new procedure's fee by the schedule in force on the filing date; the case pays the difference (never less than it already owes).</summary>
    private static Decision Convert(SmallClaimsCase state, ConvertProcedure convert, SmallClaimsContext context)
    {
        if (convert.To == Procedure.SmallClaims)
        {
            return DomainError.Invalid("small-claims.convert-to-same", "The case is already under small-claims procedure.");
        }

        var result = Assess(context, state.CourtCode, state.FiledOn, state.FeeBasisFen, convert.To);
        if (result.Error is { } error)
        {
            return error;
        }

        var difference = Math.Max(0, result.Value.FeeFen - state.AssessedFen);
        var converted = new ProcedureConverted(state.CaseId, state.Procedure, convert.To, convert.Reason.Trim(), result.Value, difference, context.Today);
        return difference == 0
            ? Decision.Emit(converted)
            : Decision.Emit(converted, Notice(state.CaseId, state.Notices.Count + 1, FeeNoticeReason.Conversion, difference, context));
    }

    private static Decision Lower(SmallClaimsCase state, LowerClaim lower, SmallClaimsContext context)
    {
        if (lower.NewClaimFen == state.ClaimFen)
        {
            return Decision.Nothing;
        }

        if (lower.NewClaimFen <= 0 || lower.NewClaimFen > state.ClaimFen)
        {
            return DomainError.Invalid("small-claims.not-a-lower-claim", $"A lowered claim is more than zero and less than the present {Money.Format(state.ClaimFen)} yuan.");
        }

        if (state.InvestigationEnded)
        {
            return Decision.Emit(new ClaimLowered(state.CaseId, state.ClaimFen, lower.NewClaimFen, false, null, [], null, 0, context.Today));
        }

        var result = Assess(context, state.CourtCode, state.FiledOn, lower.NewClaimFen, state.Procedure);
        if (result.Error is { } error)
        {
            return error;
        }

        var (amendments, refund) = Settle(state, Math.Max(0, state.AssessedFen - result.Value.FeeFen));
        var refundId = refund > 0 ? RefundId(state, state.Refunds.Count + 1) : null;
        return Decision.Emit(new ClaimLowered(state.CaseId, state.ClaimFen, lower.NewClaimFen, true, result.Value, amendments, refundId, refund, context.Today));
    }

    /// <summary>
    /// A mediation or withdrawal may lower the fee (Art. 15); reductions do not compound, so under the national schedule
    /// a small-claims case stays at half. The fee is on the claim as it stood at the end of court investigation: a claim
    /// lowered after it does not lower the fee (Art. 21), whatever the closing.
    /// </summary>
    private static Decision DecideCase(SmallClaimsCase state, DecideSmallClaimsCase decide, SmallClaimsContext context)
    {
        if (decide.Closing == CaseClosing.None)
        {
            return Decision.Emit(new SmallClaimsCaseDecided(state.CaseId, CaseClosing.None, context.Today, null, null, 0));
        }

        var result = Assess(context, state.CourtCode, state.FiledOn, state.FeeBasisFen, state.Procedure, decide.Closing);
        if (result.Error is { } error)
        {
            return error;
        }

        var (_, refund) = Settle(state, Math.Max(0, state.AssessedFen - result.Value.FeeFen));
        var refundId = refund > 0 ? RefundId(state, state.Refunds.Count + 1) : null;
        return Decision.Emit(new SmallClaimsCaseDecided(state.CaseId, decide.Closing, context.Today, result.Value, refundId, refund));
    }

    private static Decision Extend(SmallClaimsCase state, ExtendLimit extend, SmallClaimsContext context)
    {
        if (state.Extended)
        {
            return DomainError.Conflict("small-claims.already-extended", $"The limit was already extended once, to {state.LimitOn:yyyy-MM-dd}; CPL Art. 168 allows one extension.");
        }

        if (context.Today > state.LimitOn)
        {
            return new DomainError("small-claims.limit-passed", $"The limit passed on {state.LimitOn:yyyy-MM-dd}; an extension is approved before it.");
        }

        var extended = LegalPeriods.MonthsAfter(state.FiledOn, context.Periods.LimitMonths + context.Periods.ExtensionMonths, context.Calendar);
        return Decision.Emit(new SmallClaimsLimitExtended(state.CaseId, state.LimitOn, extended, extend.Reason.Trim()));
    }

    /// <summary>A fee reduction of <paramref name="difference"/>: unpaid notices shrink first (newest first), the rest is refunded.</summary>
    private static (IReadOnlyList<NoticeAmendment> Amendments, long Refund) Settle(SmallClaimsCase state, long difference)
    {
        var amendments = new List<NoticeAmendment>();
        foreach (var notice in state.Notices.Where(n => n.Outstanding).Reverse())
        {
            if (difference == 0)
            {
                break;
            }

            var cut = Math.Min(difference, notice.AmountFen);
            amendments.Add(new NoticeAmendment(notice.NoticeId, notice.AmountFen, notice.AmountFen - cut));
            difference -= cut;
        }

        return (amendments, difference);
    }

    private static FeeCalculator.Result Assess(SmallClaimsContext context, string court, DateOnly filedOn, long claimFen, Procedure procedure, CaseClosing closing = CaseClosing.None) =>
        context.Fees.InForce(FeeKind.Property, procedure, court, filedOn) is { } schedule
            ? FeeCalculator.Assess(schedule, FeeKind.Property, claimFen, procedure, closing)
            : DomainError.NotFound("fees.no-schedule-in-force", $"No fee schedule for property cases was in force on {filedOn:yyyy-MM-dd}.");

    private static FeeNoticeIssued Notice(string caseId, int number, FeeNoticeReason reason, long amountFen, SmallClaimsContext context) =>
        new(caseId, NoticeId(caseId, number), reason, amountFen, context.Today, FeeDueOn(context.Today, context));

    /// <summary>The last day to pay a notice received on <paramref name="receivedOn"/>: at issue, or once served, on its service date.</summary>
    private static DateOnly FeeDueOn(DateOnly receivedOn, SmallClaimsContext context) => LegalPeriods.DaysAfter(receivedOn, context.Periods.PaymentDays, context.Calendar);

    /// <summary>The case's <paramref name="number"/>-th fee notice (from 1, in the order they were issued).</summary>
    public static string NoticeId(string caseId, int number) => $"{caseId}-F{number}";

    private static string RefundId(SmallClaimsCase state, int number) => $"{state.CaseId}-R{number}";

    private static string NotEligibleMessage(EligibilityAssessment eligibility, string province) => eligibility.Reason switch
    {
        "excluded-case-type" => eligibility.Exclusion!.RuleEn + $" ({eligibility.Exclusion.Article})",
        "no-amount-claimed" => "Small-claims procedure decides a claim to money; enter the amount claimed (CPL Art. 165).",
        "no-threshold-in-force" => $"No small-claims threshold for {province} was in force on the filing date.",
        "parties-have-not-agreed" => $"The claim is above the mandatory limit of {Money.Format(eligibility.Threshold!.MandatoryLimitFen)} yuan; small-claims procedure needs both parties' agreement (CPL Art. 165).",
        _ => $"The claim is above {Money.Format(eligibility.Threshold!.AgreementLimitFen)} yuan, the most small-claims procedure allows even by agreement (CPL Art. 165).",
    };
}
