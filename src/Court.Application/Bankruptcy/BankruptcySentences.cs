using System.Globalization;
using Court.Application.Bankruptcy.Documents;
using Court.Domain.Bankruptcy;
using Court.Domain.Common;
using Court.Domain.Identifiers;

namespace Court.Application.Bankruptcy;

/// <summary>How each bankruptcy event reads in a timeline, in Chinese and English (the actor and time are shown beside it).</summary>
public static class BankruptcySentences
{
    private static string D(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string A(string code) => BankruptcyDocuments.AgencyName(code);

    private static string AEn(string code) => Agencies.Find(code)?.NameEn ?? code;

    public static (string Zh, string En) Describe(IDomainEvent e) => e switch
    {
        BankruptcyCaseOpened x => ($"登记破产案件 {x.CaseNumber}，债务人 {x.DebtorName}，指定管理人 {x.AdministratorName}", $"registered bankruptcy case {x.CaseNumber} of {x.DebtorName}, administrator {x.AdministratorName}"),
        AssetRegistered x => ($"登记财产：{x.Description}（估值 {BankruptcyDocuments.Yuan(x.EstimatedValueFen)}）", $"listed asset: {x.Description} (estimated {Money.Format(x.EstimatedValueFen)} yuan)"),
        SeizureRecorded x => ($"记录查封：{x.SeizingBody} {x.DocumentNumber}（{(x.Rank == SeizureRank.First ? "首封" : "轮候")}，至 {D(x.ExpiresOn)}）", $"recorded a {(x.Rank == SeizureRank.First ? "first" : "queued")} seizure by {x.SeizingBody}, {x.DocumentNumber}, until {D(x.ExpiresOn)}"),
        SeizureMovedToFirst => ("轮候查封转为首封", "a queued seizure now ranks first"),
        SeizureLifted x => ($"查封已解除（{(x.How == LiftedBy.SeizingBody ? "查封机关自行解除" : "本院裁定解除")}，{x.Reference}）", $"seizure lifted ({(x.How == LiftedBy.SeizingBody ? "by the seizing body" : "by the court's ruling")}, {x.Reference})"),
        SeizureRenewed x => ($"查封已续封（{x.DocumentNumber}），至 {D(x.ExpiresOn)}", $"seizure renewed ({x.DocumentNumber}) until {D(x.ExpiresOn)}"),
        SeizureLapsed x => ($"查封期限届满（{D(x.ExpiredOn)}）", $"seizure lapsed on {D(x.ExpiredOn)}"),
        AssetFreed => ("财产上已无查封，可以处置", "no seizure binds the asset: it may be disposed of"),
        RulingNumbered x => ($"裁定编为本案之{RulingNumbers.Numeral(x.Ordinal)}", $"numbered a ruling as no. {x.Ordinal} of the case"),
        AssetTransferred x => ($"财产已过户至 {x.BuyerName}（{x.RegistrationReference}）", $"asset transferred to {x.BuyerName} ({x.RegistrationReference})"),
        ReleaseRequested x => ($"申请解除 {x.Seizures.Count} 项查封：{x.Reasons}", $"asked for the release of {x.Seizures.Count} seizure(s): {x.Reasons}"),
        ReleaseApproved => ("批准解封申请", "approved the release request"),
        ReleaseRejected x => ($"驳回解封申请：{x.Reason}", $"rejected the release request: {x.Reason}"),
        ReleaseWithdrawn x => ($"撤回解封申请：{x.Reason}", $"withdrew the release request: {x.Reason}"),
        ReleaseLettersSent x => ($"向 {string.Join("、", x.Letters.Select(l => l.Addressee))} 发出商请解除查封函，限 {D(x.DueOn)} 前解除", $"wrote to {string.Join(", ", x.Letters.Select(l => l.Addressee))} to lift by {D(x.DueOn)}"),
        ReleaseEscalatedToSuperiors x => ($"查封机关逾期未解除，向 {string.Join("、", x.Letters.Select(l => l.Addressee))} 发出督促函，限 {D(x.DueOn)} 前解除", $"the seizing bodies let the deadline pass: wrote to their superiors {string.Join(", ", x.Letters.Select(l => l.Addressee))}, due {D(x.DueOn)}"),
        ReleaseRulingDue => ("上级机关督促后仍逾期，待本院裁定解除", "still not lifted after the superiors' deadline: the court's lifting ruling is due"),
        SeizureLiftedBySeizingBody x => ($"查封机关已自行解除（{x.Reference}，{D(x.LiftedOn)}）", $"the seizing body lifted its seizure ({x.Reference}, {D(x.LiftedOn)})"),
        ReleaseSeizureLapsed x => ($"申请所涉查封已于{D(x.ExpiredOn)}期限届满失效，不再请求解除", $"a seizure the request names lapsed on {D(x.ExpiredOn)}: it is no longer to be lifted"),
        LiftingRulingIssued x => ($"作出解除查封裁定，并向 {A(x.HoldingAgency)} 送达协助执行通知书", $"issued the lifting ruling and an assisted-enforcement notice to {AEn(x.HoldingAgency)}"),
        ReleaseStalled x => ($"协助执行单位报告无法执行：{x.Reason}", $"the agency reported it cannot execute: {x.Reason}"),
        ReleaseCompleted x => ($"解封完成{(x.RegistrationReference is null ? "" : $"（登记文号 {x.RegistrationReference}）")}", $"release completed{(x.RegistrationReference is null ? "" : $" (registration {x.RegistrationReference})")}"),
        AssistedEnforcementNoticeIssued x => ($"协助执行通知书 {x.DocumentNumber} 已送达 {A(x.Content.AddresseeAgency)}", $"assisted-enforcement notice {x.DocumentNumber} delivered to {AEn(x.Content.AddresseeAgency)}"),
        NoticeAcknowledged x => ($"{A(x.Agency)} 已签收通知书，应于 {D(x.ExecuteBy)} 前办结", $"{AEn(x.Agency)} acknowledged the notice, to execute by {D(x.ExecuteBy)}"),
        NoticeExecuted x => ($"{A(x.Agency)} 已协助执行（登记文号 {x.RegistrationReference}，{D(x.ExecutedOn)}）", $"{AEn(x.Agency)} executed the notice (registration {x.RegistrationReference}, {D(x.ExecutedOn)})"),
        NoticeQueried x => ($"{A(x.Agency)} 书面提出异议（不停止协助执行）：{x.Text}", $"{AEn(x.Agency)} queried the notice in writing (it stays in force): {x.Text}"),
        NoticeQueryAnswered x => ($"法官答复：{x.Answer}", $"the judge answered: {x.Answer}"),
        NoticeCannotBeExecuted x => ($"{A(x.Agency)} 报告无法协助执行：{x.Reason}", $"{AEn(x.Agency)} reported it cannot execute: {x.Reason}"),
        NoticeAcknowledgementOverdue x => ($"{A(x.Agency)} 逾期未签收（应于 {D(x.DueOn)} 前）", $"{AEn(x.Agency)} did not acknowledge by {D(x.DueOn)}"),
        NoticeExecutionOverdue x => ($"{A(x.Agency)} 逾期未办结（应于 {D(x.DueOn)} 前）", $"{AEn(x.Agency)} did not execute by {D(x.DueOn)}"),
        DisposalScheduled x => ($"安排{(x.Method == DisposalMethod.Auction ? "网络司法拍卖" : "变卖")}：{D(x.ScheduledOn)}，{x.Platform}，保留价 {BankruptcyDocuments.Yuan(x.ReservePriceFen)}", $"scheduled {(x.Method == DisposalMethod.Auction ? "an online judicial auction" : "a sale")} on {D(x.ScheduledOn)} at {x.Platform}, reserve {Money.Format(x.ReservePriceFen)} yuan"),
        DisposalUnsold x => ($"流拍：{x.Reason}", $"unsold: {x.Reason}"),
        AssetSold x => ($"成交：{x.BuyerName}，{BankruptcyDocuments.Yuan(x.PriceFen)}", $"sold to {x.BuyerName} for {Money.Format(x.PriceFen)} yuan"),
        SaleConfirmed x => ($"作出成交确认裁定，并向 {A(x.HoldingAgency)} 送达过户协助执行通知书", $"confirmed the sale and sent the transfer notice to {AEn(x.HoldingAgency)}"),
        TransferRegistered x => ($"过户登记完成（{x.RegistrationReference}）", $"transfer registered ({x.RegistrationReference})"),
        AgendaItemPlaced x => ($"列入府院联席会议议题：{x.Summary}", $"placed on the joint meeting's agenda: {x.Summary}"),
        MeetingDecisionRecorded x => ($"府院联席会议（{D(x.MeetingOn)}）议定：{x.Minutes}", $"the joint meeting of {D(x.MeetingOn)} decided: {x.Minutes}"),
        MeetingActionCompleted x => ($"会议议定事项已办结：{x.Note}", $"meeting action completed: {x.Note}"),
        AgendaItemResolved x => ($"议题已解决：{x.How}", $"agenda item resolved: {x.How}"),
        _ => (e.GetType().Name, e.GetType().Name),
    };
}
