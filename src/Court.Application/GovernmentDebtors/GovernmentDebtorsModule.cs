using Court.Application.Common;
using Court.Application.Demo;
using Court.Application.Pipeline;
using Court.Application.Timeline;
using Court.Application.Workflows;
using Court.Domain.GovernmentDebtors;
using Court.Domain.Identifiers;
using Microsoft.Extensions.DependencyInjection;

namespace Court.Application.GovernmentDebtors;

public static class GovernmentDebtorsModule
{
    /// <summary>Government-debtor enforcement on the <c>government-debtor-enforcement</c> workflow: cases, the unit register, documents, read models.</summary>
    public static IServiceCollection AddGovernmentDebtors(this IServiceCollection services)
    {
        services.AddScoped<GovernmentDebtCases>();
        services.AddSingleton<Projections.IProjection, GovernmentDebtProjection>();
        services.AddWorkflowSubject<GovernmentDebtCase>();
        services.AddStreamReader(GovernmentDebtCase.StreamPrefix, id => new GetGovernmentDebtCase(id));
        services.AddWorkflowPeriods<GovernmentDebtCase>(GovernmentDebtCases.PeriodNames);
        services.AddWorkflowGuard<GovernmentDebtCase>("debt-performed", c => c.FullyPerformedOn is not null);
        services.AddWorkflowGuard<GovernmentDebtCase>("debt-outstanding", c => c.FullyPerformedOn is null);
        services.AddGovernmentDebtFollowUps();
        services.AddDemoSeeder<Demo.GovernmentDebtDemoSeeder>();

        services.AllowRoles<OpenGovernmentDebtEnforcementCase>(Roles.Clerk);

        // The process's steps: who may take them is the definition's; the rule only says whose case it is.
        services.AllowOnGovernmentDebtCase<IssueGovernmentDebtEnforcementNotice>();
        services.AllowOnGovernmentDebtCase<PushGovernmentDebt>();
        services.AllowOnGovernmentDebtCase<StartGovernmentDebtSupervision>();
        services.AllowOnGovernmentDebtCase<SubmitGovernmentDebtReport>();
        services.AllowOnGovernmentDebtCase<HoldGovernmentDebtMeeting>();
        services.AllowOnGovernmentDebtCase<RecordGovernmentDebtPerformance>();
        services.AllowOnGovernmentDebtCase<RecordGovernmentDebtSettlement>();
        services.AllowOnGovernmentDebtCase<FindGovernmentDebtNonPerformance>();
        services.AllowOnGovernmentDebtCase<ReportGovernmentDebtToPartyCommittee>();
        services.AllowOnGovernmentDebtCase<FileGovernmentDebtWithSupremeCourt>();
        services.AllowOnGovernmentDebtCase<TakeGovernmentDebtMeasure>();
        services.AllowOnGovernmentDebtCase<ListGovernmentDebtor>();
        services.AllowOnGovernmentDebtCase<PublishGovernmentDebtListing>();
        services.AllowOnGovernmentDebtCase<RemoveGovernmentDebtListing>();
        services.AllowOnGovernmentDebtCase<RequestGovernmentDebtCorrection>();
        services.AllowOnGovernmentDebtCase<DecideGovernmentDebtCorrection>();
        services.AllowOnGovernmentDebtCase<CorrectGovernmentDebtListing>();
        services.AllowOnGovernmentDebtCase<RequestGovernmentDebtReconsideration>();
        services.AllowOnGovernmentDebtCase<DecideGovernmentDebtReconsideration>();
        services.AllowOnGovernmentDebtCase<RecordGovernmentDebtDocument>(Roles.System);
        services.AllowOnGovernmentDebtCase<GetGovernmentDebtCase>(GovernmentDebtAccess.Readers);
        services.AllowOnGovernmentDebtCase<GetGovernmentDebtHistory>(GovernmentDebtAccess.Readers);

        // The unit register: the court, the supervision office and the unit itself keep it current.
        services.AllowOnGovernmentDebtor<ChangeGovernmentDebtorLeader>(Roles.Clerk, Roles.Judge, Roles.SupervisionOfficer, Roles.DebtorUnitOfficer);
        services.AllowOnGovernmentDebtor<ChangeGovernmentDebtorHandler>(Roles.Clerk, Roles.Judge, Roles.SupervisionOfficer, Roles.DebtorUnitOfficer);
        services.AllowOnGovernmentDebtor<GetGovernmentDebtor>(GovernmentDebtAccess.Readers);

        services.AllowRoles<GetGovernmentDebtDocket>(GovernmentDebtAccess.Readers);
        services.AllowRoles<ListGovernmentDebtors>(GovernmentDebtAccess.Readers);
        services.AllowRoles<ListGovernmentDebtDepartments>(Roles.Clerk, Roles.Judge, Roles.CourtPresident, Roles.SupervisionOfficer);
        services.AllowRoles<GetGovernmentDebtTotals>(Roles.Clerk, Roles.Judge, Roles.CourtPresident, Roles.SupervisionOfficer);
        services.AllowAnyone<GetPublicGovernmentDebtList>();
        AddTimeline(services);
        return services;
    }

