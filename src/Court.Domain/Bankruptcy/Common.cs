namespace Court.Domain.Bankruptcy;

public enum AssetKind
{
    LandUseRight,
    Building,
    Vehicle,
    DepositAccount,
    Equity,
    Other,
}

public enum SeizureRank
{
    /// <summary>首封: the seizure that bites.</summary>
    First,

    /// <summary>轮候查封: ranks behind the first and takes effect when it is lifted.</summary>
    Queued,
}

/// <summary>How a seizure came to be lifted.</summary>
public enum LiftedBy
{
    /// <summary>The seizing body lifted it itself after the court's letter.</summary>
    SeizingBody,

    /// <summary>The bankruptcy court's own lifting ruling, executed by the holding agency.</summary>
    CourtRuling,
}

/// <summary>The court's local date: deadlines are whole days in China time (UTC+8, no daylight saving).</summary>
public static class CourtCalendar
{
    public static readonly TimeSpan Offset = Common.CourtTime.Offset;

    public static DateOnly DateOf(DateTimeOffset instant) => Common.CourtTime.DateOf(instant);

    /// <summary>A deadline that ends on <paramref name="due"/> has passed once the court's date is after it.</summary>
    public static bool IsPast(DateOnly due, DateTimeOffset now) => DateOf(now) > due;
}
