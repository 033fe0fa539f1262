using Court.Domain.SmallClaims;

namespace Court.Domain.Tests;

/// <summary>The State Council's 2024 and 2025 days off and adjusted working weekends (from shared/calendars-source), for period arithmetic.</summary>
public sealed class TestCalendar : IWorkingDays
{
    public static readonly TestCalendar China2024To2025 = new(
        ["2024-01-01", "2024-02-10", "2024-02-11", "2024-02-12", "2024-02-13", "2024-02-14", "2024-02-15", "2024-02-16", "2024-02-17", "2024-04-04", "2024-04-05", "2024-04-06",
         "2024-05-01", "2024-05-02", "2024-05-03", "2024-05-04", "2024-05-05", "2024-06-08", "2024-06-09", "2024-06-10", "2024-09-15", "2024-09-16", "2024-09-17",
         "2024-10-01", "2024-10-02", "2024-10-03", "2024-10-04", "2024-10-05", "2024-10-06", "2024-10-07",
         "2025-01-01", "2025-01-28", "2025-01-29", "2025-01-30", "2025-01-31", "2025-02-01", "2025-02-02", "2025-02-03", "2025-02-04", "2025-04-04", "2025-04-05", "2025-04-06",
         "2025-05-01", "2025-05-02", "2025-05-03", "2025-05-04", "2025-05-05", "2025-05-31", "2025-06-01", "2025-06-02",
         "2025-10-01", "2025-10-02", "2025-10-03", "2025-10-04", "2025-10-05", "2025-10-06", "2025-10-07", "2025-10-08"],
        ["2024-02-04", "2024-02-18", "2024-04-07", "2024-04-28", "2024-05-11", "2024-09-14", "2024-09-29", "2024-10-12",
         "2025-01-26", "2025-02-08", "2025-04-27", "2025-09-28", "2025-10-11"]);

    private readonly HashSet<DateOnly> off;
    private readonly HashSet<DateOnly> work;

    public TestCalendar(IEnumerable<string> off, IEnumerable<string> work)
    {
        this.off = [.. off.Select(d => DateOnly.Parse(d, System.Globalization.CultureInfo.InvariantCulture))];
        this.work = [.. work.Select(d => DateOnly.Parse(d, System.Globalization.CultureInfo.InvariantCulture))];
    }

    public bool IsWorkingDay(DateOnly day) =>
        work.Contains(day) || (!off.Contains(day) && day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday));
}
