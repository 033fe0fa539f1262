using Court.Application.GovernmentDebtors;
using Court.Application.Workflows;
using StepBody = Court.Web.Endpoints.GovernmentDebtEndpoints.StepBody;

namespace Court.Web.Endpoints;

/// <summary>How a step's form asks for one of the <see cref="StepBody"/> fields.</summary>
public enum StepFieldKind
{
    Date,
    Money,
    Text,
    MultiLine,

    /// <summary>A required yes/no answer (a select with no default, so nothing is decided by leaving it alone).</summary>
    YesNo,

    /// <summary>An optional yes (a checkbox: absent means no).</summary>
    Check,
    Number,
    Choice,

    /// <summary>Several values, one per line.</summary>
    Lines,
}

public sealed record StepFieldChoice(string Value, LocalizedText Label);

/// <param name="Name">The <see cref="StepBody"/> property it fills (the API body's field, camel-cased).</param>
/// <param name="Default">What the form proposes for this case (the caller may change it).</param>
public sealed record StepField(string Name, StepFieldKind Kind, LocalizedText Label, bool Required = false, int MaxLength = 200, IReadOnlyList<StepFieldChoice>? Choices = null, Func<GovernmentDebtCaseDetail, string?>? Default = null);

/// <summary>One command of the process: the trigger the definition names, its route under a case, the fields its form asks for, and how the body becomes the command.</summary>
public sealed record GovernmentDebtStep(string Trigger, string Route, IReadOnlyList<StepField> Fields, Func<string, StepBody, long?, IGovernmentDebtStep> Create);

/// <summary>
/// The step commands of the government-debtor process, once: the API maps a route per entry and the case page
/// renders a form per entry. Which of them a case offers now, and to whom, is never decided here: that is the pinned
/// definition's (its states, transitions and roles), asked through the workflow runtime. A definition that drops a
/// step leaves its entry unused; a new step needs a new command, and so an entry here.
/// </summary>
public static class GovernmentDebtSteps
{
    private static LocalizedText T(string zh, string en) => new(zh, en);

    private static readonly StepField On = new(nameof(StepBody.On), StepFieldKind.Date, T("日期（空为今天）", "Date (today when empty)"));

    private static readonly StepField UpheldField = new(nameof(StepBody.Upheld), StepFieldKind.YesNo, T("是否成立", "Upheld"), Required: true);

    private static readonly StepField ReasonField = new(nameof(StepBody.Reason), StepFieldKind.MultiLine, T("理由", "Reason"), Required: true, MaxLength: 2000);

