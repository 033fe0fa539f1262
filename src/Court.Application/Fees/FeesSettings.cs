namespace Court.Application.Fees;

/// <summary>
/// Bound from <c>Court:Fees</c>: which court this installation is (its local schedules apply) and its province
/// (whose small-claims thresholds apply), and how many days before the limit the docket warns.
/// </summary>
public sealed class FeesSettings
{
    public string CourtCode { get; set; } = "渝0116";

    public string Province { get; set; } = "CQ";

    public int DocketWarningDays { get; set; } = 10;
}
