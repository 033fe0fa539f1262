using System.Globalization;
using Court.Application.Documents;
using Court.Application.Projections;
using Court.Application.Workflows;
using Court.Domain.Common;
using Court.Domain.Documents;
using Court.Domain.GovernmentDebtors;
using Court.Domain.Identifiers;
using Microsoft.Extensions.DependencyInjection;

namespace Court.Application.GovernmentDebtors;

/// <summary>
/// The documents the steps call for, issued by the process manager after the step is durable (decision 0060):
/// reminder letter at opening, enforcement notice, push letter, supervision letter, report to the Party committee,
/// listing decision, removal decision. Each is numbered and verifiable through the documents service; its id derives
/// from the event, so a repeat after a crash finds the same document, and its number is kept on the case.
/// </summary>
public static class GovernmentDebtFollowUps
{
    public static IServiceCollection AddGovernmentDebtFollowUps(this IServiceCollection services)
    {
        services.AddReaction<GovernmentDebtCaseOpened>("government-debt.reminder-letter", (e, context, ct) =>
            IssueAsync(context, e.CaseId, CaseDocumentPurpose.ReminderLetter, DocumentKind.PerformanceReminderLetter, v => ReminderLetter(v), ct));
        services.AddReaction<EnforcementNoticeIssued>("government-debt.enforcement-notice", (e, context, ct) =>
            IssueAsync(context, e.CaseId, CaseDocumentPurpose.EnforcementNotice, DocumentKind.EnforcementNotice, v => EnforcementNotice(v), ct));
        services.AddReaction<CasePushed>("government-debt.push-letter", (e, context, ct) =>
            IssueAsync(context, e.CaseId, CaseDocumentPurpose.PushLetter, DocumentKind.PushLetter, v => PushLetter(v, e), ct));
        services.AddReaction<SupervisionStarted>("government-debt.supervision-letter", (e, context, ct) =>
            IssueAsync(context, e.CaseId, CaseDocumentPurpose.SupervisionLetter, DocumentKind.SupervisionLetter, v => SupervisionLetter(v, e), ct));
        services.AddReaction<ReportedToPartyCommittee>("government-debt.party-committee-report", (e, context, ct) =>
            IssueAsync(context, e.CaseId, CaseDocumentPurpose.PartyCommitteeReport, DocumentKind.PartyCommitteeReport, v => Report(v, e), ct));
        services.AddReaction<ListedAsDishonestDebtor>("government-debt.listing-decision", (e, context, ct) =>
            IssueAsync(context, e.CaseId, CaseDocumentPurpose.ListingDecision, DocumentKind.DishonestListingDecision, v => ListingDecision(v, e), ct));
        services.AddReaction<RemovedFromList>("government-debt.removal-decision", (e, context, ct) =>
            IssueAsync(context, e.CaseId, CaseDocumentPurpose.RemovalDecision, DocumentKind.DishonestRemovalDecision, v => RemovalDecision(v, e), ct));
        return services;
    }

    private static async Task IssueAsync(ReactionContext context, string caseId, CaseDocumentPurpose purpose, DocumentKind kind, Func<GovernmentDebtCaseView, DocumentContent> content, CancellationToken ct)
    {
        var view = await context.Services.GetRequiredService<IReadModels>().GetAsync<GovernmentDebtCaseView>(caseId, ct)
            ?? throw new InvalidOperationException($"The government-debtor projection has no case {caseId}.");
        var issued = await context.Services.GetRequiredService<DocumentIssuer>().IssueAsync(
            new DocumentToIssue(kind, view.Case.CourtCode, GovernmentDebtCase.StreamPrefix + caseId, content(view), context.IdFor(purpose.ToString())), ct);
        await context.SendAsync(new RecordGovernmentDebtDocument(caseId, purpose, issued.Number, issued.VerificationCode), ct);
    }

    private static string Day(DateOnly d) => d.ToString("yyyy年M月d日", CultureInfo.InvariantCulture);

    private static string Yuan(long fen) => Money.Format(fen) + " 元";

    private static DocumentSection Facts(GovernmentDebtCaseView v) => DocumentSection.Table(
        "案件",
        new DocumentField("执行案号", v.Case.CaseNumber),
        new DocumentField("执行依据", v.JudgmentNumber),
        new DocumentField("生效日期", Day(v.Case.EffectiveOn)),
        new DocumentField("申请执行人", v.CreditorName),
        new DocumentField("被执行人", v.Case.DebtorName),
        new DocumentField("统一社会信用代码", v.Case.DebtorCreditCode),
        new DocumentField("应履行金额", Yuan(v.Case.PrincipalFen) + (v.Case.Interest is { } i ? $"，并自{Day(i.From)}起按年利率{i.AnnualRatePercent.ToString(CultureInfo.InvariantCulture)}%计付利息" : "")));

    private static DocumentContent ReminderLetter(GovernmentDebtCaseView v) => new(
        "诚信履约提醒函", v.Case.CaseNumber, v.Case.DebtorName, null,
        [
            DocumentSection.Text(
                $"{v.JudgmentNumber}已于{Day(v.Case.EffectiveOn)}发生法律效力，申请执行人{v.CreditorName}已向本院申请执行，本院于{Day(v.Case.OpenedOn)}立案执行。",
                "党政机关、事业单位应当带头诚信履约、自觉履行人民法院生效裁判。请你单位主动履行生效法律文书确定的义务，并指定责任领导和经办人与本院对接。"),
            Facts(v),
        ],
        ["区发展和改革委员会（社会信用体系建设办公室）", v.SupervisingUnit]);

