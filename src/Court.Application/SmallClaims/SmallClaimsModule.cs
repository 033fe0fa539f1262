using Court.Application.Common;
using Court.Application.Demo;
using Court.Application.Fees;
using Court.Application.Pipeline;
using Court.Application.SmallClaims.Docket;
using Court.Application.SmallClaims.Eligibility;
using Court.Application.SmallClaims.Proceeding;
using Court.Application.SmallClaims.Thresholds;
using Court.Application.Timeline;
using Court.Application.Workflows;
using Court.Domain.Fees;
using Court.Domain.Identifiers;
using Court.Domain.SmallClaims;
using Microsoft.Extensions.DependencyInjection;

namespace Court.Application.SmallClaims;

public static class SmallClaimsModule
{
    /// <summary>Small-claims thresholds, eligibility, cases on the <c>small-claims</c> workflow, the docket and the fee read models. Needs <c>AddFees</c>.</summary>
    public static IServiceCollection AddSmallClaims(this IServiceCollection services)
    {
        services.AddScoped<SmallClaimsCases>();
        services.AddDemoSeeder<Demo.SmallClaimsDemoSeeder>();
        services.AddSingleton<Projections.IProjection, SmallClaimsProjection>();
        services.AddWorkflowSubject<SmallClaimsCase>();
        services.AddStreamReader(SmallClaimsCase.StreamPrefix, id => new GetSmallClaimsCase(id));
        services.AddWorkflowPeriods<SmallClaimsCase>(SmallClaimsCases.PeriodNames);

        services.AllowRoles<CheckSmallClaimsEligibility>(FeeAccess.Staff);
        services.AllowRoles<ListSmallClaimsThresholds>(FeeAccess.Staff);
        services.AllowRoles<ConfirmSmallClaimsThreshold>(Roles.SystemAdministrator);
        services.AllowRoles<PublishSmallClaimsThreshold>(Roles.SystemAdministrator);
        services.AllowRoles<Filing.FileSmallClaimsCase>(Roles.Clerk);
        services.AllowOnCase<RecordSmallClaimsFeePayment>(Roles.Clerk);
        services.AllowOnCase<RecordSmallClaimsRefundPaid>(Roles.Clerk);
        services.AllowOnCase<RecordSmallClaimsFeeNoticeService>(Roles.System);

        // The procedure's steps: who may take them is the definition's; the rule only says whose case it is.
        services.AllowOnCase<RecordSmallClaimsService>();
        services.AllowOnCase<LowerSmallClaim>();
        services.AllowOnCase<OpenSmallClaimsHearing>();
        services.AllowOnCase<EndSmallClaimsInvestigation>();
        services.AllowOnCase<DecideSmallClaims>();
        services.AllowOnCase<ConvertSmallClaimsProcedure>();
        services.AllowOnCase<ExtendSmallClaimsLimit>();
        services.AllowOnCase<GetSmallClaimsCase>(Roles.Clerk, Roles.Judge, Roles.CourtPresident);
        services.AllowRoles<ListOutstandingFeeNotices>(Roles.Clerk, Roles.CourtPresident);
        services.AllowRoles<ListRefundsDue>(Roles.Clerk, Roles.CourtPresident);
        services.AllowRoles<GetSmallClaimsDocket>(Roles.Clerk, Roles.Judge, Roles.CourtPresident);
        AddTimeline(services);
        return services;
    }

    /// <summary>How the court served the defendant, as the timeline says it (送达方式, Civil Procedure Law Arts. 88-95).</summary>
    private static (string Zh, string En) Method(ServiceMethod method) => method switch
    {
        ServiceMethod.Direct => ("直接送达", "in person"),
        ServiceMethod.Electronic => ("电子送达", "electronically"),
        ServiceMethod.Postal => ("邮寄送达", "by post"),
        ServiceMethod.LeftAtResidence => ("留置送达", "by leaving the papers at the residence"),
        ServiceMethod.Delegated => ("委托送达", "through another court"),
        ServiceMethod.PublicNotice => ("公告送达", "by public notice"),
        _ => (method.ToString(), method.ToString()),
    };