    private static void AddTimeline(IServiceCollection services)
    {
        services.AddTimelineSentence<GovernmentDebtCaseOpened>(
            e => $"立案执行，被执行人 {e.Debtor.Name} 列为特殊主体，应履行 {Money.Format(e.PrincipalFen)} 元",
            e => $"opened; {e.Debtor.Name} flagged as a special party, {Money.Format(e.PrincipalFen)} yuan due");
        services.AddTimelineSentence<CaseDocumentIssued>(e => $"出具文书 {e.DocumentNumber}", e => $"issued document {e.DocumentNumber}");
        services.AddTimelineSentence<EnforcementNoticeIssued>(_ => "发出执行通知书（失信风险提示）", _ => "served the enforcement notice with the dishonesty warning");
        services.AddTimelineSentence<CasePushed>(
            e => $"推送信用办和主管单位" + (e.EarliestMeasureOn is { } d ? $"，{d:yyyy-MM-dd} 起可采取措施" : ""),
            e => "pushed to the credit office and the supervising unit" + (e.EarliestMeasureOn is { } d ? $"; measures from {d:yyyy-MM-dd}" : ""));
        services.AddTimelineSentence<SupervisionStarted>(e => $"督办，限 {e.PerformBy:yyyy-MM-dd} 前履行", e => $"supervision started, perform by {e.PerformBy:yyyy-MM-dd}");
        services.AddTimelineSentence<MonthlyReportSubmitted>(
            e => $"报送 {e.Month:yyyy-MM} 履行情况，当月履行 {Money.Format(e.PaidFen)} 元" + (e.Late ? "（逾期）" : ""),
            e => $"reported on {e.Month:yyyy-MM}: {Money.Format(e.PaidFen)} yuan paid" + (e.Late ? " (late)" : ""));
        services.AddTimelineSentence<CoordinationMeetingHeld>(e => $"召开协调会，下次不迟于 {e.NextDueOn:yyyy-MM-dd}", e => $"held a coordination meeting; next by {e.NextDueOn:yyyy-MM-dd}");
        services.AddTimelineSentence<PerformanceRecorded>(
            e => $"登记履行 {Money.Format(e.AmountFen)} 元，尚欠 {Money.Format(e.OutstandingFen)} 元",
            e => $"recorded {Money.Format(e.AmountFen)} yuan performed; {Money.Format(e.OutstandingFen)} yuan outstanding");
        services.AddTimelineSentence<SettlementReached>(e => $"达成执行和解，约定 {Money.Format(e.AgreedFen)} 元", e => $"settled for {Money.Format(e.AgreedFen)} yuan");
        services.AddTimelineSentence<FullyPerformed>(_ => "已履行完毕", _ => "fully performed");
        services.AddTimelineSentence<NonPerformanceFound>(e => $"认定未履行，尚欠 {Money.Format(e.OutstandingFen)} 元", e => $"found not performed; {Money.Format(e.OutstandingFen)} yuan outstanding");
        services.AddTimelineSentence<ReportedToPartyCommittee>(e => $"书面报告{e.PartyCommittee}、{e.Government}", e => $"reported to {e.PartyCommittee} and {e.Government}");
        services.AddTimelineSentence<FiledWithSupremeCourt>(e => $"报最高人民法院备案（{e.Reference}）", e => $"filed with the Supreme People's Court ({e.Reference})");
        services.AddTimelineSentence<CompulsoryMeasureTaken>(e => $"采取强制措施：{e.Measure}", e => $"took a compulsory measure: {e.Measure}");
        services.AddTimelineSentence<ListedAsDishonestDebtor>(e => $"纳入失信被执行人名单（第{(int)e.Ground}项）", e => $"listed as a dishonest debtor (ground {(int)e.Ground})");
        services.AddTimelineSentence<ListingPublished>(_ => "公布失信信息", _ => "published the listing");
        services.AddTimelineSentence<RemovedFromList>(e => "删除失信信息" + (e.Late ? "（逾期）" : ""), e => "removed from the list" + (e.Late ? " (late)" : ""));
        services.AddTimelineSentence<CorrectionRequested>(e => $"申请纠正，{e.ReviewDueOn:yyyy-MM-dd} 前审查", e => $"correction requested; review by {e.ReviewDueOn:yyyy-MM-dd}");
        services.AddTimelineSentence<CorrectionDecided>(e => e.Upheld ? "纠正申请成立" : "驳回纠正申请", e => e.Upheld ? "correction upheld" : "correction rejected");
        services.AddTimelineSentence<ListingCorrected>(_ => "已纠正失信信息", _ => "corrected the listing");
        services.AddTimelineSentence<ReconsiderationRequested>(e => $"申请复议，{e.DecisionDueOn:yyyy-MM-dd} 前决定", e => $"reconsideration applied for; decision by {e.DecisionDueOn:yyyy-MM-dd}");
        services.AddTimelineSentence<ReconsiderationDecided>(e => e.Upheld ? "复议成立" : "复议驳回", e => e.Upheld ? "reconsideration upheld" : "reconsideration rejected");
        services.AddTimelineSentence<GovernmentDebtorFlagged>(e => $"{e.Name} 列为特殊主体", e => $"{e.Name} flagged as a special party");
        services.AddTimelineSentence<ResponsibleLeaderChanged>(e => $"责任领导变更为 {e.To.Name}（{e.To.Post}），债务仍由本单位承担", e => $"responsible leader changed to {e.To.Name} ({e.To.Post}); the debts stay with the unit");
        services.AddTimelineSentence<HandlerChanged>(e => $"经办人变更为 {e.To.Name}", e => $"handler changed to {e.To.Name}");
        services.AddTimelineSentence<SupervisingUnitChanged>(e => $"主管单位变更为 {e.To}", e => $"supervising unit changed to {e.To}");
    }
}
