using System.Collections.Concurrent;

namespace Court.Domain.Calendars;

/// <summary>Whether a period counts every day or only working days.</summary>
public enum PeriodUnit
{
    CalendarDays,
    WorkingDays,
}

/// <summary>
/// China's working days: Monday to Friday, less the statutory days off, plus the weekend days the State Council
/// turns into working days (调休). Loaded from <c>workflows/calendars/CN-YYYY.json</c>. For years no file covers,
/// the statutory days off are computed from the holiday measures (<see cref="ProvisionalHolidays"/>), without the
/// notice's adjusted weekends: <see cref="IsProvisional(DateOnly)"/> says so, so callers flag such a date as provisional.
/// </summary>
public sealed class WorkingDayCalendar
{
    /// <summary>China Standard Time: no daylight saving, so a fixed offset is exact.</summary>
    public static readonly TimeSpan ChinaOffset = Common.CourtTime.Offset;

    private readonly HashSet<DateOnly> daysOff;
    private readonly HashSet<DateOnly> workingWeekendDays;
    private readonly HashSet<int> years;
    private readonly ConcurrentDictionary<int, HashSet<DateOnly>> provisional = new();

    public WorkingDayCalendar(IEnumerable<int> coveredYears, IEnumerable<DateOnly> daysOff, IEnumerable<DateOnly> workingWeekendDays)
    {
        years = [.. coveredYears];
        this.daysOff = [.. daysOff];
        this.workingWeekendDays = [.. workingWeekendDays];
        var clash = this.daysOff.Intersect(this.workingWeekendDays).Order().FirstOrDefault();
        if (clash != default)
        {
            throw new ArgumentException($"{clash:yyyy-MM-dd} is listed both as a day off and as a working day.", nameof(workingWeekendDays));
        }
    }

    /// <summary>A calendar with no State Council notice loaded: every year's days off are the provisional statutory holidays.</summary>
    public static WorkingDayCalendar WithoutNotices { get; } = new([], [], []);

    public IReadOnlyCollection<int> CoveredYears => years;

    public bool Covers(DateOnly date) => years.Contains(date.Year);

    /// <summary>
    /// Whether a period whose last day is <paramref name="lastDay"/> was worked out on a year no State Council notice
    /// covers yet: its days off are the measures' statutory holidays only, so the date may move once the notice is loaded.
    /// </summary>
    public bool IsProvisional(DateOnly lastDay) => !Covers(lastDay);

    /// <summary>
    /// The year whose State Council notice should be loaded by <paramref name="today"/> and is not: from 1 October
    /// (the notice usually appears in November), next year's; null when it is loaded or it is too early to ask.
    /// </summary>
    public int? MissingNoticeOn(DateOnly today) => today.Month >= 10 && !years.Contains(today.Year + 1) ? today.Year + 1 : null;

    /// <summary><see cref="IsProvisional(DateOnly)"/> of a deadline that may be absent.</summary>
    public bool IsProvisional(DateOnly? lastDay) => lastDay is { } day && IsProvisional(day);

    /// <summary><see cref="IsProvisional(DateOnly)"/> of the period that runs out at <paramref name="dueAt"/>.</summary>
    public bool IsProvisional(DateTimeOffset? dueAt) => IsProvisional(LastDayOf(dueAt));

    public bool IsWorkingDay(DateOnly day)
    {
        if (workingWeekendDays.Contains(day))
        {
            return true;
        }

        if (daysOff.Contains(day) || day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday)
        {
            return false;
        }

        return Covers(day) || !ProvisionalDaysOff(day.Year).Contains(day);
    }

    /// <summary><paramref name="date"/> itself when it is a working day, otherwise the first working day after it.</summary>
    public DateOnly NextWorkingDayFrom(DateOnly date)
    {
        while (!IsWorkingDay(date))
        {
            date = date.AddDays(1);
        }

        return date;
    }

    /// <summary>The <paramref name="days"/>-th working day after <paramref name="start"/> (the start day itself never counts).</summary>
    public DateOnly AddWorkingDays(DateOnly start, int days)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(days);
        var date = start;
        for (var counted = 0; counted < days;)
        {
            date = date.AddDays(1);
            if (IsWorkingDay(date))
            {
                counted++;
            }
        }

        return date;
    }

    /// <summary>
    /// The last day of a period of <paramref name="days"/> calendar days that begins on <paramref name="start"/>:
    /// counting starts the next day, and a period whose last day is a day off ends on the next working day
    /// (Civil Procedure Law art. 85).
    /// </summary>
    public DateOnly EndOfCalendarDayPeriod(DateOnly start, int days)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(days);
        return NextWorkingDayFrom(start.AddDays(days));
    }

    /// <summary>The last day of a period of either unit that begins on <paramref name="start"/>.</summary>
    public DateOnly EndOfPeriod(DateOnly start, int days, PeriodUnit unit) => unit switch
    {
        PeriodUnit.WorkingDays => AddWorkingDays(start, days),
        _ => EndOfCalendarDayPeriod(start, days),
    };

    /// <summary>
    /// When a period that begins at <paramref name="start"/> runs out: the end (24:00 China Standard Time) of its
    /// last day, as an instant.
    /// </summary>
    public DateTimeOffset DueAt(DateTimeOffset start, int days, PeriodUnit unit)
    {
        var localDay = DateOnly.FromDateTime(start.ToOffset(ChinaOffset).DateTime);
        var last = EndOfPeriod(localDay, days, unit);
        return EndOf(last);
    }

    /// <summary>The instant a period whose last day is <paramref name="lastDay"/> runs out: 24:00 China Standard Time of that day.</summary>
    public static DateTimeOffset EndOf(DateOnly lastDay) => new(lastDay.AddDays(1).ToDateTime(TimeOnly.MinValue), ChinaOffset);

    /// <summary>The last day of a period that runs out at <paramref name="dueAt"/> (24:00 China Standard Time of that day): the date a document prints.</summary>
    public static DateOnly LastDayOf(DateTimeOffset dueAt) => DateOnly.FromDateTime(dueAt.ToOffset(ChinaOffset).AddTicks(-1).DateTime);

    /// <summary><see cref="LastDayOf(DateTimeOffset)"/> of a deadline that may be absent.</summary>
    public static DateOnly? LastDayOf(DateTimeOffset? dueAt) => dueAt is { } due ? LastDayOf(due) : null;

    private HashSet<DateOnly> ProvisionalDaysOff(int year) => provisional.GetOrAdd(year, y =>
        y >= ProvisionalHolidays.FirstYear && y <= ProvisionalHolidays.LastYear ? [.. ProvisionalHolidays.DaysOff(y)] : []);
}
