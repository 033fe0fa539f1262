using System.Globalization;
using Court.Application.Bankruptcy.Cases;
using Court.Application.Bankruptcy.Disposing;
using Court.Application.Bankruptcy.JointMeeting;
using Court.Application.Bankruptcy.Notices;
using Court.Application.Bankruptcy.ReadModels;
using Court.Application.Bankruptcy.Releasing;
using Court.Application.Demo;
using Court.Application.Projections;
using Court.Domain.Bankruptcy;
using Court.Domain.Identifiers;
using Mediator;

namespace Court.Application.Bankruptcy.Demo;

/// <summary>
/// A dozen estates (more if asked), each taken through the slice's own commands to a different point: seized, filed,
/// approved, partly and wholly lifted by the seizing bodies, ruled with the notice at the bureau, acknowledged, queried,
/// executed and scheduled for auction, sold, confirmed, transferred, and one the vehicle office cannot execute.
/// </summary>
public sealed class BankruptcyDemoSeeder(TimeProvider clock) : IDemoSeeder
{
    /// <summary>The demo rules without waiting out the letters' deadlines, so, like a judge, it records why (a ruling after the chain is exhausted ignores it).</summary>
    private const string DemoEarlyReason = "管理人已接管债务人财产，拍卖处置在即，继续查封将妨碍破产财产变价。";

    private const int Stages = 12;

    public string Name => "bankruptcy";

    public int Order => 300;

    public async Task SeedAsync(DemoSeedContext context, CancellationToken cancellationToken)
    {
        if (context.Cases == 0)
        {
            return;
        }

        var count = Math.Max(Stages, context.Cases);
        var today = CourtCalendar.DateOf(clock.GetUtcNow());

        // Go on from this year's highest serial: the number sort puts it first, after any 破申 of the same prefix.
        var prefix = $"({today.Year})渝0116破";
        var existing = await context.QueryAsAsync(DemoUsers.Clerk, new ListBankruptcyCases(new PageParameters(Limit: PageRequest.MaxLimit, Sort: "-" + CaseView.SortByNumber, Q: prefix)), cancellationToken);
        var serial = existing.Items.Select(c => CaseNumber.Parse(c.CaseNumber))
            .Where(p => p.IsValid && p.Value.Year == today.Year && p.Value.Type == CaseTypes.Bankruptcy).Select(p => p.Value.Serial).DefaultIfEmpty(0).Max();
        for (var i = 0; i < count; i++)
        {
            await SeedEstateAsync(new Demo(context, cancellationToken), i % Stages, ++serial, today);
            if (i < context.Cases)
            {
                context.Advance();
            }
        }
    }

