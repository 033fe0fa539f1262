namespace Court.Domain.Documents;

/// <summary>A court that issues documents: its code (as in case numbers), name, and the prefix of its document numbers.</summary>
/// <param name="Slug">ASCII form of the code used in stream ids (渝0116 → cq0116).</param>
public sealed record IssuingCourt(string Code, string NameZh, string NameEn, string NumberPrefix, string Slug);

public static class IssuingCourts
{
    public static readonly IssuingCourt Jiangjin = new("渝0116", "重庆市江津区人民法院", "Jiangjin District People's Court, Chongqing", "江津法", "cq0116");
    public static readonly IssuingCourt FifthIntermediate = new("渝05", "重庆市第五中级人民法院", "Chongqing Fifth Intermediate People's Court", "渝五中法", "cq05");
    public static readonly IssuingCourt High = new("渝", "重庆市高级人民法院", "Chongqing High People's Court", "渝高法", "cq");

    public static readonly IReadOnlyList<IssuingCourt> All = [Jiangjin, FifthIntermediate, High];

    public static IssuingCourt? Find(string? code) => All.FirstOrDefault(c => c.Code == code);
}
