using Court.Domain.Common;
using Court.Domain.Identifiers;

namespace Court.Domain.GovernmentDebtors;

/// <summary>
/// Pure decisions for a government-debtor enforcement case: (state, command, context) → events or the rule broken.
/// Which step may come when is the workflow definition's business; this holds the data rules (amounts, dates and the
/// statutory and local periods).
/// </summary>
public static class GovernmentDebtDecider
{
    /// <summary>The body field every amount of a step arrives in (report, performance, settlement), as the API names it.</summary>
    private const string AmountField = "amount";

    public static Decision Decide(GovernmentDebtCase state, GovernmentDebtCommand command, GovernmentDebtContext context) => (state.Opened, command) switch
    {
        (false, OpenGovernmentDebtCase open) => Open(open, context),
        (true, OpenGovernmentDebtCase open) => open.CaseId == state.CaseId
            ? Decision.Nothing
            : DomainError.Conflict("government-debt.case-exists", $"案件 {state.CaseNumber} 已立案。", $"Case {state.CaseNumber} is already open."),
        (false, _) => DomainError.NotFound("government-debt.case-not-found", "没有这件政府机关失信执行案件。", "There is no such government-debtor enforcement case."),
        (true, RecordCaseDocument document) => state.Documents.Any(d => d.Purpose == document.Purpose && d.DocumentNumber == document.DocumentNumber)
            ? Decision.Nothing
            : Decision.Emit(new CaseDocumentIssued(state.CaseId, document.Purpose, document.DocumentNumber, context.Today, document.VerificationCode)),
        (true, IssueEnforcementNotice) => Decision.Emit(new EnforcementNoticeIssued(state.CaseId, context.Today)),
        (true, PushCase push) => state.PushedOn is not null ? Decision.Nothing : Push(state, push, context),
        (true, StartSupervision start) => StartSupervising(state, start, context),
        (true, SubmitMonthlyReport report) => Report(state, report, context),
        (true, HoldCoordinationMeeting meeting) => Meet(state, meeting, context),
        (true, RecordPerformance performance) => Perform(state, performance, context),
        (true, RecordSettlement settlement) => Settle(state, settlement, context),
        (true, FindNonPerformance) => state.FoundNotPerformed
            ? Decision.Nothing
            : Unperformed(state, "find that it was not performed", "认定未履行") ?? Decision.Emit(new NonPerformanceFound(state.CaseId, context.Today, state.BalanceOn(context.Today).OutstandingFen)),
        (true, ReportToPartyCommittee report) => state.ReportedUpward
            ? Decision.Nothing
            : Unperformed(state, "report it to the Party committee", "报告党委") ?? Decision.Emit(new ReportedToPartyCommittee(
                state.CaseId, context.Today, report.PartyCommittee.Trim(), report.Government.Trim(), [.. report.CopiedTo.Select(c => c.Trim()).Where(c => c.Length > 0)], report.OrganisationDepartmentNotified)),
        (true, FileWithSupremeCourt filing) => state.SupremeCourtFiled
            ? Decision.Nothing
            : Decision.Emit(new FiledWithSupremeCourt(state.CaseId, context.Today, filing.Reference.Trim())),
        (true, TakeCompulsoryMeasure measure) => Unperformed(state, "take a compulsory measure", "采取强制执行措施") ?? PushPeriodPassed(state, context, "a compulsory measure", "强制执行措施")
            ?? Decision.Emit(new CompulsoryMeasureTaken(state.CaseId, measure.Measure.Trim(), measure.Description.Trim(), context.Today)),
        (true, ListDebtor list) => List(state, list, context),
        (true, PublishListing) => state.Listing switch
        {
            null => NotListed(),
            { PublishedOn: not null } => Decision.Nothing,
            var listing => Decision.Emit(new ListingPublished(state.CaseId, listing.ListingId, context.Today)),
        },
        (true, RemoveListing remove) => Remove(state, remove, context),
        (true, RequestCorrection request) => state.Listing switch
        {
            null => NotListed(),
            { Correction: { CorrectedOn: null } pending } when pending.Upheld is null || pending.Justified =>
                DomainError.Conflict("government-debt.correction-pending", $"{pending.RequestedOn:yyyy-MM-dd} 提出的纠正申请尚未审查完毕。", $"A correction request of {pending.RequestedOn:yyyy-MM-dd} is still open."),
            var listing => Decision.Emit(new CorrectionRequested(state.CaseId, listing.ListingId, request.Reason.Trim(), context.Today, context.Rules.CorrectionReview.EndFrom(context.Today, context.Calendar))),
        },
        (true, DecideCorrection decide) => state.Listing switch
        {
            { Correction: { Upheld: null } correction } listing => Decision.Emit(new CorrectionDecided(
                state.CaseId,
                listing.ListingId,
                decide.Upheld,
                decide.Reason.Trim(),
                context.Today,
                context.Today > correction.ReviewDueOn,
                decide.Upheld ? context.Rules.Correction.EndFrom(context.Today, context.Calendar) : null,
                decide.Upheld ? null : context.Rules.ReconsiderationFiling.EndFrom(context.Today, context.Calendar))),
            { Correction: not null } => Decision.Nothing,
            _ => NoCorrection(),
        },
        (true, CorrectListing correct) => state.Listing switch
        {
            { Correction: { Justified: true, CorrectedOn: null } correction } listing =>
                Decision.Emit(new ListingCorrected(state.CaseId, listing.ListingId, correct.Correction.Trim(), context.Today, context.Today > correction.CorrectBy)),
            { Correction: { Justified: true } } => Decision.Nothing,
            { Correction: not null } => DomainError.Conflict("government-debt.correction-not-justified", "审查和复议均未认定纠正申请成立。", "No review or reconsideration found the correction request justified."),
            _ => NoCorrection(),
        },
        (true, RequestReconsideration request) => Reconsider(state, request, context),
        (true, DecideReconsideration decide) => state.Listing switch
        {
            { Correction.Reconsideration: { Upheld: null } pending } listing => Decision.Emit(new ReconsiderationDecided(
                state.CaseId, listing.ListingId, decide.Upheld, decide.Reason.Trim(), context.Today, context.Today > pending.DecisionDueOn,
                decide.Upheld ? context.Rules.Correction.EndFrom(context.Today, context.Calendar) : null)),
            { Correction.Reconsideration: not null } => Decision.Nothing,
            _ => DomainError.Conflict("government-debt.no-reconsideration", "尚未申请复议。", "No reconsideration has been applied for."),
        },
        _ => DomainError.Conflict("government-debt.unknown-command", "政府机关失信执行案件不能进行此项操作。", $"Cannot {command.GetType().Name} on a government-debtor case."),
    };