    private static async Task SeedEstateAsync(Demo d, int stage, int serial, DateOnly today)
    {
        var f = d.Context.Faker;
        var accepted = today.AddDays(-f.Random.Int(0, Math.Min(60, today.DayOfYear - 1)));
        var caseId = (await d.As(DemoUsers.Clerk, new OpenBankruptcyCase(
            $"({today.Year})渝0116破{serial}号", f.PickRandom(Debtors) + "有限公司", CreditCodeFor(f.Random.Int(1, 9_999_999)), accepted, DemoUsers.Administrator.UserName, f.PickRandom(Firms)))).Id;

        var building = await d.As(DemoUsers.Administrator, new RegisterAsset(
            AssetKind.Building, f.PickRandom(Buildings), "nrb-jiangjin", f.Random.Long(2_000_000, 90_000_000) * 100,
            $"渝({f.Random.Int(2015, 2021)})江津区不动产权第{f.Random.Int(1, 9_999_999):0000000}号", UnitCodeFor(serial), $"江津区{f.PickRandom(Streets)}{f.Random.Int(1, 300)}号", f.Random.Int(200, 8000), "工业")
        { EstateId = caseId });
        var vehicle = await d.As(DemoUsers.Administrator, new RegisterAsset(
            AssetKind.Vehicle, f.PickRandom(Vehicles), "psb-vehicles-jiangjin", f.Random.Long(50_000, 600_000) * 100, Plate: $"渝{f.PickRandom("A", "B", "C", "D")}{f.Random.Int(10000, 99999)}", Vin: VinFor(serial))
        { EstateId = caseId });
        await d.As(DemoUsers.Administrator, new RegisterAsset(
            AssetKind.DepositAccount, "基本存款账户", "bank-ccb-jiangjin", f.Random.Long(1_000, 5_000_000) * 100, Bank: "中国建设银行重庆江津支行", AccountNumber: $"5000{serial:000000}{f.Random.Int(100000, 999999)}")
        { EstateId = caseId });

        var court = await d.As(DemoUsers.Administrator, new RecordSeizure("重庆市江津区人民法院", "重庆市第五中级人民法院", $"({today.Year - 1})渝0116执{f.Random.Int(100, 2000)}号", today.AddYears(-1).AddDays(-f.Random.Int(10, 200)), SeizureRank.First, $"渝({today.Year - 1})江津区不动产查封第{f.Random.Int(1, 99999):0000000}号") { AssetId = building.AssetId });
        var tax = await d.As(DemoUsers.Administrator, new RecordSeizure("国家税务总局重庆市江津区税务局", "国家税务总局重庆市税务局", $"渝江税封〔{today.Year - 1}〕{f.Random.Int(1, 99)}号", today.AddYears(-1).AddDays(-f.Random.Int(1, 9)), SeizureRank.Queued) { AssetId = building.AssetId });
        var police = await d.As(DemoUsers.Administrator, new RecordSeizure("重庆市公安局江津区分局", "重庆市公安局", $"江公（经）封字〔{today.Year - 1}〕{f.Random.Int(1, 99)}号", today.AddMonths(-8), SeizureRank.First) { AssetId = vehicle.AssetId });
        if (stage == 0)
        {
            return;
        }

        var request = (await d.As(DemoUsers.Administrator, new RequestRelease(building.AssetId, [court.SeizureId, tax.SeizureId], "人民法院已受理债务人破产申请，依照《企业破产法》第十九条，有关债务人财产的保全措施应当解除。") { EstateId = caseId })).Id;
        if (stage == 1)
        {
            return;
        }

        await d.As(DemoUsers.Judge, new ApproveRelease("同意解除") { RequestId = request });
        if (stage is 3 or 4)
        {
            await d.As(DemoUsers.Administrator, new RecordSeizingBodyLift(tax.SeizureId, $"渝江税解〔{today.Year}〕{serial}号", today) { RequestId = request });
        }

        if (stage == 4)
        {
            await d.As(DemoUsers.Administrator, new RecordSeizingBodyLift(court.SeizureId, $"({today.Year - 1})渝0116执恢{serial}号", today) { RequestId = request });
        }

        if (stage <= 4)
        {
            return;
        }

        await d.As(DemoUsers.Judge, new IssueLiftingRuling(DemoEarlyReason) { RequestId = request });
        var notice = (await d.Context.QueryAsAsync(DemoUsers.Judge, new GetReleaseRequest(request), d.Cancellation)).Request.NoticeId!;
        if (stage == 11)
        {
            // The vehicle: ruled too, and the vehicle office cannot find it. The joint meeting takes it up.
            var vehicleRequest = (await d.As(DemoUsers.Administrator, new RequestRelease(vehicle.AssetId, [police.SeizureId], "依照《企业破产法》第十九条申请解除车辆查封。") { EstateId = caseId })).Id;
            await d.As(DemoUsers.Judge, new ApproveRelease() { RequestId = vehicleRequest });
            await d.As(DemoUsers.Judge, new IssueLiftingRuling(DemoEarlyReason) { RequestId = vehicleRequest });
            var vehicleNotice = (await d.Context.QueryAsAsync(DemoUsers.Judge, new GetReleaseRequest(vehicleRequest), d.Cancellation)).Request.NoticeId!;
            await d.As(DemoUsers.VehicleOffice, new ReportNoticeCannotBeExecuted("车辆已于查封前报废注销，无法办理解除查封登记。") { NoticeId = vehicleNotice });
            var item = AgendaItem.IdFor(vehicleRequest, AgendaReason.NoticeCannotBeExecuted);
            await d.As(DemoUsers.Supervisor, new RecordMeetingDecision(today, "会议议定：区公安分局车管所会同管理人核实车辆注销情况，法院据此另行裁定。", [new MeetingActionInput(Domain.Common.Agencies.VehicleOffice.Code, "出具车辆注销证明", today.AddDays(10))]) { ItemId = item });
        }

        if (stage == 5)
        {
            return;
        }

        await d.As(DemoUsers.NaturalResources, new AcknowledgeNotice { NoticeId = notice });
        if (stage == 7)
        {
            await d.As(DemoUsers.NaturalResources, new QueryNotice("通知书所列轮候查封文号与登记簿记载不一致，请核实。") { NoticeId = notice });
        }

        if (stage is 6 or 7)
        {
            return;
        }

        await d.As(DemoUsers.NaturalResources, new ExecuteNotice($"渝({today.Year})江津区不动产注销查封第{serial:0000000}号", today) { NoticeId = notice });
        await d.As(DemoUsers.Administrator, new ScheduleDisposal(DisposalMethod.Auction, "人民法院诉讼资产网", today, f.Random.Long(1_000_000, 50_000_000) * 100) { AssetId = building.AssetId });
        if (stage == 8)
        {
            return;
        }

        var asset = await d.Context.QueryAsAsync(DemoUsers.Judge, new GetAsset(building.AssetId), d.Cancellation);
        var price = asset.Asset.Disposal!.ReservePriceFen + (f.Random.Long(1, 5_000_000) * 100);
        await d.As(DemoUsers.Administrator, new RecordAssetSold(f.PickRandom(Buyers), CreditCodeFor(serial, series: "MB"), price, today) { AssetId = building.AssetId });
        if (stage == 9)
        {
            return;
        }

        await d.As(DemoUsers.Judge, new ConfirmSale { AssetId = building.AssetId });
        if (stage == 10)
        {
            return;
        }

        var transfer = (await d.Context.QueryAsAsync(DemoUsers.Judge, new GetAsset(building.AssetId), d.Cancellation)).Asset.Disposal!.NoticeId!;
        await d.As(DemoUsers.NaturalResources, new ExecuteNotice($"渝({today.Year})江津区不动产权第{serial + 5000:0000000}号", today) { NoticeId = transfer });
    }

