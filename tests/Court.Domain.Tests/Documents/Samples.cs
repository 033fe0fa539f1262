using Court.Domain.Common;
using Court.Domain.Documents;

namespace Court.Domain.Tests.Documents;

internal static class Samples
{
    public static readonly DateTimeOffset Now = new(2022, 3, 10, 2, 30, 0, TimeSpan.Zero);

    public static DocumentContent Notice(string asset = "江津区几江街道鼎山大道88号") => new(
        "协助执行通知书",
        "(2022)渝0116破1号",
        "重庆市江津区规划和自然资源局",
        Agencies.NaturalResources.Code,
        [
            DocumentSection.Text("本院于2022年3月1日裁定受理重庆某某机械有限公司破产清算一案。依照《中华人民共和国企业破产法》第十九条之规定，请协助执行下列事项："),
            DocumentSection.Table("财产", new DocumentField("坐落", asset), new DocumentField("不动产权证号", "渝(2019)江津区不动产权第0001234号")),
        ],
        ["重庆市江津区公安局"],
        "联系人：王法官 023-47520000");

    public static IssueDocument Issue(DocumentContent? content = null, Guid? id = null) =>
        new(id ?? Guid.NewGuid(), DocumentKind.AssistedEnforcementNotice, IssuingCourts.Jiangjin.Code, "release-request-1", content ?? Notice(), "judge.li");

    public static DocumentSeriesKey Series => DocumentSeriesKey.For(IssuingCourts.Jiangjin, DocumentKind.AssistedEnforcementNotice, Now);
}
