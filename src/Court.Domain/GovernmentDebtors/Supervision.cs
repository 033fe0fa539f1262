namespace Court.Domain.GovernmentDebtors;

/// <summary>One month's report: due <see cref="DueOn"/>; missing when that day has passed without it.</summary>
public sealed record MonthlyReportDue(DateOnly Month, DateOnly DueOn, bool Submitted, bool Missing);

/// <summary>What supervision expects of a case on a given day, derived from its events and the rules.</summary>
public static class SupervisionSchedule
{
    public static DateOnly MonthOf(DateOnly day) => new(day.Year, day.Month, 1);

    public static DateOnly LastDayOf(DateOnly month) => month.AddMonths(1).AddDays(-1);

    /// <summary>
    /// Every month from the one supervision began in up to today's (until the month the debt was performed): a report
    /// for each, zero reports included, due the period after the month ends.
    /// </summary>
    public static IReadOnlyList<MonthlyReportDue> Reports(GovernmentDebtCase state, GovernmentDebtContext context)
    {
        if (state.SupervisionStartedOn is not { } started)
        {
            return [];
        }

        var last = MonthOf(state.FullyPerformedOn is { } performed && performed < context.Today ? performed : context.Today);
        var due = new List<MonthlyReportDue>();
        for (var month = MonthOf(started); month <= last; month = month.AddMonths(1))
        {
            var dueOn = DueOn(month, context);
            var submitted = state.ReportedMonths.Contains(month);
            due.Add(new MonthlyReportDue(month, dueOn, submitted, !submitted && context.Today > dueOn));
        }

        return due;
    }

    public static DateOnly DueOn(DateOnly month, GovernmentDebtContext context) => context.Rules.MonthlyReport.EndFrom(LastDayOf(month), context.Calendar);

    /// <summary>A meeting is overdue when the day it was due by has passed without one.</summary>
    public static bool MeetingOverdue(GovernmentDebtCase state, DateOnly today) =>
        state.FullyPerformedOn is null && state.NextMeetingDueOn is { } due && today > due;

    /// <summary>The day the entry must be off the list by: performance or the end of a fixed term, plus the removal period.</summary>
    public static DateOnly? RemovalDueOn(GovernmentDebtCase state, GovernmentDebtContext context)
    {
        if (state.Listing is not { } listing)
        {
            return null;
        }

        if (state.FullyPerformedOn is { } performed)
        {
            return context.Rules.Removal.EndFrom(performed, context.Calendar);
        }

        if (listing.Correction is { Justified: true, CorrectBy: { } correctBy })
        {
            return correctBy;
        }

        return listing.EndsOn is { } ends && ends <= context.Today ? context.Rules.Removal.EndFrom(ends, context.Calendar) : null;
    }

    /// <summary>The first day a compulsory measure or a listing may come, when the local rule requires a push first.</summary>
    public static DateOnly? EarliestMeasureOn(GovernmentDebtCase state, GovernmentDebtContext context) =>
        context.Rules.PushBeforeMeasures is { } lead && state.PushedOn is { } pushed ? lead.EndFrom(pushed, context.Calendar) : null;
}
