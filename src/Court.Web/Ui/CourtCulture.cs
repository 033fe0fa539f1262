using System.Globalization;
using Court.Domain.Calendars;
using Court.Domain.Common;

namespace Court.Web.Ui;

/// <summary>The UI's two languages and how dates, times and agencies read in each. The court's clock is China Standard Time.</summary>
public static class CourtCulture
{
    public const string Chinese = "zh-CN";
    public const string English = "en";

    public static readonly CultureInfo[] Supported = [new(Chinese), new(English)];

    public static readonly TimeZoneInfo CourtTimeZone = FindTimeZone();

    public static bool IsChinese => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "zh";

    public static DateTimeOffset ToCourtTime(DateTimeOffset at) => TimeZoneInfo.ConvertTime(at, CourtTimeZone);

    /// <summary>2022年4月23日 / 23 April 2022.</summary>
    public static string Date(DateTimeOffset at) =>
        ToCourtTime(at).ToString(IsChinese ? "yyyy'年'M'月'd'日'" : "d MMMM yyyy", CultureInfo.CurrentCulture);

    /// <summary>The last day of a period that runs out at <paramref name="dueAt"/> (24:00 of that day), as a date people read.</summary>
    public static string LastDay(DateTimeOffset dueAt) => Date(WorkingDayCalendar.LastDayOf(dueAt));

    /// <summary>2022年4月23日 / 23 April 2022.</summary>
    public static string Date(DateOnly date) =>
        IsChinese
            ? date.ToString("yyyy年M月d日", CultureInfo.InvariantCulture)
            : date.ToString("d MMMM yyyy", CultureInfo.GetCultureInfo("en"));

    /// <summary>2022年4月23日 09:30 / 23 April 2022 09:30.</summary>
    public static string DateTime(DateTimeOffset at) =>
        Date(at) + " " + ToCourtTime(at).ToString("HH:mm", CultureInfo.InvariantCulture);

    /// <summary>A list as the UI language writes one: 甲、乙、丙 / A, B, C.</summary>
    public static string List(IEnumerable<string> items) => string.Join(IsChinese ? "、" : ", ", items);

    public static string? AgencyName(string? code) =>
        Agencies.Find(code) is { } agency ? (IsChinese ? agency.NameZh : agency.NameEn) : code;

    private static TimeZoneInfo FindTimeZone()
    {
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");
        }
        catch (TimeZoneNotFoundException)
        {
            // No tz database: China has kept UTC+8 without daylight saving since 1991.
            return TimeZoneInfo.CreateCustomTimeZone("China Standard Time", TimeSpan.FromHours(8), "China Standard Time", "China Standard Time");
        }
    }
}
