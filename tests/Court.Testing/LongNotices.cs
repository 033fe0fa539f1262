using Court.Application.Bankruptcy.Documents;
using Court.Application.Common;
using Court.Application.Workflows;
using Court.Domain.Bankruptcy;
using Court.Domain.Calendars;
using Court.Domain.Common;
using Court.Domain.Documents;

namespace Court.Testing;

/// <summary>
/// The assisted-enforcement notice of a case with everything long (a long debtor name and address, three seizures by
/// bodies with long names): the one-page tests print it, from the server's PDF and from the browser (issue 12).
/// </summary>
public static class LongNotices
{
    /// <summary>The notice's content as the bankruptcy slice writes it.</summary>
    public static DocumentContent Content()
    {
        var staff = new BankruptcyDocuments.CaseStaff(
            new Person("judge.li", "欧阳建国", "审判员", null, "渝0116", new HashSet<string> { Roles.Judge }),
            new Person("clerk.wang", "司马晓燕", "书记员", null, "渝0116", new HashSet<string> { Roles.Clerk }));
        var content = new NoticeContent(
            "渝0116",
            "重庆市江津区人民法院",
            "(2022)渝0116破12号",
            Agencies.NaturalResources.Code,
            Agencies.NaturalResources.NameZh,
            Guid.NewGuid().ToString("D"),
            "(2022)渝0116破12号之三",
            new DateOnly(2022, 3, 8),
            "重庆市江津区某某精密机械制造与进出口贸易有限责任公司",
            "91500116MA5U8XXX0X",
            AssetKind.Building,
            "位于重庆市江津区几江街道鼎山大道888号的工业厂房（含办公楼、仓库及其占用范围内的国有建设用地使用权）",
            new AssetIdentifiers
            {
                Location = "重庆市江津区几江街道鼎山大道888号1幢、2幢、3幢及附属设施",
                CertificateNumber = "渝(2019)江津区不动产权第0001234号",
                UnitCode = "500116001001GB00001F00010001",
                AreaSquareMetres = 12_365.48m,
                Use = "工业用地/工业厂房",
            },
            [
                new("s1", "重庆市公安局江津区分局经济犯罪侦查支队", "重庆市公安局江津区分局", "江公(经)查字〔2021〕第00015号", new DateOnly(2021, 6, 2), SeizureRank.First, "渝(2021)江津区不动产证明第0045678号"),
                new("s2", "重庆市江津区人民法院执行局", null, "(2021)渝0116执保1234号", new DateOnly(2021, 7, 19), SeizureRank.Queued, "渝(2021)江津区不动产证明第0051234号"),
                new("s3", "重庆市第五中级人民法院", null, "(2021)渝05执保567号", new DateOnly(2021, 9, 30), SeizureRank.Queued, "渝(2021)江津区不动产证明第0067890号"),
            ],
            NoticeAction.CancelSeizureRegistration,
            null,
            null,
            null,
            BankruptcyDocuments.Contact("渝0116", staff),
            new DateOnly(2022, 3, 10));
        return BankruptcyDocuments.Notice(content, new DeadlineDefinition(3, PeriodUnit.WorkingDays, null), new DeadlineDefinition(15, PeriodUnit.CalendarDays, null));
    }
}