    public static IReadOnlyList<GovernmentDebtStep> All { get; } =
    [
        new(nameof(IssueGovernmentDebtEnforcementNotice), "enforcement-notice", [], (id, _, m) => new IssueGovernmentDebtEnforcementNotice(id, m)),
        new(nameof(PushGovernmentDebt), "push", [On], (id, b, m) => new PushGovernmentDebt(id, b.On, m)),
        new(nameof(StartGovernmentDebtSupervision), "supervision",
            [new(nameof(StepBody.PerformBy), StepFieldKind.Date, T("督办履行期限", "Perform by"), Required: true), On],
            (id, b, m) => new StartGovernmentDebtSupervision(id, b.PerformBy, b.On, m)),
        new(nameof(SubmitGovernmentDebtReport), "reports",
            [
                new(nameof(StepBody.Month), StepFieldKind.Date, T("月份（该月任一日）", "Month (any day of it)"), Required: true,
                    Default: c => c.Reports.FirstOrDefault(r => !r.Submitted)?.Month.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)),
                new(nameof(StepBody.Amount), StepFieldKind.Money, T("本月履行金额（元，未履行填 0）", "Paid in the month (yuan, 0 for none)")),
                new(nameof(StepBody.Progress), StepFieldKind.MultiLine, T("履行进展", "Progress"), Required: true, MaxLength: 2000),
                new(nameof(StepBody.Plan), StepFieldKind.MultiLine, T("下一步计划", "Plan"), MaxLength: 2000),
            ],
            (id, b, m) => new SubmitGovernmentDebtReport(id, b.Month, b.Amount, b.Progress, b.Plan, m)),
        new(nameof(HoldGovernmentDebtMeeting), "meetings",
            [On, new(nameof(StepBody.Summary), StepFieldKind.MultiLine, T("会议纪要", "Summary"), Required: true, MaxLength: 4000)],
            (id, b, m) => new HoldGovernmentDebtMeeting(id, b.On, b.Summary, m)),
        new(nameof(RecordGovernmentDebtPerformance), "performances",
            [
                new(nameof(StepBody.Kind), StepFieldKind.Choice, T("方式", "Kind"), Choices: [new("payment", T("给付金钱", "Payment")), new("in-kind", T("以物抵债", "In kind"))]),
                new(nameof(StepBody.Amount), StepFieldKind.Money, T("金额（元）", "Amount (yuan)"), Required: true),
                On,
                new(nameof(StepBody.Description), StepFieldKind.Text, T("说明", "Description"), MaxLength: 1000),
            ],
            (id, b, m) => new RecordGovernmentDebtPerformance(id, b.Kind, b.Amount, b.On, b.Description, m)),
        new(nameof(RecordGovernmentDebtSettlement), "settlement",
            [
                new(nameof(StepBody.Amount), StepFieldKind.Money, T("和解后尚需履行（元，0 为全部了结）", "Still to pay under the settlement (yuan, 0 settles it all)"), Required: true),
                new(nameof(StepBody.Terms), StepFieldKind.MultiLine, T("和解内容", "Terms"), Required: true, MaxLength: 2000),
                On,
            ],
            (id, b, m) => new RecordGovernmentDebtSettlement(id, b.Amount, b.Terms, b.On, m)),
        new(nameof(FindGovernmentDebtNonPerformance), "non-performance", [], (id, _, m) => new FindGovernmentDebtNonPerformance(id, m)),
        new(nameof(ReportGovernmentDebtToPartyCommittee), "party-committee-report",
            [
                new(nameof(StepBody.PartyCommittee), StepFieldKind.Text, T("同级党委", "Party committee"), Required: true),
                new(nameof(StepBody.Government), StepFieldKind.Text, T("同级政府", "Government"), Required: true),
                new(nameof(StepBody.CopiedTo), StepFieldKind.Lines, T("抄报（每行一个）", "Copied to (one per line)")),
                new(nameof(StepBody.OrganisationDepartmentNotified), StepFieldKind.Check, T("已通报组织部门", "Organisation department told")),
            ],
            (id, b, m) => new ReportGovernmentDebtToPartyCommittee(id, b.PartyCommittee, b.Government, b.CopiedTo, b.OrganisationDepartmentNotified, m)),
        new(nameof(FileGovernmentDebtWithSupremeCourt), "supreme-court-filing",
            [new(nameof(StepBody.Reference), StepFieldKind.Text, T("备案文号", "Filing reference"), Required: true, MaxLength: 100)],
            (id, b, m) => new FileGovernmentDebtWithSupremeCourt(id, b.Reference, m)),
        new(nameof(TakeGovernmentDebtMeasure), "measures",
            [
                new(nameof(StepBody.Measure), StepFieldKind.Text, T("措施", "Measure"), Required: true, MaxLength: 100),
                new(nameof(StepBody.Description), StepFieldKind.MultiLine, T("说明", "Description"), MaxLength: 2000),
            ],
            (id, b, m) => new TakeGovernmentDebtMeasure(id, b.Measure, b.Description, m)),
        new(nameof(ListGovernmentDebtor), "listing",
            [
                new(nameof(StepBody.Ground), StepFieldKind.Choice, T("失信情形", "Ground"), Required: true, Choices: [.. Enumerable.Range(1, 6).Select(g => new StepFieldChoice(
                    g.ToString(System.Globalization.CultureInfo.InvariantCulture), T($"{g}. {GovernmentDebtQueries.GroundsZh[g]}", $"Ground {g} (SPC Art. 1)")))]),
                new(nameof(StepBody.ExtensionYears), StepFieldKind.Number, T("延长年数（情形二至六）", "Extension in years (grounds 2–6)")),
            ],
            (id, b, m) => new ListGovernmentDebtor(id, b.Ground, b.ExtensionYears, m)),
        new(nameof(PublishGovernmentDebtListing), "listing/publication", [], (id, _, m) => new PublishGovernmentDebtListing(id, m)),
        new(nameof(RemoveGovernmentDebtListing), "listing/removal",
            [new(nameof(StepBody.Reason), StepFieldKind.Choice, T("删除理由", "Reason"), Required: true, Choices: [
                new("performed", T("已履行完毕", "Performed")),
                new("term-ended", T("期限届满", "Term ended")),
                new("creditor-request", T("申请执行人申请", "Creditor's request")),
                new("listing-in-error", T("纳入错误", "Listed in error")),
                new("other", T("其他", "Other")),
            ])],
            (id, b, m) => new RemoveGovernmentDebtListing(id, b.Reason, m)),
        new(nameof(RequestGovernmentDebtCorrection), "listing/correction-request", [ReasonField], (id, b, m) => new RequestGovernmentDebtCorrection(id, b.Reason, m)),
        new(nameof(DecideGovernmentDebtCorrection), "listing/correction-decision", [UpheldField, ReasonField], (id, b, m) => new DecideGovernmentDebtCorrection(id, b.Upheld, b.Reason, m)),
        new(nameof(CorrectGovernmentDebtListing), "listing/correction",
            [new(nameof(StepBody.Correction), StepFieldKind.MultiLine, T("纠正内容", "Correction"), Required: true, MaxLength: 2000)],
            (id, b, m) => new CorrectGovernmentDebtListing(id, b.Correction, m)),
        new(nameof(RequestGovernmentDebtReconsideration), "listing/reconsideration-request", [ReasonField], (id, b, m) => new RequestGovernmentDebtReconsideration(id, b.Reason, m)),
        new(nameof(DecideGovernmentDebtReconsideration), "listing/reconsideration-decision", [UpheldField, ReasonField], (id, b, m) => new DecideGovernmentDebtReconsideration(id, b.Upheld, b.Reason, m)),
    ];

    public static GovernmentDebtStep? Find(string? trigger) => All.FirstOrDefault(s => s.Trigger == trigger);
}