    private static Decision Open(OpenGovernmentDebtCase open, GovernmentDebtContext context)
    {
        if (open.CaseNumber.Type != CaseTypes.Enforcement)
        {
            return DomainError.Invalid("government-debt.not-an-enforcement-case", $"{open.CaseNumber} 不是执行案号（执）。", $"{open.CaseNumber} is not an enforcement case number (执).");
        }

        if (SpecialParties.Classify(open.DebtorCode, open.MarkStateOwned) is not { } flag)
        {
            return DomainError.Invalid("government-debt.debtor-not-special", $"{open.DebtorCode} 登记的不是机关或事业单位；企业须由书记员标为国有企业后才在此办理。", $"{open.DebtorCode} is registered as {open.DebtorCode.BodyKind}, not as a government organ or public institution; an enterprise is handled here only when the clerk marks it state-owned.");
        }

        var j = open.Judgment;
        if (j.Date > j.EffectiveOn || j.EffectiveOn > context.Today)
        {
            return DomainError.Invalid("government-debt.judgment-dates", "判决生效日期不得早于判决日期，也不得晚于今天。", "The judgment takes effect on or after its date, and not after today.");
        }

        var openedOn = open.OpenedOn ?? context.Today;
        if (openedOn > context.Today || openedOn < j.EffectiveOn)
        {
            return DomainError.Invalid("government-debt.opened-on", "执行立案须在判决生效之后，且不得晚于今天。", "An enforcement case is opened after its judgment took effect and not after today.");
        }

        if (open.PrincipalFen <= 0 || open.PrincipalFen > Money.MaxFen)
        {
            return DomainError.Invalid("government-debt.amount-out-of-range", "应履行金额须大于零且不超过 10^12 元。", "The amount due is more than zero and at most 10^12 yuan.");
        }

        if (open.Interest is { } interest && (interest.AnnualRatePercent <= 0 || interest.AnnualRatePercent > 100 || interest.From > context.Today))
        {
            return DomainError.Invalid("government-debt.interest", "利息为大于 0、不超过 100% 的年利率，起算日不得晚于今天。", "Interest is a yearly rate above 0 and at most 100 %, running from a day not after today.");
        }

        return Decision.Emit(new GovernmentDebtCaseOpened(
            open.CaseId,
            open.CaseNumber.Value,
            open.CaseNumber.Court.Code,
            j,
            open.Creditor with { Name = open.Creditor.Name.Trim() },
            new DebtParty(open.DebtorName.Trim(), open.DebtorCode.Value),
            open.DebtorCode.Value,
            flag,
            open.DebtorIsLocalGovernment,
            SpecialParties.AgencyFor(open.DebtorCode),
            open.SupervisingUnit.Trim(),
            open.PrincipalFen,
            open.Interest,
            open.JudgeId,
            openedOn));
    }

