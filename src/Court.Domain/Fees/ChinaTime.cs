namespace Court.Domain.Fees;

/// <summary>The court's calendar date. China keeps one time zone, UTC+8, with no daylight saving, so a fixed offset is exact.</summary>
public static class ChinaTime
{
    public static readonly TimeSpan Offset = TimeSpan.FromHours(8);

    public static DateOnly DateOf(DateTimeOffset instant) => DateOnly.FromDateTime(instant.ToOffset(Offset).DateTime);
}
