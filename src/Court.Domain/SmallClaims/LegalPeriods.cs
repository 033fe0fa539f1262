using Court.Domain.Calendars;

namespace Court.Domain.SmallClaims;

/// <summary>
/// Periods under CPL 2021 Art. 85: the day an event happens is not counted, so a period of n days or months ends on
/// the n-th day or the corresponding day of the n-th month after it (the month's last day when there is none); a
/// last day that is a day off moves to the next working day.
/// </summary>
public static class LegalPeriods
{
    public static DateOnly DaysAfter(DateOnly start, int days, WorkingDayCalendar calendar) => calendar.EndOfCalendarDayPeriod(start, days);

    public static DateOnly MonthsAfter(DateOnly start, int months, WorkingDayCalendar calendar) => calendar.NextWorkingDayFrom(start.AddMonths(months));
}