    private static Decision Push(GovernmentDebtCase state, PushCase push, GovernmentDebtContext context)
    {
        var on = push.PushedOn ?? context.Today;
        if (on > context.Today || on < state.OpenedOn)
        {
            return DomainError.Invalid("government-debt.pushed-on", $"推送日期须在立案日（{state.OpenedOn:yyyy-MM-dd}）至今天之间。", $"A push is dated from the opening ({state.OpenedOn:yyyy-MM-dd}) to today.");
        }

        return Decision.Emit(new CasePushed(state.CaseId, on, context.Rules.PushBeforeMeasures?.EndFrom(on, context.Calendar)));
    }

    private static Decision StartSupervising(GovernmentDebtCase state, StartSupervision start, GovernmentDebtContext context)
    {
        if (state.SupervisionStartedOn is not null)
        {
            return Decision.Nothing;
        }

        var on = start.StartedOn ?? context.Today;
        if (on > context.Today || on < (state.PushedOn ?? state.OpenedOn))
        {
            return DomainError.Invalid("government-debt.supervision-started-on", $"督办开始日期须在 {state.PushedOn ?? state.OpenedOn:yyyy-MM-dd} 至今天之间。", $"Supervision begins from {state.PushedOn ?? state.OpenedOn:yyyy-MM-dd} to today.");
        }

        if (start.PerformBy <= on)
        {
            return DomainError.Invalid("government-debt.perform-by-past", "督办函确定的履行期限须晚于督办开始之日。", "The supervision letter sets a day to perform after the day supervision begins.");
        }

        return Decision.Emit(new SupervisionStarted(
            state.CaseId, on, start.PerformBy, SupervisionSchedule.MonthOf(on), context.Rules.CoordinationMeeting.EndFrom(on, context.Calendar)));
    }

    private static Decision Report(GovernmentDebtCase state, SubmitMonthlyReport report, GovernmentDebtContext context)
    {
        if (state.SupervisionStartedOn is not { } started)
        {
            return DomainError.Conflict("government-debt.not-supervised", "督办开始后才报送月度报告。", "Monthly reports begin with supervision.");
        }

        var month = SupervisionSchedule.MonthOf(report.Month);
        if (month < SupervisionSchedule.MonthOf(started) || month > SupervisionSchedule.MonthOf(context.Today))
        {
            return DomainError.Invalid("government-debt.report-month", $"报告月份须在 {started:yyyy-MM}（督办开始）至本月之间，不能是 {month:yyyy-MM}。", $"Reports are for the months from {started:yyyy-MM} (when supervision began) to this one, not {month:yyyy-MM}.");
        }

        if (state.ReportedMonths.Contains(month))
        {
            return DomainError.Conflict("government-debt.report-exists", $"{month:yyyy-MM} 的报告已经报送。", $"The report for {month:yyyy-MM} was already submitted.");
        }

        if (report.PaidFen < 0 || report.PaidFen > Money.MaxFen)
        {
            return DomainError.Invalid("government-debt.report-amount", "当月支付金额不得小于零。", "The amount paid in the month is zero or more.") with { Field = AmountField };
        }

        var late = context.Today > SupervisionSchedule.DueOn(month, context);
        return Decision.Emit(new MonthlyReportSubmitted(state.CaseId, month, report.PaidFen, report.Progress.Trim(), report.Plan?.Trim(), context.Today, late));
    }

