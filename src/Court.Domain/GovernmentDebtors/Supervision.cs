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
    public static IReadOnlyList<MonthlyReportDue> Reports(GovernmentDebtCase state, GovernmentDebtContext context) =>
        Reports(state.SupervisionStartedOn, state.FullyPerformedOn, state.ReportedMonths.Contains, context);

    /// <summary>The same, from the facts alone (for read models that keep them in their own shape).</summary>
    public static IReadOnlyList<MonthlyReportDue> Reports(DateOnly? supervisionStartedOn, DateOnly? fullyPerformedOn, Func<DateOnly, bool> reported, GovernmentDebtContext context)
    {
        if (supervisionStartedOn is not { } started)
        {
            return [];
        }

        var last = MonthOf(fullyPerformedOn is { } performed && performed < context.Today ? performed : context.Today);
        var due = new List<MonthlyReportDue>();
        for (var month = MonthOf(started); month <= last; month = month.AddMonths(1))
        {
            var dueOn = DueOn(month, context);
            var submitted = reported(month);
            due.Add(new MonthlyReportDue(month, dueOn, submitted, !submitted && context.Today > dueOn));
        }

        return due;
    }

    public static DateOnly DueOn(DateOnly month, GovernmentDebtContext context) => context.Rules.MonthlyReport.EndFrom(LastDayOf(month), context.Calendar);

    /// <summary>A meeting is overdue when the day it was due by has passed without one.</summary>
    public static bool MeetingOverdue(GovernmentDebtCase state, DateOnly today) =>
        state.FullyPerformedOn is null && state.NextMeetingDueOn is { } due && today > due;

    /// <summary>The day the entry must be off the list by: performance or the end of a fixed term, plus the removal period.</summary>
    public static DateOnly? RemovalDueOn(GovernmentDebtCase state, GovernmentDebtContext context) =>
        state.Listing is not { } listing
            ? null
            : RemovalDueOn(state.FullyPerformedOn, listing.Correction is { Justified: true } c ? c.CorrectBy : null, listing.EndsOn, context);

    /// <summary>The same for a current listing, from the facts alone: performance, a justified correction, the end of a fixed term.</summary>
    public static DateOnly? RemovalDueOn(DateOnly? fullyPerformedOn, DateOnly? justifiedCorrectionBy, DateOnly? endsOn, GovernmentDebtContext context)
    {
        if (fullyPerformedOn is { } performed)
        {
            return context.Rules.Removal.EndFrom(performed, context.Calendar);
        }

        if (justifiedCorrectionBy is { } correctBy)
        {
            return correctBy;
        }

        return endsOn is { } ends && ends <= context.Today ? context.Rules.Removal.EndFrom(ends, context.Calendar) : null;
    }

    /// <summary>The first day a compulsory measure or a listing may come, when the local rule requires a push first.</summary>
    public static DateOnly? EarliestMeasureOn(GovernmentDebtCase state, GovernmentDebtContext context) =>
        context.Rules.PushBeforeMeasures is { } lead && state.PushedOn is { } pushed ? lead.EndFrom(pushed, context.Calendar) : null;
}
