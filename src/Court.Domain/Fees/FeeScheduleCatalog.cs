namespace Court.Domain.Fees;

/// <summary>
/// Every version of every fee schedule, and the rule for which one charges a case: the latest version of each
/// schedule whose effective date has come; of those that cover the court, procedure and kind, the most specific
/// (a court's own small-claims schedule before the national one), then the most recent.
/// </summary>
public sealed class FeeScheduleCatalog(IEnumerable<FeeSchedule> versions)
{
    private readonly IReadOnlyList<FeeSchedule> all = [.. versions.OrderBy(v => v.Id, StringComparer.Ordinal).ThenBy(v => v.Version)];

    public static FeeScheduleCatalog BuiltIn { get; } = new(NationalFeeSchedule.BuiltIn);

    public IReadOnlyList<FeeSchedule> All => all;

    public FeeSchedule? Find(string id, int version) => all.FirstOrDefault(v => v.Id == id && v.Version == version);

    /// <summary>The version of schedule <paramref name="id"/> in force on <paramref name="on"/>, if any.</summary>
    public FeeSchedule? CurrentVersion(string id, DateOnly on) =>
        all.Where(v => v.Id == id && v.EffectiveFrom <= on).OrderBy(v => v.EffectiveFrom).ThenBy(v => v.Version).LastOrDefault();

    public FeeSchedule? InForce(FeeKind kind, Procedure procedure, string? courtCode, DateOnly on) =>
        all.Select(v => v.Id).Distinct()
            .Select(id => CurrentVersion(id, on))
            .OfType<FeeSchedule>()
            .Where(v => v.Scope.Covers(courtCode, procedure) && v.ScaleFor(kind) is not null)
            .OrderByDescending(v => v.Scope.Specificity())
            .ThenByDescending(v => v.EffectiveFrom)
            .FirstOrDefault();
}