    private static Decision Meet(GovernmentDebtCase state, HoldCoordinationMeeting meeting, GovernmentDebtContext context)
    {
        if (state.SupervisionStartedOn is not { } started)
        {
            return DomainError.Conflict("government-debt.not-supervised", "协调会属于督办环节，督办尚未开始。", "Coordination meetings belong to supervision, which has not begun.");
        }

        var on = meeting.HeldOn ?? context.Today;
        if (on > context.Today || on < started)
        {
            return DomainError.Invalid("government-debt.meeting-date", $"会议日期须在 {started:yyyy-MM-dd} 至今天之间。", $"A meeting is recorded for a day from {started:yyyy-MM-dd} to today.");
        }

        return Decision.Emit(new CoordinationMeetingHeld(state.CaseId, on, meeting.Summary.Trim(), context.Rules.CoordinationMeeting.EndFrom(on, context.Calendar)));
    }

    private static Decision Perform(GovernmentDebtCase state, RecordPerformance performance, GovernmentDebtContext context)
    {
        var on = performance.PerformedOn ?? context.Today;
        if (Movement(state, on, context) is { } error)
        {
            return error;
        }

        if (performance.AmountFen <= 0)
        {
            return DomainError.Invalid("government-debt.performance-amount", "履行金额须大于零。", "A performance is worth more than zero.") with { Field = AmountField };
        }

        var before = state.BalanceOn(on).OutstandingFen;
        if (performance.AmountFen > before)
        {
            return DomainError.Invalid("government-debt.overperformed", $"{Money.Format(performance.AmountFen)} 元超过 {on:yyyy-MM-dd} 尚未履行的 {Money.Format(before)} 元。", $"{Money.Format(performance.AmountFen)} yuan is more than the {Money.Format(before)} yuan outstanding on {on:yyyy-MM-dd}.") with { Field = AmountField };
        }

        var after = before - performance.AmountFen;
        var recorded = new PerformanceRecorded(state.CaseId, performance.Kind, performance.AmountFen, on, performance.Description.Trim(), after);
        return after == 0 ? Decision.Emit(recorded, Performed(state, on, context)) : Decision.Emit(recorded);
    }

    private static Decision Settle(GovernmentDebtCase state, RecordSettlement settlement, GovernmentDebtContext context)
    {
        var on = settlement.ReachedOn ?? context.Today;
        if (Movement(state, on, context) is { } error)
        {
            return error;
        }

        var before = state.BalanceOn(on).OutstandingFen;
        if (settlement.AgreedFen < 0 || settlement.AgreedFen > before)
        {
            return DomainError.Invalid("government-debt.settlement-amount", $"和解金额须在零至尚未履行的 {Money.Format(before)} 元之间。", $"A settlement agrees an amount from zero to the {Money.Format(before)} yuan outstanding.") with { Field = AmountField };
        }

        var reached = new SettlementReached(state.CaseId, settlement.AgreedFen, settlement.Terms.Trim(), on);
        return settlement.AgreedFen == 0 ? Decision.Emit(reached, Performed(state, on, context)) : Decision.Emit(reached);
    }

    /// <summary>Performances are recorded in the order they happened, after the judgment took effect, never ahead of today.</summary>
    private static DomainError? Movement(GovernmentDebtCase state, DateOnly on, GovernmentDebtContext context)
    {
        if (state.FullyPerformedOn is { } performed)
        {
            return DomainError.Conflict("government-debt.already-performed", $"义务已于 {performed:yyyy-MM-dd} 全部履行。", $"The obligation was fully performed on {performed:yyyy-MM-dd}.");
        }

        if (on > context.Today || on < state.EffectiveOn)
        {
            return DomainError.Invalid("government-debt.performance-date", $"履行日期须在 {state.EffectiveOn:yyyy-MM-dd}（判决生效）至今天之间。", $"A performance is dated from {state.EffectiveOn:yyyy-MM-dd} (judgment effective) to today.");
        }

        return state.Movements.LastOrDefault() is { } last && on < last.On
            ? DomainError.Invalid("government-debt.performance-order", $"最近一次履行记录为 {last.On:yyyy-MM-dd}，请按时间顺序记录此后的履行。", $"The last performance recorded is of {last.On:yyyy-MM-dd}; record later ones after it.")
            : null;
    }

