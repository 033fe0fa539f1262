using System.Globalization;

namespace Court.Domain.Calendars;

/// <summary>
/// The statutory days off of a year whose State Council notice is not yet loaded, from the holiday measures
/// (全国年节及纪念日放假办法, as amended in 2024): New Year's Day (1 Jan), Spring Festival (eve to day 3 of the
/// first lunar month), Qingming (the solar term), Labour Day (1–2 May), Dragon Boat (5th of the 5th lunar month),
/// Mid-Autumn (15th of the 8th lunar month) and National Day (1–3 Oct); a holiday day that falls on a Saturday or
/// Sunday is made up on the next weekday (art. 6, 补假). The adjusted working weekends (调休) the notice will add
/// cannot be known in advance, so a date computed from these days is provisional (decision 0091).
/// </summary>
public static class ProvisionalHolidays
{
    private static readonly ChineseLunisolarCalendar Lunar = new();

    /// <summary>The first and last Gregorian years whose lunar holidays can be computed.</summary>
    public static readonly int FirstYear = 2000;

    public static readonly int LastYear = 2099;

    /// <summary>Every day off of <paramref name="year"/> under the measures, compensating days included, in date order.</summary>
    public static IReadOnlyList<DateOnly> DaysOff(int year)
    {
        if (year < FirstYear || year > LastYear)
        {
            throw new ArgumentOutOfRangeException(nameof(year), year, $"Provisional holidays are computed for {FirstYear}–{LastYear} only.");
        }

        var days = new SortedSet<DateOnly>(StatutoryDays(year));

        // 补假: each holiday day on a weekend moves to the first weekday after its block that is not itself off.
        foreach (var block in Blocks(year))
        {
            var owed = block.Count(d => d.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday);
            var next = block[^1];
            while (owed > 0)
            {
                next = next.AddDays(1);
                if (next.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && days.Add(next))
                {
                    owed--;
                }
            }
        }

        return [.. days.Where(d => d.Year == year)];
    }

    /// <summary>The holiday days the measures name for <paramref name="year"/>, before any compensating weekday.</summary>
    public static IEnumerable<DateOnly> StatutoryDays(int year) => Blocks(year).SelectMany(b => b);

    /// <summary>Day 1 of the first lunar month that falls in Gregorian <paramref name="year"/> (Spring Festival).</summary>
    public static DateOnly SpringFestival(int year) => LunarDay(year, 1, 1);

    /// <summary>
    /// Qingming: the day the sun reaches 15° ecliptic longitude, by the usual 21st-century formula
    /// (day = ⌊Y·0.2422 + 4.81⌋ − ⌊Y/4⌋ in April, Y the year's last two digits); it agrees with every year 2000–2099.
    /// </summary>
    public static DateOnly Qingming(int year)
    {
        var y = year % 100;
        var day = (int)Math.Floor((y * 0.2422) + 4.81) - (y / 4);
        return new DateOnly(year, 4, day);
    }

    private static IEnumerable<DateOnly[]> Blocks(int year)
    {
        var spring = SpringFestival(year);
        yield return [new DateOnly(year, 1, 1)];
        yield return [spring.AddDays(-1), spring, spring.AddDays(1), spring.AddDays(2)];
        yield return [Qingming(year)];
        yield return [new DateOnly(year, 5, 1), new DateOnly(year, 5, 2)];
        yield return [LunarDay(year, 5, 5)];
        yield return [LunarDay(year, 8, 15)];
        yield return [new DateOnly(year, 10, 1), new DateOnly(year, 10, 2), new DateOnly(year, 10, 3)];
    }

    /// <summary>The Gregorian date of <paramref name="day"/> of lunar month <paramref name="month"/> in the lunar year that begins in Gregorian <paramref name="year"/>.</summary>
    private static DateOnly LunarDay(int year, int month, int day)
    {
        // The calendar numbers a leap month in sequence (GetLeapMonth = 7 means the 7th slot is the leap 6th month),
        // so ordinary months from the leap month on sit one slot later.
        var leap = Lunar.GetLeapMonth(year);
        var slot = leap != 0 && month >= leap ? month + 1 : month;
        return DateOnly.FromDateTime(Lunar.ToDateTime(year, slot, day, 0, 0, 0, 0));
    }
}
