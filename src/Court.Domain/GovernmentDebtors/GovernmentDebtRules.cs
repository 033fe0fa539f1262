using Court.Domain.Calendars;

namespace Court.Domain.GovernmentDebtors;

/// <summary>A period as the law or a local rule states it: days (calendar or working) or months.</summary>
public sealed record RulePeriod(int Count, RulePeriodUnit Unit)
{
    public static RulePeriod WorkingDays(int count) => new(count, RulePeriodUnit.WorkingDays);

    public static RulePeriod CalendarDays(int count) => new(count, RulePeriodUnit.CalendarDays);

    public static RulePeriod Months(int count) => new(count, RulePeriodUnit.Months);

    /// <summary>
    /// The last day of the period beginning on <paramref name="start"/>: working days count from the next day;
    /// calendar days and months end on the n-th day or the corresponding day of the month after it, moved to the next
    /// working day when that is a day off (CPL Art. 85).
    /// </summary>
    public DateOnly EndFrom(DateOnly start, WorkingDayCalendar calendar) => Unit switch
    {
        RulePeriodUnit.WorkingDays => calendar.AddWorkingDays(start, Count),
        RulePeriodUnit.CalendarDays => calendar.EndOfCalendarDayPeriod(start, Count),
        _ => calendar.NextWorkingDayFrom(start.AddMonths(Count)),
    };

    public override string ToString() => $"{Count} {Unit}";
}

public enum RulePeriodUnit
{
    CalendarDays,
    WorkingDays,
    Months,
}

/// <summary>
/// The periods and switches of the government-debtor mechanism. Local mechanisms differ, so none of them is a constant
/// in code: the application reads them from the pinned workflow definition (workflows/government-debtor-enforcement.v*.json).
/// </summary>
/// <param name="PushBeforeMeasures">How long after the push to the credit office and supervising unit a compulsory
/// measure or a listing may come (Ganzhou 2023: 5 working days); null when the local mechanism has no such rule.</param>
/// <param name="Removal">Removal from the list after performance or the end of a fixed term (SPC 2017 Art. 10: 3 working days).</param>
/// <param name="CorrectionReview">Review of a correction request (Art. 12: 15 days).</param>
/// <param name="Correction">Making a correction found justified (Art. 12: 3 working days).</param>
/// <param name="ReconsiderationFiling">Applying for reconsideration of a rejected correction (Art. 12: 10 days).</param>
/// <param name="ReconsiderationDecision">The higher court's decision on reconsideration (Art. 12: 15 days).</param>
/// <param name="RelistingBar">No relisting after a deletion at the creditor's request (Art. 10: 6 months).</param>
/// <param name="FixedTermYears">The term for grounds 2–6 (Art. 2: 2 years).</param>
/// <param name="MinExtensionYears">The least extension for serious cases (Art. 2: 1 year).</param>
/// <param name="MaxExtensionYears">The most extension for serious cases (Art. 2: 3 years).</param>
/// <param name="MonthlyReport">How long after a month ends the debtor unit's report for it is due.</param>
/// <param name="CoordinationMeeting">How often a coordination meeting must be held during supervision (6 months).</param>
/// <param name="SupremeCourtFilingForLocalGovernment">Whether listing a local government itself needs a filing with the
/// Supreme People's Court first (low-confidence source, so a switch).</param>
public sealed record GovernmentDebtRules(
    RulePeriod? PushBeforeMeasures,
    RulePeriod Removal,
    RulePeriod CorrectionReview,
    RulePeriod Correction,
    RulePeriod ReconsiderationFiling,
    RulePeriod ReconsiderationDecision,
    RulePeriod RelistingBar,
    int FixedTermYears,
    int MinExtensionYears,
    int MaxExtensionYears,
    RulePeriod MonthlyReport,
    RulePeriod CoordinationMeeting,
    bool SupremeCourtFilingForLocalGovernment);

/// <summary>What a decision reads besides the case: the time, the calendar and the rules of the pinned definition.</summary>
public sealed record GovernmentDebtContext(DateTimeOffset Now, WorkingDayCalendar Calendar, GovernmentDebtRules Rules)
{
    public DateOnly Today => Common.CourtTime.DateOf(Now);
}