    private static void AddTimeline(IServiceCollection services)
    {
        services.AddTimelineSentence<SmallClaimsCaseFiled>(
            e => $"以小额诉讼程序立案，诉讼请求 {Money.Format(e.ClaimFen)} 元，受理费 {Money.Format(e.Fee.FeeFen)} 元",
            e => $"filed under small-claims procedure, claim {Money.Format(e.ClaimFen)} yuan, fee {Money.Format(e.Fee.FeeFen)} yuan");
        services.AddTimelineSentence<FeeNoticeIssued>(
            e => $"发出交费通知 {Money.Format(e.AmountFen)} 元，限 {e.DueOn:yyyy-MM-dd} 前交纳",
            e => $"issued a fee notice for {Money.Format(e.AmountFen)} yuan, due {e.DueOn:yyyy-MM-dd}");
        services.AddTimelineSentence<FeeNoticeServed>(
            e => $"交费通知于 {e.ServedOn:yyyy-MM-dd} 送达，限 {e.DueOn:yyyy-MM-dd} 前交纳",
            e => $"the fee notice was served on {e.ServedOn:yyyy-MM-dd}, due {e.DueOn:yyyy-MM-dd}");
        services.AddTimelineSentence<FeeNoticePaid>(
            e => $"登记 {e.PaidOn:yyyy年M月d日} 已交纳 {Money.Format(e.AmountFen)} 元" + (e.ReceiptNumber is { } r ? $"（票据号 {r}）" : ""),
            e => $"recorded payment of {Money.Format(e.AmountFen)} yuan on {e.PaidOn:yyyy-MM-dd}" + (e.ReceiptNumber is { } r ? $" (receipt {r})" : ""));
        services.AddTimelineSentence<FeeNoticeDocumentIssued>(e => $"出具交纳诉讼费用通知书 {e.DocumentNumber}", e => $"issued the fee notice as document {e.DocumentNumber}");
        services.AddTimelineSentence<SmallClaimsServed>(e => $"登记已{Method(e.Method).Zh}", e => $"recorded service {Method(e.Method).En}");
        services.AddTimelineSentence<SmallClaimsHearingOpened>(_ => "开庭审理", _ => "opened the hearing");
        services.AddTimelineSentence<CourtInvestigationEnded>(_ => "法庭调查终结", _ => "ended the court investigation");
        services.AddTimelineSentence<ClaimLowered>(
            e => $"诉讼请求由 {Money.Format(e.FromFen)} 元减至 {Money.Format(e.ToFen)} 元" + (e.RefundFen > 0 ? $"，应退 {Money.Format(e.RefundFen)} 元" : ""),
            e => $"lowered the claim from {Money.Format(e.FromFen)} to {Money.Format(e.ToFen)} yuan" + (e.RefundFen > 0 ? $", refund due {Money.Format(e.RefundFen)} yuan" : ""));
        services.AddTimelineSentence<FeeRefundPaid>(e => $"已退还 {Money.Format(e.AmountFen)} 元", e => $"paid out a refund of {Money.Format(e.AmountFen)} yuan");
        services.AddTimelineSentence<ProcedureConverted>(
            e => $"转为{(e.To == Procedure.Simple ? "简易" : "普通")}程序：{e.Reason}",
            e => $"converted to {(e.To == Procedure.Simple ? "simple" : "ordinary")} procedure: {e.Reason}");
        services.AddTimelineSentence<SmallClaimsCaseDecided>(e => e.Closing switch { CaseClosing.Mediation => "调解结案", CaseClosing.Withdrawal => "准予撤诉结案", _ => "判决结案" }, e => e.Closing == CaseClosing.None ? "decided the case" : $"closed the case by {e.Closing.ToString().ToLowerInvariant()}");
        services.AddTimelineSentence<SmallClaimsLimitExtended>(
            e => $"批准审限延长至 {e.ToLimit:yyyy-MM-dd}：{e.Reason}",
            e => $"extended the limit to {e.ToLimit:yyyy-MM-dd}: {e.Reason}");
    }
}