    private static FullyPerformed Performed(GovernmentDebtCase state, DateOnly on, GovernmentDebtContext context) =>
        new(state.CaseId, on, state.Listing is null ? null : context.Rules.Removal.EndFrom(on, context.Calendar));

    private static Decision List(GovernmentDebtCase state, ListDebtor list, GovernmentDebtContext context)
    {
        if (state.Listing is { } current)
        {
            return current.Ground == list.Ground
                ? Decision.Nothing
                : DomainError.Conflict("government-debt.already-listed", $"被执行人已于 {current.ListedOn:yyyy-MM-dd} 以第 {(int)current.Ground} 项情形纳入失信名单。", $"The debtor is already listed on ground {(int)current.Ground} since {current.ListedOn:yyyy-MM-dd}.");
        }

        if (Unperformed(state, "list the debtor", "纳入失信名单") is { } performed)
        {
            return performed;
        }

        if (PushPeriodPassed(state, context, "a listing", "纳入失信名单") is { } early)
        {
            return early;
        }

        if (context.Rules.SupremeCourtFilingForLocalGovernment && state.DebtorIsLocalGovernment && !state.SupremeCourtFiled)
        {
            return DomainError.Conflict("government-debt.supreme-court-filing-required", $"{state.DebtorName}是地方政府，纳入失信名单前须先报最高人民法院备案。", $"{state.DebtorName} is a local government: listing it must first be filed with the Supreme People's Court.");
        }

        if (state.Removals.LastOrDefault(r => r.Reason == RemovalReason.CreditorRequest) is { RelistingAllowedFrom: { } allowed } && context.Today < allowed)
        {
            return DomainError.Conflict("government-debt.relisting-barred", $"该条目系应申请执行人申请删除，{allowed:yyyy-MM-dd} 前不得再次纳入。", $"The entry was deleted at the creditor's request; the debtor cannot be listed again before {allowed:yyyy-MM-dd}.");
        }

        int? term;
        if (list.Ground == ListingGround.AbleButRefuses)
        {
            if (list.ExtensionYears is > 0)
            {
                return DomainError.Invalid("government-debt.extension-for-ground-1", "第一项情形没有固定期限，无可延长：持续至出现删除事由。", "Ground 1 has no fixed term, so there is nothing to extend: it lasts until a removal ground occurs.");
            }

            term = null;
        }
        else
        {
            var extension = list.ExtensionYears ?? 0;
            if (extension != 0 && (extension < context.Rules.MinExtensionYears || extension > context.Rules.MaxExtensionYears))
            {
                return DomainError.Invalid("government-debt.extension-range", $"情节严重的可延长 {context.Rules.MinExtensionYears} 至 {context.Rules.MaxExtensionYears} 年，不能是 {extension} 年。", $"A serious case is listed {context.Rules.MinExtensionYears} to {context.Rules.MaxExtensionYears} years longer, not {extension}.");
            }

            term = context.Rules.FixedTermYears + extension;
        }

        var listingId = $"{state.CaseId}-L{state.Removals.Count + 1}";
        return Decision.Emit(new ListedAsDishonestDebtor(state.CaseId, listingId, list.Ground, term, context.Today, term is { } years ? context.Today.AddYears(years) : null));
    }

