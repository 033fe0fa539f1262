namespace Court.Domain.Fees;

/// <summary>The court's calendar date. China keeps one time zone, UTC+8, with no daylight saving, so a fixed offset is exact.</summary>
public static class ChinaTime
{
    public static readonly TimeSpan Offset = Common.CourtTime.Offset;

    public static DateOnly DateOf(DateTimeOffset instant) => Common.CourtTime.DateOf(instant);
}
