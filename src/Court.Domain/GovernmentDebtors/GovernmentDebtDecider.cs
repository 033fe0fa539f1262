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
    public static Decision Decide(GovernmentDebtCase state, GovernmentDebtCommand command, GovernmentDebtContext context) => (state.Opened, command) switch
    {
        (false, OpenGovernmentDebtCase open) => Open(open, context),
        (true, OpenGovernmentDebtCase open) => open.CaseId == state.CaseId
            ? Decision.Nothing
            : DomainError.Conflict("government-debt.case-exists", $"Case {state.CaseNumber} is already open."),
        (false, _) => DomainError.NotFound("government-debt.case-not-found", "There is no such government-debtor enforcement case."),
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
            : Unperformed(state, "find that it was not performed") ?? Decision.Emit(new NonPerformanceFound(state.CaseId, context.Today, state.BalanceOn(context.Today).OutstandingFen)),
        (true, ReportToPartyCommittee report) => state.ReportedUpward
            ? Decision.Nothing
            : Unperformed(state, "report it to the Party committee") ?? Decision.Emit(new ReportedToPartyCommittee(
                state.CaseId, context.Today, report.PartyCommittee.Trim(), report.Government.Trim(), [.. report.CopiedTo.Select(c => c.Trim()).Where(c => c.Length > 0)], report.OrganisationDepartmentNotified)),
        (true, FileWithSupremeCourt filing) => state.SupremeCourtFiled
            ? Decision.Nothing
            : Decision.Emit(new FiledWithSupremeCourt(state.CaseId, context.Today, filing.Reference.Trim())),
        (true, TakeCompulsoryMeasure measure) => Unperformed(state, "take a compulsory measure") ?? PushPeriodPassed(state, context, "a compulsory measure", "强制执行措施")
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
                DomainError.Conflict("government-debt.correction-pending", $"A correction request of {pending.RequestedOn:yyyy-MM-dd} is still open."),
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
            { Correction: not null } => DomainError.Conflict("government-debt.correction-not-justified", "No review or reconsideration found the correction request justified."),
            _ => NoCorrection(),
        },
        (true, RequestReconsideration request) => Reconsider(state, request, context),
        (true, DecideReconsideration decide) => state.Listing switch
        {
            { Correction.Reconsideration: { Upheld: null } pending } listing => Decision.Emit(new ReconsiderationDecided(
                state.CaseId, listing.ListingId, decide.Upheld, decide.Reason.Trim(), context.Today, context.Today > pending.DecisionDueOn,
                decide.Upheld ? context.Rules.Correction.EndFrom(context.Today, context.Calendar) : null)),
            { Correction.Reconsideration: not null } => Decision.Nothing,
            _ => DomainError.Conflict("government-debt.no-reconsideration", "No reconsideration has been applied for."),
        },
        _ => DomainError.Conflict("government-debt.unknown-command", $"Cannot {command.GetType().Name} on a government-debtor case."),
    };

    private static Decision Open(OpenGovernmentDebtCase open, GovernmentDebtContext context)
    {
        if (open.CaseNumber.Type != CaseTypes.Enforcement)
        {
            return DomainError.Invalid("government-debt.not-an-enforcement-case", $"{open.CaseNumber} is not an enforcement case number (执).");
        }

        if (SpecialParties.Classify(open.DebtorCode, open.MarkStateOwned) is not { } flag)
        {
            return DomainError.Invalid("government-debt.debtor-not-special", $"{open.DebtorCode} is registered as {open.DebtorCode.BodyKind}, not as a government organ or public institution; an enterprise is handled here only when the clerk marks it state-owned.");
        }

        var j = open.Judgment;
        if (j.Date > j.EffectiveOn || j.EffectiveOn > context.Today)
        {
            return DomainError.Invalid("government-debt.judgment-dates", "The judgment takes effect on or after its date, and not after today.");
        }

        var openedOn = open.OpenedOn ?? context.Today;
        if (openedOn > context.Today || openedOn < j.EffectiveOn)
        {
            return DomainError.Invalid("government-debt.opened-on", "An enforcement case is opened after its judgment took effect and not after today.");
        }

        if (open.PrincipalFen <= 0 || open.PrincipalFen > Money.MaxFen)
        {
            return DomainError.Invalid("government-debt.amount-out-of-range", "The amount due is more than zero and at most 10^12 yuan.");
        }

        if (open.Interest is { } interest && (interest.AnnualRatePercent <= 0 || interest.AnnualRatePercent > 100 || interest.From > context.Today))
        {
            return DomainError.Invalid("government-debt.interest", "Interest is a yearly rate above 0 and at most 100 %, running from a day not after today.");
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
            return DomainError.Invalid("government-debt.pushed-on", $"A push is dated from the opening ({state.OpenedOn:yyyy-MM-dd}) to today.");
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
            return DomainError.Invalid("government-debt.supervision-started-on", $"Supervision begins from {state.PushedOn ?? state.OpenedOn:yyyy-MM-dd} to today.");
        }

        if (start.PerformBy <= on)
        {
            return DomainError.Invalid("government-debt.perform-by-past", "The supervision letter sets a day to perform after the day supervision begins.");
        }

        return Decision.Emit(new SupervisionStarted(
            state.CaseId, on, start.PerformBy, SupervisionSchedule.MonthOf(on), context.Rules.CoordinationMeeting.EndFrom(on, context.Calendar)));
    }

    private static Decision Report(GovernmentDebtCase state, SubmitMonthlyReport report, GovernmentDebtContext context)
    {
        if (state.SupervisionStartedOn is not { } started)
        {
            return DomainError.Conflict("government-debt.not-supervised", "Monthly reports begin with supervision.");
        }

        var month = SupervisionSchedule.MonthOf(report.Month);
        if (month < SupervisionSchedule.MonthOf(started) || month > SupervisionSchedule.MonthOf(context.Today))
        {
            return DomainError.Invalid("government-debt.report-month", $"Reports are for the months from {started:yyyy-MM} (when supervision began) to this one, not {month:yyyy-MM}.");
        }

        if (state.ReportedMonths.Contains(month))
        {
            return DomainError.Conflict("government-debt.report-exists", $"The report for {month:yyyy-MM} was already submitted.");
        }

        if (report.PaidFen < 0 || report.PaidFen > Money.MaxFen)
        {
            return DomainError.Invalid("government-debt.report-amount", "The amount paid in the month is zero or more.");
        }

        var late = context.Today > SupervisionSchedule.DueOn(month, context);
        return Decision.Emit(new MonthlyReportSubmitted(state.CaseId, month, report.PaidFen, report.Progress.Trim(), report.Plan?.Trim(), context.Today, late));
    }

    private static Decision Meet(GovernmentDebtCase state, HoldCoordinationMeeting meeting, GovernmentDebtContext context)
    {
        if (state.SupervisionStartedOn is not { } started)
        {
            return DomainError.Conflict("government-debt.not-supervised", "Coordination meetings belong to supervision, which has not begun.");
        }

        var on = meeting.HeldOn ?? context.Today;
        if (on > context.Today || on < started)
        {
            return DomainError.Invalid("government-debt.meeting-date", $"A meeting is recorded for a day from {started:yyyy-MM-dd} to today.");
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
            return DomainError.Invalid("government-debt.performance-amount", "A performance is worth more than zero.");
        }

        var before = state.BalanceOn(on).OutstandingFen;
        if (performance.AmountFen > before)
        {
            return DomainError.Invalid("government-debt.overperformed", $"{Money.Format(performance.AmountFen)} yuan is more than the {Money.Format(before)} yuan outstanding on {on:yyyy-MM-dd}.");
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
            return DomainError.Invalid("government-debt.settlement-amount", $"A settlement agrees an amount from zero to the {Money.Format(before)} yuan outstanding.");
        }

        var reached = new SettlementReached(state.CaseId, settlement.AgreedFen, settlement.Terms.Trim(), on);
        return settlement.AgreedFen == 0 ? Decision.Emit(reached, Performed(state, on, context)) : Decision.Emit(reached);
    }

    /// <summary>Performances are recorded in the order they happened, after the judgment took effect, never ahead of today.</summary>
    private static DomainError? Movement(GovernmentDebtCase state, DateOnly on, GovernmentDebtContext context)
    {
        if (state.FullyPerformedOn is { } performed)
        {
            return DomainError.Conflict("government-debt.already-performed", $"The obligation was fully performed on {performed:yyyy-MM-dd}.");
        }

        if (on > context.Today || on < state.EffectiveOn)
        {
            return DomainError.Invalid("government-debt.performance-date", $"A performance is dated from {state.EffectiveOn:yyyy-MM-dd} (judgment effective) to today.");
        }

        return state.Movements.LastOrDefault() is { } last && on < last.On
            ? DomainError.Invalid("government-debt.performance-order", $"The last performance recorded is of {last.On:yyyy-MM-dd}; record later ones after it.")
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
                : DomainError.Conflict("government-debt.already-listed", $"The debtor is already listed on ground {(int)current.Ground} since {current.ListedOn:yyyy-MM-dd}.");
        }

        if (Unperformed(state, "list the debtor") is { } performed)
        {
            return performed;
        }

        if (PushPeriodPassed(state, context, "a listing", "纳入失信名单") is { } early)
        {
            return early;
        }

        if (context.Rules.SupremeCourtFilingForLocalGovernment && state.DebtorIsLocalGovernment && !state.SupremeCourtFiled)
        {
            return DomainError.Conflict("government-debt.supreme-court-filing-required", $"{state.DebtorName} is a local government: listing it must first be filed with the Supreme People's Court.");
        }

        if (state.Removals.LastOrDefault(r => r.Reason == RemovalReason.CreditorRequest) is { RelistingAllowedFrom: { } allowed } && context.Today < allowed)
        {
            return DomainError.Conflict("government-debt.relisting-barred", $"The entry was deleted at the creditor's request; the debtor cannot be listed again before {allowed:yyyy-MM-dd}.");
        }

        int? term;
        if (list.Ground == ListingGround.AbleButRefuses)
        {
            if (list.ExtensionYears is > 0)
            {
                return DomainError.Invalid("government-debt.extension-for-ground-1", "Ground 1 has no fixed term, so there is nothing to extend: it lasts until a removal ground occurs.");
            }

            term = null;
        }
        else
        {
            var extension = list.ExtensionYears ?? 0;
            if (extension != 0 && (extension < context.Rules.MinExtensionYears || extension > context.Rules.MaxExtensionYears))
            {
                return DomainError.Invalid("government-debt.extension-range", $"A serious case is listed {context.Rules.MinExtensionYears} to {context.Rules.MaxExtensionYears} years longer, not {extension}.");
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
                return DomainError.Conflict("government-debt.not-performed", $"{Money.Format(state.BalanceOn(context.Today).OutstandingFen)} yuan is still outstanding.");
            case RemovalReason.TermEnded when listing.EndsOn is not { } ends || ends > context.Today:
                return DomainError.Conflict("government-debt.term-running", listing.EndsOn is { } end ? $"The term runs until {end:yyyy-MM-dd}." : "A ground-1 listing has no term that could end.");
            case RemovalReason.ListingInError when listing.Correction is not { Justified: true }:
                return DomainError.Conflict("government-debt.correction-not-justified", "No review or reconsideration found the listing in error.");
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
            DomainError.Conflict("government-debt.reconsideration-out-of-time", $"Reconsideration had to be applied for by {by:yyyy-MM-dd}."),
        { Correction: { Upheld: false, Reconsideration: null } } listing =>
            Decision.Emit(new ReconsiderationRequested(state.CaseId, listing.ListingId, request.Reason.Trim(), context.Today, context.Rules.ReconsiderationDecision.EndFrom(context.Today, context.Calendar))),
        { Correction: { Upheld: false } } => Decision.Nothing,
        _ => DomainError.Conflict("government-debt.nothing-to-reconsider", "Reconsideration lies against a rejected correction request, and there is none."),
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

    private static DomainError? Unperformed(GovernmentDebtCase state, string action) =>
        state.FullyPerformedOn is { } on ? DomainError.Conflict("government-debt.already-performed", $"Cannot {action}: the obligation was fully performed on {on:yyyy-MM-dd}.") : null;

    private static DomainError NotListed() => DomainError.Conflict("government-debt.not-listed", "The debtor is not on the list of dishonest debtors.");

    private static DomainError NoCorrection() => DomainError.Conflict("government-debt.no-correction", "No correction has been requested.");
}