    private static Decision Remove(GovernmentDebtCase state, RemoveListing remove, GovernmentDebtContext context)
    {
        if (state.Listing is not { } listing)
        {
            return state.Removals.Count > 0 ? Decision.Nothing : NotListed();
        }

        DateOnly? due = SupervisionSchedule.RemovalDueOn(state, context);
        switch (remove.Reason)
        {
            case RemovalReason.Performed when state.FullyPerformedOn is null:
                return DomainError.Conflict("government-debt.not-performed", $"尚有 {Money.Format(state.BalanceOn(context.Today).OutstandingFen)} 元未履行。", $"{Money.Format(state.BalanceOn(context.Today).OutstandingFen)} yuan is still outstanding.");
            case RemovalReason.TermEnded when listing.EndsOn is not { } ends || ends > context.Today:
                return listing.EndsOn is { } end
                    ? DomainError.Conflict("government-debt.term-running", $"纳入期限至 {end:yyyy-MM-dd} 届满，尚未届满。", $"The term runs until {end:yyyy-MM-dd}.")
                    : DomainError.Conflict("government-debt.term-running", "第一项情形没有固定期限，不存在期限届满。", "A ground-1 listing has no term that could end.");
            case RemovalReason.ListingInError when listing.Correction is not { Justified: true }:
                return DomainError.Conflict("government-debt.correction-not-justified", "审查和复议均未认定纳入错误。", "No review or reconsideration found the listing in error.");
            case RemovalReason.CreditorRequest or RemovalReason.Other:
                due = null;
                break;
        }

        var barredUntil = remove.Reason == RemovalReason.CreditorRequest ? AddWithoutShift(context.Today, context.Rules.RelistingBar) : (DateOnly?)null;
        return Decision.Emit(new RemovedFromList(state.CaseId, listing.ListingId, remove.Reason, context.Today, due, due is { } d && context.Today > d, barredUntil));
    }

    private static Decision Reconsider(GovernmentDebtCase state, RequestReconsideration request, GovernmentDebtContext context) => state.Listing switch
    {
        { Correction: { Upheld: false, Reconsideration: null, ReconsiderationBy: { } by } } when context.Today > by =>
            DomainError.Conflict("government-debt.reconsideration-out-of-time", $"复议须在 {by:yyyy-MM-dd} 前申请。", $"Reconsideration had to be applied for by {by:yyyy-MM-dd}."),
        { Correction: { Upheld: false, Reconsideration: null } } listing =>
            Decision.Emit(new ReconsiderationRequested(state.CaseId, listing.ListingId, request.Reason.Trim(), context.Today, context.Rules.ReconsiderationDecision.EndFrom(context.Today, context.Calendar))),
        { Correction: { Upheld: false } } => Decision.Nothing,
        _ => DomainError.Conflict("government-debt.nothing-to-reconsider", "复议针对被驳回的纠正申请，而现在没有。", "Reconsideration lies against a rejected correction request, and there is none."),
    };

    /// <summary>A bar counts whole days or months from the deletion, without the holiday rule that lengthens periods to act.</summary>
    private static DateOnly AddWithoutShift(DateOnly start, RulePeriod period) => period.Unit == RulePeriodUnit.Months ? start.AddMonths(period.Count) : start.AddDays(period.Count);

    private static DomainError? PushPeriodPassed(GovernmentDebtCase state, GovernmentDebtContext context, string what, string whatZh)
    {
        if (context.Rules.PushBeforeMeasures is not { } lead)
        {
            return null;
        }

        if (state.PushedOn is not { } pushed)
        {
            var required = DomainError.Conflict("government-debt.push-required", $"The case must be pushed to the credit office and the supervising unit {lead.Count} working days before {what}.");
            return required with { MessageZh = $"{whatZh}前须至少提前 {lead.Count} 个工作日推送信用办和主管单位。" };
        }

        var earliest = lead.EndFrom(pushed, context.Calendar);
        if (context.Today >= earliest)
        {
            return null;
        }

        var running = DomainError.Conflict("government-debt.push-period-running", $"Pushed on {pushed:yyyy-MM-dd}: {what} may come from {earliest:yyyy-MM-dd}, {lead.Count} working days later, not before.");
        return running with { MessageZh = $"已于 {pushed:yyyy-MM-dd} 推送：{whatZh}须在推送 {lead.Count} 个工作日后、即 {earliest:yyyy-MM-dd} 起方可进行。" };
    }

    private static DomainError? Unperformed(GovernmentDebtCase state, string action, string actionZh) =>
        state.FullyPerformedOn is { } on ? DomainError.Conflict("government-debt.already-performed", $"义务已于 {on:yyyy-MM-dd} 全部履行，不能{actionZh}。", $"Cannot {action}: the obligation was fully performed on {on:yyyy-MM-dd}.") : null;

    private static DomainError NotListed() => DomainError.Conflict("government-debt.not-listed", "被执行人不在失信被执行人名单上。", "The debtor is not on the list of dishonest debtors.");

    private static DomainError NoCorrection() => DomainError.Conflict("government-debt.no-correction", "尚未申请纠正。", "No correction has been requested.");
}