    private static DocumentContent EnforcementNotice(GovernmentDebtCaseView v) => new(
        "执行通知书", v.Case.CaseNumber, v.Case.DebtorName, null,
        [
            DocumentSection.Text(
                $"申请执行人{v.CreditorName}申请执行{v.JudgmentNumber}，本院已依法立案。依照《中华人民共和国民事诉讼法》第二百五十一条的规定，责令你单位立即履行生效法律文书确定的义务。",
                "失信风险提示：逾期仍不履行的，本院将依法推送社会信用主管部门和你单位主管单位，并可依照《最高人民法院关于公布失信被执行人名单信息的若干规定》将你单位纳入失信被执行人名单，向社会公布。"),
            Facts(v),
        ]);

    private static DocumentContent PushLetter(GovernmentDebtCaseView v, CasePushed e) => new(
        "推送函", v.Case.CaseNumber, "区发展和改革委员会（社会信用体系建设办公室）", Agencies.Supervision.Code,
        [
            DocumentSection.Text(
                $"被执行人{v.Case.DebtorName}未按执行通知履行{v.JudgmentNumber}确定的义务。现将该案推送你委和被执行人主管单位{v.SupervisingUnit}，请督促其履行。",
                e.EarliestMeasureOn is { } earliest ? $"自{Day(e.EarliestMeasureOn.Value)}起，本院可依法采取强制执行措施或将其纳入失信被执行人名单。" : "本院将依法采取强制执行措施。"),
            Facts(v),
        ],
        [v.SupervisingUnit, Agencies.Supervision.NameZh]);

    private static DocumentContent SupervisionLetter(GovernmentDebtCaseView v, SupervisionStarted e) => new(
        "督办函", v.Case.CaseNumber, v.Case.DebtorName, null,
        [
            DocumentSection.Text(
                $"你单位作为{v.JudgmentNumber}的被执行人，至今未履行完毕。请于{Day(e.PerformBy)}前履行完毕，并自{e.FirstReportMonth:yyyy年M月}起每月报送履行情况（当月未履行的亦须报送）。",
                $"府院协调会议不迟于{Day(e.FirstMeetingDueOn)}召开。"),
            Facts(v),
        ],
        [v.SupervisingUnit, Agencies.Supervision.NameZh]);

    private static DocumentContent Report(GovernmentDebtCaseView v, ReportedToPartyCommittee e) => new(
        "关于党政机关未履行生效裁判情况的报告", v.Case.CaseNumber, $"{e.PartyCommittee}、{e.Government}", null,
        [
            DocumentSection.Text(
                $"{v.Case.DebtorName}作为{v.JudgmentNumber}的被执行人，经推送和督办仍未履行，截至{Day(e.ReportedOn)}尚欠{Yuan(v.Case.BalanceOn(e.ReportedOn).OutstandingFen)}。",
                "特此报告，请督促其履行。" + (e.OrganisationDepartmentNotified ? "同时已告知组织部门。" : "")),
            Facts(v),
        ],
        [.. e.CopiedTo]);

    private static DocumentContent ListingDecision(GovernmentDebtCaseView v, ListedAsDishonestDebtor e) => new(
        "决定书", v.Case.CaseNumber, v.Case.DebtorName, null,
        [
            DocumentSection.Text(
                $"本院在执行{v.JudgmentNumber}一案中，被执行人{v.Case.DebtorName}{GovernmentDebtQueries.GroundsZh[(int)e.Ground]}。依照《最高人民法院关于公布失信被执行人名单信息的若干规定》第一条第（{(int)e.Ground}）项的规定，决定将其纳入失信被执行人名单。",
                e.TermYears is { } years ? $"纳入期限为{years}年，至{Day(e.EndsOn!.Value)}止。" : "有履行能力而拒不履行的，不设固定期限，至删除事由出现时止。",
                "被执行人认为有错误的，可以向本院申请纠正。"),
            Facts(v),
        ]);

    private static DocumentContent RemovalDecision(GovernmentDebtCaseView v, RemovedFromList e) => new(
        "决定书", v.Case.CaseNumber, v.Case.DebtorName, null,
        [
            DocumentSection.Text(
                $"被执行人{v.Case.DebtorName}因{ReasonZh(e.Reason)}，依照《最高人民法院关于公布失信被执行人名单信息的若干规定》第十条的规定，决定自{Day(e.RemovedOn)}起删除其失信信息。",
                e.RelistingAllowedFrom is { } from ? $"{Day(from)}前不得再次将其纳入失信被执行人名单。" : "请相关单位据此进行信用修复。"),
            Facts(v),
        ],
        ["区发展和改革委员会（社会信用体系建设办公室）"]);

    private static string ReasonZh(RemovalReason reason) => reason switch
    {
        RemovalReason.Performed => "已履行生效法律文书确定的全部义务",
        RemovalReason.TermEnded => "纳入期限届满",
        RemovalReason.CreditorRequest => "申请执行人申请删除",
        RemovalReason.ListingInError => "纳入确有错误",
        _ => "出现其他删除事由",
    };
}
