using System.Globalization;
using System.Text.Json;
using Court.Domain.Calendars;

namespace Court.Domain.Tests.Calendars;

/// <summary>
/// Period arithmetic on the real calendars in workflows/calendars (generated from shared/calendars-source): each
/// expected date was worked out from the State Council notices' days off and adjusted working weekend days.
/// </summary>
public sealed class WorkingDayCalendarTests
{
    private static readonly WorkingDayCalendar China = LoadRepositoryCalendar();

    [Theory]
    [InlineData("2022-01-29", true)] // Saturday made a working day before the 2022 Spring Festival
    [InlineData("2022-01-30", true)] // Sunday, likewise
    [InlineData("2022-02-04", false)] // Friday inside the Spring Festival block
    [InlineData("2022-10-08", true)] // Saturday after National Day 2022
    [InlineData("2023-09-29", false)] // Mid-Autumn Festival 2023, start of the joint block
    [InlineData("2023-10-06", false)] // last day of the 2023 Mid-Autumn/National Day block
    [InlineData("2023-10-07", true)] // Saturday worked after it
    [InlineData("2024-02-04", true)] // Sunday worked before the 2024 Spring Festival
    [InlineData("2024-02-18", true)] // Sunday worked after it
    [InlineData("2024-02-11", false)] // a Sunday inside it
    [InlineData("2025-10-08", false)] // the eighth day of the 2025 National Day block
    [InlineData("2026-02-14", true)] // Saturday worked before the 2026 Spring Festival
    [InlineData("2026-02-23", false)] // Monday, last day of the 2026 Spring Festival block
    [InlineData("2022-03-07", true)] // an ordinary Monday
    [InlineData("2022-03-06", false)] // an ordinary Sunday
    public void A_day_is_a_working_day_as_the_notices_say(string day, bool working) =>
        Assert.Equal(working, China.IsWorkingDay(Day(day)));

    [Theory]
    [InlineData("2022-01-28", 1, "2022-01-29")] // the next working day is an adjusted Saturday
    [InlineData("2022-01-28", 3, "2022-02-07")] // Sat, Sun worked, then the whole Spring Festival block is skipped
    [InlineData("2022-01-29", 1, "2022-01-30")]
    [InlineData("2022-09-30", 1, "2022-10-08")] // National Day 2022 skipped, lands on the worked Saturday
    [InlineData("2023-09-28", 1, "2023-10-07")] // the 2023 Mid-Autumn/National Day block skipped
    [InlineData("2023-09-28", 3, "2023-10-09")]
    [InlineData("2023-12-29", 1, "2024-01-02")] // the 2024 New Year block (Sat 30 Dec to Mon 1 Jan)
    [InlineData("2024-09-27", 1, "2024-09-29")] // Sunday worked before National Day 2024
    [InlineData("2024-09-27", 2, "2024-09-30")]
    [InlineData("2024-09-27", 3, "2024-10-08")]
    [InlineData("2025-09-26", 1, "2025-09-28")] // Sunday worked before the eight-day 2025 block
    [InlineData("2026-02-13", 1, "2026-02-14")]
    [InlineData("2026-02-13", 2, "2026-02-24")] // the nine-day 2026 Spring Festival block skipped
    [InlineData("2022-03-01", 5, "2022-03-08")] // an ordinary week: the weekend does not count
    public void Adding_working_days_skips_days_off_and_counts_adjusted_weekends(string start, int days, string expected) =>
        Assert.Equal(Day(expected), China.AddWorkingDays(Day(start), days));

