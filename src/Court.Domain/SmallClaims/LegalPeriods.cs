namespace Court.Domain.SmallClaims;

/// <summary>Which days the court works: statutory days off and weekends are not working days, adjusted working weekends are.</summary>
public interface IWorkingDays
{
    bool IsWorkingDay(DateOnly day);
}

/// <summary>
/// Periods under CPL 2021 Art. 85: the day an event happens is not counted, so a period of n days or months ends on
/// the n-th day or the corresponding day of the n-th month after it (the month's last day when there is none); a
/// last day that is a day off moves to the next working day.
/// </summary>
public static class LegalPeriods
{
    public static DateOnly DaysAfter(DateOnly start, int days, IWorkingDays calendar) => NextWorkingDayFrom(start.AddDays(days), calendar);

    public static DateOnly MonthsAfter(DateOnly start, int months, IWorkingDays calendar) => NextWorkingDayFrom(start.AddMonths(months), calendar);

    public static DateOnly NextWorkingDayFrom(DateOnly day, IWorkingDays calendar)
    {
        // A year holds at most a few weeks of consecutive days off; far more than that means the calendar is broken.
        for (var i = 0; i < 60; i++, day = day.AddDays(1))
        {
            if (calendar.IsWorkingDay(day))
            {
                return day;
            }
        }

        throw new InvalidOperationException($"No working day within 60 days of {day:yyyy-MM-dd}: check the working-day calendar.");
    }
}
