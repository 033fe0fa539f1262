namespace Court.Domain.Documents;

/// <summary>What a document is. Each kind numbers its own series (see <see cref="DocumentNumber"/>); add kinds at the end.</summary>
public enum DocumentKind
{
    /// <summary>协助执行通知书: the registry acts on it (lift, cancel or transfer a registration).</summary>
    AssistedEnforcementNotice,

    /// <summary>商请解除查封函: asks the seizing body to lift its seizure by a deadline.</summary>
    LetterToSeizingBody,

    /// <summary>督促函: asks the seizing body's superior to see that it lifts.</summary>
    LetterToSuperior,

    /// <summary>解除查封裁定书: the bankruptcy court's own lifting ruling.</summary>
    LiftingRuling,

    /// <summary>成交确认裁定书: confirms an auction or sale.</summary>
    SaleConfirmationRuling,

    /// <summary>协助执行通知书（过户）: tells the registry to transfer to the buyer.</summary>
    TransferNotice,

    /// <summary>交纳诉讼费用通知书.</summary>
    FeeNotice,

    /// <summary>诚信履约提醒函 to a government debtor.</summary>
    PerformanceReminderLetter,

    /// <summary>执行通知书.</summary>
    EnforcementNotice,

    /// <summary>府院联席会议纪要.</summary>
    MeetingMinutes,

    /// <summary>Any other letter (函).</summary>
    OtherLetter,

    /// <summary>送达回证 / 电子送达凭证: proof that one document was served on one recipient.</summary>
    ServiceCertificate,

    /// <summary>推送函: a government debtor's case pushed to the credit office and its supervising unit.</summary>
    PushLetter,

    /// <summary>督办函: supervision of a government debtor's performance, with the day to perform by.</summary>
    SupervisionLetter,

    /// <summary>关于党政机关未履行生效裁判情况的报告: to the same-level Party committee and government.</summary>
    PartyCommitteeReport,

    /// <summary>纳入失信被执行人名单决定书.</summary>
    DishonestListingDecision,

    /// <summary>删除失信信息决定书.</summary>
    DishonestRemovalDecision,

    /// <summary>受理案件通知书 naming a party's agent of record: what a lawyer shows a registry (seed item 61).</summary>
    CaseAcceptanceNotice,

    /// <summary>授权委托书 as the court registered it: the party, its agent, his licence and firm.</summary>
    LetterOfAuthority,
}

/// <summary>How a kind is named and numbered.</summary>
/// <param name="SeriesCode">The 字号 in the document number, e.g. "协执" in 江津法协执字〔2022〕第0001号.</param>
/// <param name="Slug">ASCII name used in stream ids; never changes once documents exist.</param>
public sealed record DocumentKindInfo(DocumentKind Kind, string SeriesCode, string Slug, string NameZh, string NameEn);

public static class DocumentKinds
{
    public static readonly IReadOnlyList<DocumentKindInfo> All =
    [
        new(DocumentKind.AssistedEnforcementNotice, "协执", "assisted-enforcement-notice", "协助执行通知书", "Assisted-enforcement notice"),
        new(DocumentKind.LetterToSeizingBody, "解封函", "letter-to-seizing-body", "商请解除查封函", "Letter to the seizing body"),
        new(DocumentKind.LetterToSuperior, "督促函", "letter-to-superior", "督促函", "Letter to the seizing body's superior"),
        new(DocumentKind.LiftingRuling, "解封裁", "lifting-ruling", "解除查封裁定书", "Lifting ruling"),
        new(DocumentKind.SaleConfirmationRuling, "成交裁", "sale-confirmation-ruling", "成交确认裁定书", "Sale-confirmation ruling"),
        new(DocumentKind.TransferNotice, "过户", "transfer-notice", "协助执行通知书（过户登记）", "Transfer notice"),
        new(DocumentKind.FeeNotice, "缴费", "fee-notice", "交纳诉讼费用通知书", "Fee notice"),
        new(DocumentKind.PerformanceReminderLetter, "提醒函", "performance-reminder-letter", "诚信履约提醒函", "Reminder to perform in good faith"),
        new(DocumentKind.EnforcementNotice, "执通", "enforcement-notice", "执行通知书", "Enforcement notice"),
        new(DocumentKind.MeetingMinutes, "纪要", "meeting-minutes", "府院联席会议纪要", "Joint meeting minutes"),
        new(DocumentKind.OtherLetter, "函", "other-letter", "函", "Letter"),
        new(DocumentKind.ServiceCertificate, "送证", "service-certificate", "送达回证", "Certificate of service"),
        new(DocumentKind.PushLetter, "推送函", "push-letter", "推送函", "Push letter"),
        new(DocumentKind.SupervisionLetter, "督办函", "supervision-letter", "督办函", "Supervision letter"),
        new(DocumentKind.PartyCommitteeReport, "专报", "party-committee-report", "专题报告", "Report to the Party committee and government"),
        new(DocumentKind.DishonestListingDecision, "失信决", "dishonest-listing-decision", "纳入失信被执行人名单决定书", "Decision to list a dishonest debtor"),
        new(DocumentKind.DishonestRemovalDecision, "删失决", "dishonest-removal-decision", "删除失信信息决定书", "Decision to remove a dishonest-debtor entry"),
        new(DocumentKind.CaseAcceptanceNotice, "受通", "case-acceptance-notice", "受理案件通知书", "Case-acceptance notice"),
        new(DocumentKind.LetterOfAuthority, "委托", "letter-of-authority", "授权委托书", "Letter of authority"),
    ];

    public static DocumentKindInfo Of(DocumentKind kind) =>
        All.FirstOrDefault(k => k.Kind == kind) ?? throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown document kind.");
}