    [Theory]
    [InlineData("2022-03-01", 4, "2022-03-07")] // ends on a Saturday: moves to Monday
    [InlineData("2022-03-01", 6, "2022-03-07")] // counting starts the next day: 1 March + 6 = 7 March
    [InlineData("2023-09-14", 15, "2023-10-07")] // ends on Mid-Autumn 2023: moves past the whole block to the worked Saturday
    [InlineData("2024-02-01", 10, "2024-02-18")] // ends inside the 2024 Spring Festival: the worked Sunday after it
    [InlineData("2025-01-20", 10, "2025-02-05")] // ends inside the 2025 Spring Festival
    [InlineData("2022-12-16", 15, "2023-01-03")] // ends on 31 Dec 2022, the 2023 New Year block
    [InlineData("2023-04-20", 10, "2023-05-04")] // ends inside Labour Day 2023
    [InlineData("2026-09-21", 10, "2026-10-08")] // ends on National Day 2026
    [InlineData("2026-09-20", 10, "2026-09-30")] // ends on a working day: stays
    public void A_calendar_day_period_that_ends_on_a_day_off_ends_on_the_next_working_day(string start, int days, string expected) =>
        Assert.Equal(Day(expected), China.EndOfCalendarDayPeriod(Day(start), days));

    [Fact]
    public void The_due_time_is_the_end_of_the_last_day_in_China_time()
    {
        // Entered at 10:00 in Chongqing on 1 Feb 2024; ten calendar days end on the worked Sunday 18 Feb.
        var entered = new DateTimeOffset(2024, 2, 1, 10, 0, 0, TimeSpan.FromHours(8));
        Assert.Equal(new DateTimeOffset(2024, 2, 19, 0, 0, 0, TimeSpan.FromHours(8)), China.DueAt(entered, 10, PeriodUnit.CalendarDays));
    }

    [Fact]
    public void The_start_day_is_taken_in_China_time_not_UTC()
    {
        // 17:00 UTC on Friday 28 Jan 2022 is already Saturday 29 Jan (a working day) in Chongqing.
        var entered = new DateTimeOffset(2022, 1, 28, 17, 0, 0, TimeSpan.Zero);
        Assert.Equal(new DateTimeOffset(2022, 1, 31, 0, 0, 0, TimeSpan.FromHours(8)), China.DueAt(entered, 1, PeriodUnit.WorkingDays));
    }

    [Fact]
    public void Beyond_the_published_years_the_fixed_date_holidays_are_days_off_and_dates_are_provisional()
    {
        Assert.False(China.Covers(Day("2027-01-01")));
        Assert.False(China.IsWorkingDay(Day("2027-01-01")));
        Assert.Equal(Day("2027-01-04"), China.EndOfCalendarDayPeriod(Day("2026-12-17"), 15));
        Assert.True(China.IsProvisional(Day("2027-01-04")));
        Assert.False(China.IsProvisional(Day("2026-12-31")));
    }

    [Fact]
    public void A_deadline_across_Spring_Festival_2027_skips_it_and_is_provisional()
    {
        // No notice for 2027: Spring Festival is 6 Feb 2027 (Sat), so eve to day 3 is Fri 5 – Mon 8 Feb, and the
        // Saturday and Sunday are made up on Tue 9 and Wed 10 Feb (补假). Ten days from 26 Jan end on Fri 5 Feb.
        Assert.Equal(Day("2027-02-06"), ProvisionalHolidays.SpringFestival(2027));
        foreach (var off in new[] { "2027-02-05", "2027-02-06", "2027-02-07", "2027-02-08", "2027-02-09", "2027-02-10" })
        {
            Assert.False(China.IsWorkingDay(Day(off)), off);
        }

        var lastDay = China.EndOfCalendarDayPeriod(Day("2027-01-26"), 10);
        Assert.Equal(Day("2027-02-11"), lastDay);
        Assert.True(China.IsProvisional(lastDay));
        Assert.Equal(Day("2027-02-11"), China.AddWorkingDays(Day("2027-02-04"), 1));
    }

