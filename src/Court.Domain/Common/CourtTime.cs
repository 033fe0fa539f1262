namespace Court.Domain.Common;

/// <summary>
/// The court's clock on the wall: China keeps one time zone, UTC+8, with no daylight saving, so a fixed offset is
/// exact. The one place the offset is said; the calendars, document numbers and fees name it from here.
/// </summary>
public static class CourtTime
{
    public static readonly TimeSpan Offset = TimeSpan.FromHours(8);

    /// <summary>The court's calendar date at <paramref name="instant"/>.</summary>
    public static DateOnly DateOf(DateTimeOffset instant) => DateOnly.FromDateTime(instant.ToOffset(Offset).DateTime);
}
