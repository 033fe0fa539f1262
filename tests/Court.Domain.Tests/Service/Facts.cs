using Court.Domain.Calendars;
using Court.Domain.Common;
using Court.Domain.Fees;
using Court.Domain.Service;
using static Court.Domain.Tests.Bankruptcy.Spec;

namespace Court.Domain.Tests.Service;

/// <summary>A small-claims case: a lender (organisation) sues 张三, whose lawyer is 李明; 张三 confirmed his address.</summary>
public static class Facts
{
    public const string CaseId = "case-1";
    public const string Clerk = "clerk";
    public const string Waybill = "EA123456785CN";
    public const string OtherWaybill = "EA100000140CN";

    /// <summary>Monday 6 January 2025, 09:00 in Chongqing.</summary>
    public static readonly DateTimeOffset Now = new(2025, 1, 6, 9, 0, 0, ChinaTime.Offset);

    public static readonly WorkingDayCalendar Calendar = TestCalendar.China2024To2025;

    public static readonly Party Lender = new("p-lender", PartyRole.Plaintiff, PartyKind.Organisation, "重庆某某小额贷款有限公司", "91500116MA5U5X7A8B");
    public static readonly Party Zhang = new("p-zhang", PartyRole.Defendant, PartyKind.Person, "张三", "500116199001011234");
    public static readonly Agent Li = new("a-li", Zhang.PartyId, "李明", "15001200910123456", "重庆某某律师事务所", "lawyer");

    public static readonly AddressConfirmation ZhangAddress = new(
        "重庆市江津区几江街道滨江路8号3-2", "13800000000", "zhangsan@example.cn", "zs-platform", "王五",
        [ServedDocumentKind.Summons, ServedDocumentKind.HearingSummons, ServedDocumentKind.FeeNotice], new DateOnly(2025, 1, 2));

    public static readonly ServedDocument Summons = new("doc-summons", "应诉通知书", ServedDocumentKind.Summons, "(2025)渝0116民初123号", "ABCD-1234");
    public static readonly ServedDocument Judgment = new("doc-judgment", "民事判决书", ServedDocumentKind.Judgment, "(2025)渝0116民初123号", null);

    public static ServiceFileOpened Opened(Procedure procedure = Procedure.SmallClaims) =>
        new(CaseId, "(2025)渝0116民初123号", "重庆市江津区人民法院", "重庆市江津区鼎山大道1号", "023-47521234", procedure, Clerk, Now.AddDays(-5));

    public static IDomainEvent[] Registered(Procedure procedure = Procedure.SmallClaims) =>
    [
        Opened(procedure),
        new PartyRegistered(CaseId, Lender, Clerk, Now.AddDays(-5)),
        new PartyRegistered(CaseId, Zhang, Clerk, Now.AddDays(-5)),
        new AgentAppointed(CaseId, Li, Clerk, Now.AddDays(-4)),
        new AddressConfirmed(CaseId, Zhang.PartyId, ZhangAddress, Clerk, Now.AddDays(-4)),
    ];

    public static ServiceFile File(Procedure procedure = Procedure.SmallClaims) => Given<ServiceFile>(Registered(procedure));

    /// <summary>张三 as the receipt rules see him when the summons is sent by court express.</summary>
    public static Recipient ZhangRecipient => new(Zhang.PartyId, PartyKind.Person, Zhang.Name, [Li.Name], "王五", [new OtherParty(Lender.Name, Lender.IdNumber)], true);

    public static Recipient LenderRecipient => new(Lender.PartyId, PartyKind.Organisation, Lender.Name, [], null, [new OtherParty(Zhang.Name, Zhang.IdNumber)], true);

    public static ServiceOrdered SummonsByExpress => new(CaseId, "doc-summons:p-zhang:1", Summons, ZhangRecipient, ServiceChannel.JudicialExpress, Waybill,
        new DeliveryAddress(ZhangAddress.PostalAddress, ZhangAddress.Phone, null), Clerk, Now);

    public static ServiceFile SummonsSent => File().Evolve(SummonsByExpress);

    public static ServiceContext At(DateTimeOffset now) => new(now, Clerk, Calendar);

    public static Decision When(ServiceFile file, ServiceCommand command, DateTimeOffset? at = null) => ServiceDecider.Decide(file, command, At(at ?? Now));

    public static DateTimeOffset Day(int month, int day, int hour = 10) => new(2025, month, day, hour, 0, 0, ChinaTime.Offset);

    public static CarrierEvent Carrier(string id, CarrierEventKind kind, DateTimeOffset at, string reference = Waybill) =>
        new(id, "ems", reference, kind, at);
}