    [Theory]
    [InlineData(2027, "2027-04-05", "2027-06-09", "2027-09-15")]
    [InlineData(2028, "2028-04-04", "2028-05-28", "2028-10-03")] // a lunar year with a leap fifth month
    [InlineData(2029, "2029-04-04", "2029-06-16", "2029-09-22")]
    public void The_provisional_calendar_puts_Qingming_Dragon_Boat_and_Mid_Autumn_on_their_days(int year, string qingming, string dragonBoat, string midAutumn)
    {
        var days = ProvisionalHolidays.StatutoryDays(year).ToHashSet();
        Assert.Contains(Day(qingming), days);
        Assert.Contains(Day(dragonBoat), days);
        Assert.Contains(Day(midAutumn), days);
        Assert.Equal(Day(qingming), ProvisionalHolidays.Qingming(year));
    }

    [Theory]
    [InlineData("2026-09-30", null)] // too early: the notice usually appears in November
    [InlineData("2026-10-01", 2027)]
    [InlineData("2026-12-31", 2027)]
    [InlineData("2025-10-01", null)] // 2026's notice is loaded
    public void From_1_October_next_years_missing_notice_is_named(string today, int? missing) =>
        Assert.Equal(missing, China.MissingNoticeOn(Day(today)));

    [Theory]
    [InlineData(2025)]
    [InlineData(2026)]
    public void Every_statutory_holiday_the_measures_compute_is_a_day_off_in_the_published_notice(int year)
    {
        // 2025 and 2026 are the years the 2024 measures apply to; their notices are the check on the computation.
        var missing = ProvisionalHolidays.StatutoryDays(year).Where(China.IsWorkingDay).ToList();
        Assert.Empty(missing);
    }

    [Fact]
    public void A_day_listed_both_off_and_working_is_refused()
    {
        var ex = Assert.Throws<ArgumentException>(() => new WorkingDayCalendar([2024], [Day("2024-02-04")], [Day("2024-02-04")]));
        Assert.StartsWith("2024-02-04 is listed both as a day off and as a working day.", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_calendar_files_match_the_verified_source_data()
    {
        var source = FindSource();
        using var document = JsonDocument.Parse(File.ReadAllText(source));
        var off = new HashSet<DateOnly>();
        var work = new HashSet<DateOnly>();
        foreach (var year in document.RootElement.GetProperty("years").EnumerateObject())
        {
            off.UnionWith(year.Value.GetProperty("off").EnumerateArray().Select(d => Day(d.GetString()!)));
            work.UnionWith(year.Value.GetProperty("work").EnumerateArray().Select(d => Day(d.GetString()!)));
        }

        var (filesOff, filesWork) = ReadFiles();
        Assert.Equal(off.Order(), filesOff.Order());
        Assert.Equal(work.Order(), filesWork.Order());
        Assert.All(work, d => Assert.True(d.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday, $"{d} is an adjusted working day but not a weekend day."));
    }

    private static DateOnly Day(string text) => DateOnly.ParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static WorkingDayCalendar LoadRepositoryCalendar()
    {
        var (off, work) = ReadFiles();
        return new WorkingDayCalendar([2022, 2023, 2024, 2025, 2026], off, work);
    }

    private static (List<DateOnly> Off, List<DateOnly> Work) ReadFiles()
    {
        var off = new List<DateOnly>();
        var work = new List<DateOnly>();
        for (var year = 2022; year <= 2026; year++)
        {
            using var document = JsonDocument.Parse(File.ReadAllText(Path.Combine(RepositoryRoot(), "workflows", "calendars", $"CN-{year}.json")));
            off.AddRange(document.RootElement.GetProperty("daysOff").EnumerateArray().Select(d => Day(d.GetString()!)));
            work.AddRange(document.RootElement.GetProperty("workingDays").EnumerateArray().Select(d => Day(d.GetString()!)));
        }

        return (off, work);
    }

    /// <summary>The verified source data, copied into the repository beside the calendars it produced.</summary>
    private static string FindSource() =>
        Path.Combine(RepositoryRoot(), "workflows", "calendars", "source", "CN-holidays-2022-2026.json");

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Court.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Court.sln not found above " + AppContext.BaseDirectory);
    }
}
