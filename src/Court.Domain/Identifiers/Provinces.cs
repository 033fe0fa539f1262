namespace Court.Domain.Identifiers;

/// <summary>
/// The province-level divisions of GB/T 2260 by their two-digit prefix. Resident ID numbers and lawyer licence
/// numbers both start a code with one of these; one table so the two cannot disagree.
/// </summary>
public static class Provinces
{
    private static readonly Dictionary<string, string> Names = new(StringComparer.Ordinal)
    {
        ["11"] = "北京",
        ["12"] = "天津",
        ["13"] = "河北",
        ["14"] = "山西",
        ["15"] = "内蒙古",
        ["21"] = "辽宁",
        ["22"] = "吉林",
        ["23"] = "黑龙江",
        ["31"] = "上海",
        ["32"] = "江苏",
        ["33"] = "浙江",
        ["34"] = "安徽",
        ["35"] = "福建",
        ["36"] = "江西",
        ["37"] = "山东",
        ["41"] = "河南",
        ["42"] = "湖北",
        ["43"] = "湖南",
        ["44"] = "广东",
        ["45"] = "广西",
        ["46"] = "海南",
        ["50"] = "重庆",
        ["51"] = "四川",
        ["52"] = "贵州",
        ["53"] = "云南",
        ["54"] = "西藏",
        ["61"] = "陕西",
        ["62"] = "甘肃",
        ["63"] = "青海",
        ["64"] = "宁夏",
        ["65"] = "新疆",
    };

    /// <summary>Taiwan (71) and the prefixes of residence-permit numbers of Hong Kong (81), Macao (82) and Taiwan (83) residents.</summary>
    private static readonly Dictionary<string, string> ResidencePermitNames = new(StringComparer.Ordinal)
    {
        ["71"] = "台湾",
        ["81"] = "香港",
        ["82"] = "澳门",
        ["83"] = "台湾",
    };

    /// <summary>A mainland province, autonomous region or municipality, e.g. 50 (重庆).</summary>
    public static bool IsMainland(ReadOnlySpan<char> prefix) => Names.GetAlternateLookup<ReadOnlySpan<char>>().ContainsKey(prefix);

    /// <summary>A mainland division or one of the prefixes of residence permits, which share the ID-number format.</summary>
    public static bool IsResidentIdPrefix(ReadOnlySpan<char> prefix) =>
        IsMainland(prefix) || ResidencePermitNames.GetAlternateLookup<ReadOnlySpan<char>>().ContainsKey(prefix);

    public static string? NameOf(string prefix) =>
        Names.TryGetValue(prefix, out var name) || ResidencePermitNames.TryGetValue(prefix, out name) ? name : null;
}
