using Court.Application.Common;
using Court.Application.Demo;
using Court.Application.Projections;
using Court.Domain.Fees;
using Court.Domain.GovernmentDebtors;
using Microsoft.Extensions.DependencyInjection;

namespace Court.Application.GovernmentDebtors.Demo;

/// <summary>
/// Thirteen government-debtor cases at Jiangjin, through the commands, at least one in each state of the process:
/// opened, noticed, pushed, supervised (one with a missing monthly report, one partly paid), found not performed,
/// reported to the Party committee, listed, published, performed after publication (removal due), removed, performed
/// before listing, and removed from the list at the creditor's request while still owing (delisted). The town
/// government changes its responsible leader while its debts run on.
/// </summary>
public sealed class GovernmentDebtDemoSeeder(TimeProvider clock) : IDemoSeeder
{
    public const string TownCode = "11500116009000001K";

    private sealed record Unit(string Code, string Name, bool StateOwned, bool LocalGovernment, string Supervisor, string Leader, string LeaderPost, string Handler);

    private static readonly Unit[] Units =
    [
        new(TownCode, "重庆市江津区白沙镇人民政府", false, false, "重庆市江津区人民政府", "张明", "镇长", "刘洋"),
        new("115001167090000039", "重庆市江津区交通运输局", false, false, "重庆市江津区人民政府", "李强", "局长", "王静"),
        new("12500116450400001T", "重庆市江津区中心医院", false, false, "重庆市江津区卫生健康委员会", "赵伟", "院长", "孙敏"),
        new("91500116MA5U9G0K18", "重庆江津城市建设投资集团有限公司", true, false, "重庆市江津区国有资产监督管理委员会", "周刚", "董事长", "吴丹"),
    ];

    private static readonly string[] Creditors = ["重庆江津某某建设工程有限公司", "重庆德感建材有限公司", "江津区某某劳务有限公司", "重庆几江物流有限公司", "重庆珞璜医疗器械有限公司", "陈某某"];

    /// <summary>One case per stage <see cref="ProgressAsync"/> knows.</summary>
    public const int Stages = 13;

    public string Name => "government debtors";

    public int Order => 600;

    public async Task SeedAsync(DemoSeedContext context, CancellationToken cancellationToken)
    {
        if (context.Cases == 0)
        {
            return;
        }

        var today = ChinaTime.DateOf(clock.GetUtcNow());
        long existing = 0;
        await context.AsAsync(DemoUsers.Clerk, async services =>
            existing = (await services.GetRequiredService<IReadModels>().PageAsync<GovernmentDebtCaseView>(new PageRequest(GovernmentDebtCaseView.SortByNumber) { Limit = 1, WithTotal = true }, cancellationToken)).Total ?? 0);

        for (var i = 0; i < Stages; i++)
        {
            var unit = Units[i % Units.Length];
            var effectiveOn = today.AddDays(-300 - (i * 17));
            var openedOn = effectiveOn.AddDays(20);
            var principal = 200_000m + (i * 137_500m);
            var opened = await context.SendAsAsync(
                DemoUsers.Clerk,
                new OpenGovernmentDebtEnforcementCase(
                    $"({openedOn.Year})渝0116执{800 + existing + i}号", $"({effectiveOn.Year})渝0116民初{3100 + existing + i}号", effectiveOn.AddDays(-20), effectiveOn,
                    Creditors[i % Creditors.Length], null, unit.Name, unit.Code, unit.StateOwned, unit.LocalGovernment, unit.Supervisor, principal,
                    i % 3 == 0 ? 3.85m : null, i % 3 == 0 ? effectiveOn : null, DemoUsers.Judge.UserName, openedOn, unit.Leader, unit.LeaderPost, unit.Handler, "经办人", "023-4752" + (1000 + i)),
                cancellationToken);
            await ProgressAsync(context, opened.Id, unit, i, openedOn, principal, today, cancellationToken);
            context.Advance();
        }

        // New officials take over old debts: the town's leader changes; its cases stay with the town.
        await context.SendAsAsync(DemoUsers.Clerk, new ChangeGovernmentDebtorLeader(TownCode, "黄立新", "镇长", null, null, "换届"), cancellationToken);
    }