    /// <summary>A valid unified social credit code of a Jiangjin company.</summary>
    /// <summary>A valid credit code of a Jiangjin company; buyers take their own <paramref name="series"/> so none is also a debtor.</summary>
    public static string CreditCodeFor(int n, string series = "MA")
    {
        var body = "91500116" + series + (n % 10_000_000).ToString("0000000", CultureInfo.InvariantCulture);
        return body + CreditCode.CheckCharacter(body);
    }

    private static string UnitCodeFor(int n) => "500116" + "001001" + "GB" + (n % 100_000).ToString("00000", CultureInfo.InvariantCulture) + "F" + "0001" + (n % 10_000).ToString("0000", CultureInfo.InvariantCulture);

    /// <summary>A VIN whose 9th character is its check digit.</summary>
    private static string VinFor(int n)
    {
        var serial = (n % 1_000_000).ToString("000000", CultureInfo.InvariantCulture);
        foreach (var check in "0123456789X")
        {
            var vin = $"LSVAM418{check}C2{serial}";
            if (Vin.Parse(vin).IsValid)
            {
                return vin;
            }
        }

        throw new InvalidOperationException("No check digit fits.");
    }

    private static readonly string[] Debtors = ["重庆江津某某机械制造", "重庆双福建材", "重庆几江食品", "江津德感五金", "重庆白沙酒业", "江津珞璜化工", "重庆鼎山汽配", "江津圣泉包装", "重庆支坪纺织", "江津油溪物流"];
    private static readonly string[] Firms = ["重庆某某律师事务所", "重庆某某会计师事务所", "重庆某某破产清算事务所"];
    private static readonly string[] Buildings = ["厂房一栋（钢结构）", "办公楼", "仓库", "职工宿舍楼", "综合楼"];
    private static readonly string[] Streets = ["几江街道滨江路", "德感街道工业园路", "双福街道福星大道", "珞璜镇临港大道", "白沙镇朝阳街"];
    private static readonly string[] Vehicles = ["重型半挂牵引车", "厢式货车", "小型轿车", "叉车"];
    private static readonly string[] Buyers = ["重庆某某置业有限公司", "重庆某某实业有限公司", "江津某某投资有限公司"];

    private sealed record Demo(DemoSeedContext Context, CancellationToken Cancellation)
    {
        public Task<T> As<T>(DemoUser user, ICommand<T> command) => Context.SendAsAsync(user, command, Cancellation);
    }
}