    private static async Task ProgressAsync(DemoSeedContext context, string id, Unit unit, int i, DateOnly openedOn, decimal principal, DateOnly today, CancellationToken ct)
    {
        var stage = i; // 0 opened … 11 performed before listing, 12 delisted
        if (stage == 0)
        {
            return;
        }

        await context.SendAsAsync(DemoUsers.Judge, new IssueGovernmentDebtEnforcementNotice(id), ct);
        if (stage == 1)
        {
            return;
        }

        var pushedOn = stage == 2 ? today.AddDays(-1) : openedOn.AddDays(10);
        await context.SendAsAsync(DemoUsers.Judge, new PushGovernmentDebt(id, pushedOn), ct);
        if (stage == 2)
        {
            return;
        }

        var officer = new DemoUser("unit-" + unit.Code, Roles.DebtorUnitOfficer, SpecialParties.AgencyFor(unit.Code), unit.Handler, unit.Handler);
        var startedOn = SupervisionSchedule.MonthOf(today).AddMonths(-3).AddDays(4);
        await context.SendAsAsync(DemoUsers.Supervisor, new StartGovernmentDebtSupervision(id, startedOn.AddDays(60), startedOn), ct);
        if (stage == 11)
        {
            await context.SendAsAsync(DemoUsers.Clerk, new RecordGovernmentDebtPerformance(id, "payment", principal, startedOn.AddDays(20), "财政拨付，一次性履行"), ct);
            return;
        }

        // Reports for the months so far; the case at stage 3 misses the one before last.
        for (var month = SupervisionSchedule.MonthOf(startedOn); month < SupervisionSchedule.MonthOf(today); month = month.AddMonths(1))
        {
            if (stage == 3 && month == SupervisionSchedule.MonthOf(today).AddMonths(-2))
            {
                continue;
            }

            await context.SendAsAsync(officer, new SubmitGovernmentDebtReport(id, month, stage == 4 && month == SupervisionSchedule.MonthOf(startedOn) ? 50_000m : 0m, "正在筹措资金，已列入下年度预算", "争取年内分期履行"), ct);
        }

        if (stage == 4)
        {
            await context.SendAsAsync(DemoUsers.Clerk, new RecordGovernmentDebtPerformance(id, "payment", 50_000m, startedOn.AddDays(25), "第一期履行款"), ct);
        }

        if (stage is 3 or 4)
        {
            return;
        }

        await context.SendAsAsync(DemoUsers.Supervisor, new HoldGovernmentDebtMeeting(id, startedOn.AddDays(30), "府院联席会议：明确履行计划和资金来源"), ct);
        await context.SendAsAsync(DemoUsers.Judge, new FindGovernmentDebtNonPerformance(id), ct);
        if (stage == 5)
        {
            return;
        }

        await context.SendAsAsync(DemoUsers.Judge, new ReportGovernmentDebtToPartyCommittee(id, "中共重庆市江津区委员会", "重庆市江津区人民政府", ["重庆市第五中级人民法院"], true), ct);
        if (stage == 6)
        {
            return;
        }

        await context.SendAsAsync(DemoUsers.Judge, new ListGovernmentDebtor(id, 1, null), ct);
        if (stage == 7)
        {
            return;
        }

        await context.SendAsAsync(DemoUsers.Judge, new PublishGovernmentDebtListing(id), ct);
        if (stage == 8)
        {
            return;
        }

        if (stage == 12)
        {
            // Deleted at the creditor's request with the debt still open: not to be listed again within the bar.
            await context.SendAsAsync(DemoUsers.Judge, new RemoveGovernmentDebtListing(id, "creditor-request"), ct);
            return;
        }

        await context.SendAsAsync(DemoUsers.Clerk, new RecordGovernmentDebtSettlement(id, 0m, "执行和解：申请执行人放弃剩余利息，被执行人已付清", null), ct);
        if (stage == 9)
        {
            return;
        }

        await context.SendAsAsync(DemoUsers.Judge, new RemoveGovernmentDebtListing(id, "performed"), ct);
    }
}
