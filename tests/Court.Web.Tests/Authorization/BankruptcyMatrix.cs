using Court.Application.Bankruptcy;
using Court.Application.Bankruptcy.Cases;
using Court.Application.Bankruptcy.Disposing;
using Court.Application.Bankruptcy.JointMeeting;
using Court.Application.Bankruptcy.Notices;
using Court.Application.Bankruptcy.Releasing;
using Court.Application.Common;
using Court.Application.Demo;
using Court.Application.Projections;
using Court.Domain.Bankruptcy;
using Court.Domain.Common;
using Mediator;
using Microsoft.Extensions.DependencyInjection;
using static Court.Web.Tests.Authorization.Callers;

namespace Court.Web.Tests.Authorization;

/// <summary>
/// Bankruptcy's endpoints. Parties: the case's court (clerk, judge) and appointed administrator (admin); a notice adds
/// its addressee (nrb). Anyone else gets 404 for a resource (it does not exist for him) and 403 for a party-wide message
/// whose role he lacks. Each write row has its own resource in the state it needs, so callers do not disturb each other.
/// </summary>
public sealed class BankruptcyMatrix : IMatrixRows
{
    private const string Staff = "clerk";

    private static readonly string[] NoSeizure = ["x"];

    private static readonly (string User, int Status)[] CaseParties = Each(200, "clerk", "judge", "admin");

    private static readonly (string User, int Status)[] NoticeParties = Each(200, "clerk", "judge", "admin", "nrb");

    private static int Index(string? user) => All.ToList().IndexOf(user ?? Anonymous);

    private static string UnitCode(int n) => "500116001001GB00001F0001" + n.ToString("0000", System.Globalization.CultureInfo.InvariantCulture);

    public async Task SeedAsync(MatrixState state, IServiceProvider services)
    {
        var scopes = services.GetRequiredService<IServiceScopeFactory>();
        Task<T> As<T>(DemoUser user, ICommand<T> command) => scopes.SendAsAsync(user, command);
        Task<T> Query<T>(DemoUser user, IQuery<T> query) => scopes.QueryAsAsync(user, query);

        var caseId = (await As(DemoUsers.Clerk, new OpenBankruptcyCase("(2022)渝0116破900号", "重庆江津矩阵测试有限公司", "91500116MA5U5X7A8B", new DateOnly(2022, 4, 20), "admin", "重庆某某律师事务所"))).Id;
        state["case"] = caseId;
        var n = 0;

        async Task<(string Asset, string Seizure)> SeizedAsync()
        {
            var asset = (await As(DemoUsers.Administrator, Building(++n) with { EstateId = caseId })).AssetId;
            var seizure = (await As(DemoUsers.Administrator, new RecordSeizure("重庆市江津区人民法院", "重庆市第五中级人民法院", $"(2021)渝0116执{n}号", new DateOnly(2021, 5, 10), SeizureRank.First) { AssetId = asset })).SeizureId;
            return (asset, seizure);
        }

        async Task<string> RequestedAsync()
        {
            var (asset, seizure) = await SeizedAsync();
            return (await As(DemoUsers.Administrator, new RequestRelease(asset, [seizure], "企业破产法第十九条") { EstateId = caseId })).Id;
        }

        async Task<string> ApprovedAsync()
        {
            var request = await RequestedAsync();
            await As(DemoUsers.Judge, new ApproveRelease() { RequestId = request });
            return request;
        }

        async Task<string> NoticeAsync()
        {
            var request = await ApprovedAsync();
            await As(DemoUsers.Judge, new IssueLiftingRuling("拍卖在即") { RequestId = request });
            return (await Query(DemoUsers.Judge, new GetReleaseRequest(request))).Request.NoticeId!;
        }

        async Task<string> ScheduledAsync()
        {
            var asset = (await As(DemoUsers.Administrator, Building(++n) with { EstateId = caseId })).AssetId;
            await As(DemoUsers.Administrator, new ScheduleDisposal(DisposalMethod.Auction, "人民法院诉讼资产网", new DateOnly(2022, 4, 23), 100_000_00) { AssetId = asset });
            return asset;
        }

        var (seized, seizedBy) = await SeizedAsync();
        state["asset"] = seized;
        state["seizure"] = seizedBy;
        foreach (var user in new[] { "clerk", "admin" })
        {
            var (asset, seizure) = await SeizedAsync();
            state["asset-to-request-" + user] = asset;
            state["seizure-to-request-" + user] = seizure;
        }

        state["request"] = await RequestedAsync();
        state["request-to-approve"] = await RequestedAsync();
        state["request-to-reject"] = await RequestedAsync();
        state["request-to-withdraw"] = await RequestedAsync();
        state["request-to-rule"] = await ApprovedAsync();
        var lifting = await ApprovedAsync();
        state["request-to-lift"] = lifting;
        state["seizure-to-lift"] = (await Query(DemoUsers.Judge, new GetReleaseRequest(lifting))).Request.Seizures[0].SeizureId;

        state["notice"] = await NoticeAsync();
        state["query"] = (await As(DemoUsers.NaturalResources, new QueryNotice("请核实查封文号") { NoticeId = state["notice"] })).QueryId;
        state["notice-to-acknowledge"] = await NoticeAsync();
        state["notice-to-execute"] = await NoticeAsync();
        state["notice-to-report"] = await NoticeAsync();

        state["asset-to-schedule"] = (await As(DemoUsers.Administrator, Building(++n) with { EstateId = caseId })).AssetId;
        state["asset-scheduled-unsold"] = await ScheduledAsync();
        state["asset-scheduled-sold"] = await ScheduledAsync();
        var sold = await ScheduledAsync();
        await As(DemoUsers.Administrator, new RecordAssetSold("重庆某某置业有限公司", "91500116MA6000000Q", 120_000_00, new DateOnly(2022, 4, 23)) { AssetId = sold });
        state["asset-sold"] = sold;

        await using (var system = scopes.CreateScopeAs(FixedCaller.System()))
        {
            var process = system.ServiceProvider.GetRequiredService<BankruptcyProcess>();
            await process.PlaceOnAgendaAsync(state["notice"], AgendaReason.NoticeNotExecuted, caseId, "(2022)渝0116破900号", "nrb-jiangjin", "矩阵测试议题", "system", CancellationToken.None);
            await process.PlaceOnAgendaAsync(state["notice-to-report"], AgendaReason.NoticeNotExecuted, caseId, "(2022)渝0116破900号", "nrb-jiangjin", "矩阵测试议题二", "system", CancellationToken.None);
        }

        state["agenda-item"] = AgendaItem.IdFor(state["notice"], AgendaReason.NoticeNotExecuted);
        state["agenda-item-with-action"] = AgendaItem.IdFor(state["notice-to-report"], AgendaReason.NoticeNotExecuted);
        await As(DemoUsers.Judge, new RecordMeetingDecision(new DateOnly(2022, 4, 23), "会议议定限期办理", [new MeetingActionInput(Agencies.NaturalResources.Code, "办理注销查封登记", new DateOnly(2022, 5, 6))]) { ItemId = state["agenda-item-with-action"] });
        _ = Staff;
        _ = services.GetRequiredService<IReadModels>();
    }

    private static RegisterAsset Building(int n) => new(
        AssetKind.Building, $"矩阵测试厂房{n}", "nrb-jiangjin", 1_000_000_00, "渝(2019)江津区不动产权第0001234号", UnitCode(n), "江津区几江街道滨江路1号", 100m, "工业");

    public IEnumerable<MatrixRow> Rows =>
    [
        // Court staff register cases (a fresh case number per caller); everyone else may not.
        new("POST", "/api/bankruptcy-cases", _ => "/api/bankruptcy-cases", Expect(401, 403, Each(201, "clerk", "judge")),
            Body: (_, user) => new
            {
                caseNumber = $"(2022)渝0116破{500 + Index(user)}号",
                debtorName = "重庆江津某某机械制造有限公司",
                debtorCreditCode = "91500116MA5U5X7A8B",
                acceptedOn = "2022-04-20",
                administratorUserId = "admin",
                administratorName = "重庆某某律师事务所",
            }),
        new("GET", "/api/bankruptcy-cases", _ => "/api/bankruptcy-cases", Expect(401, 200)),
        new("GET", "/api/bankruptcy-cases/{id}", s => $"/api/bankruptcy-cases/{s["case"]}", Expect(401, 404, CaseParties)),
        new("GET", "/api/bankruptcy-cases/{id}/timeline", s => $"/api/bankruptcy-cases/{s["case"]}/timeline", Expect(401, 404, CaseParties)),
        new("POST", "/api/bankruptcy-cases/{id}/assets", s => $"/api/bankruptcy-cases/{s["case"]}/assets",
            Expect(401, 404, [.. Each(201, "clerk", "admin"), .. Each(403, "judge")]),
            Body: (_, user) => Building(100 + Index(user))),
        new("POST", "/api/bankruptcy-cases/{id}/release-requests", s => $"/api/bankruptcy-cases/{s["case"]}/release-requests",
            Expect(401, 404, [.. Each(201, "clerk", "admin"), .. Each(403, "judge")]),
            Body: (s, user) => user is "clerk" or "admin"
                ? new { assetId = s["asset-to-request-" + user], seizureIds = new[] { s["seizure-to-request-" + user] }, reasons = "企业破产法第十九条" }
                : new { assetId = s["asset"], seizureIds = NoSeizure, reasons = "企业破产法第十九条" }),

        new("GET", "/api/release-requests", _ => "/api/release-requests", Expect(401, 200)),
        new("GET", "/api/release-requests/{id}", s => $"/api/release-requests/{s["request"]}", Expect(401, 404, CaseParties)),
        new("POST", "/api/release-requests/{id}/approve", s => $"/api/release-requests/{s["request-to-approve"]}/approve",
            Expect(401, 404, [.. Each(200, "judge"), .. Each(403, "clerk", "admin")]), Body: (_, _) => new { note = "同意" }),
        new("POST", "/api/release-requests/{id}/reject", s => $"/api/release-requests/{s["request-to-reject"]}/reject",
            Expect(401, 404, [.. Each(200, "judge"), .. Each(403, "clerk", "admin")]), Body: (_, _) => new { reason = "不属于债务人财产" }),
        new("POST", "/api/release-requests/{id}/withdraw", s => $"/api/release-requests/{s["request-to-withdraw"]}/withdraw",
            Expect(401, 404, [.. Each(200, "admin"), .. Each(403, "clerk", "judge")]), Body: (_, _) => new { reason = "已自行解除" }),
        new("POST", "/api/release-requests/{id}/seizing-body-lifted", s => $"/api/release-requests/{s["request-to-lift"]}/seizing-body-lifted",
            Expect(401, 404, CaseParties), Body: (s, _) => new { seizureId = s["seizure-to-lift"], reference = "(2021)渝0116执1号之一", liftedOn = "2022-04-22" }),
        new("POST", "/api/release-requests/{id}/issue-ruling", s => $"/api/release-requests/{s["request-to-rule"]}/issue-ruling",
            Expect(401, 404, [.. Each(200, "judge"), .. Each(403, "clerk", "admin")]), Body: (_, _) => new { earlyReason = "拍卖在即" }),

        new("GET", "/api/notices", _ => "/api/notices", Expect(401, 200)),
        new("GET", "/api/notices/{id}", s => $"/api/notices/{s["notice"]}", Expect(401, 404, NoticeParties)),
        new("GET", "/api/notices/{id}/document.pdf", s => $"/api/notices/{s["notice"]}/document.pdf", Expect(401, 404, NoticeParties)),
        new("POST", "/api/notices/{id}/acknowledge", s => $"/api/notices/{s["notice-to-acknowledge"]}/acknowledge",
            Expect(401, 404, [.. Each(200, "nrb"), .. Each(403, "clerk", "judge", "admin")])),
        new("POST", "/api/notices/{id}/execute", s => $"/api/notices/{s["notice-to-execute"]}/execute",
            Expect(401, 404, [.. Each(200, "nrb"), .. Each(403, "clerk", "judge", "admin")]), Body: (_, _) => new { registrationReference = "注销查封2022-1", executedOn = "2022-04-23" }),
        new("POST", "/api/notices/{id}/query", s => $"/api/notices/{s["notice"]}/query",
            Expect(401, 404, [.. Each(200, "nrb"), .. Each(403, "clerk", "judge", "admin")]), Body: (_, _) => new { text = "请核实" }),
        new("POST", "/api/notices/{id}/cannot-execute", s => $"/api/notices/{s["notice-to-report"]}/cannot-execute",
            Expect(401, 404, [.. Each(200, "nrb"), .. Each(403, "clerk", "judge", "admin")]), Body: (_, _) => new { reason = "登记簿无此单元" }),
        new("POST", "/api/notices/{id}/queries/{queryId}/answer", s => $"/api/notices/{s["notice"]}/queries/{s["query"]}/answer",
            Expect(401, 404, [.. Each(200, "judge"), .. Each(403, "clerk", "admin", "nrb")]), Body: (_, _) => new { answer = "以裁定为准" }),

        new("GET", "/api/assets/{id}", s => $"/api/assets/{s["asset"]}", Expect(401, 404, CaseParties)),
        new("POST", "/api/assets/{id}/seizures", s => $"/api/assets/{s["asset"]}/seizures",
            Expect(401, 404, [.. Each(201, "clerk", "admin"), .. Each(403, "judge")]),
            Body: (_, user) => new { seizingBody = "国家税务总局重庆市江津区税务局", documentNumber = $"渝江税封〔2021〕{Index(user)}号", seizedOn = "2021-09-01", rank = "Queued" }),
        new("POST", "/api/assets/{id}/seizures/{seizureId}/renew", s => $"/api/assets/{s["asset"]}/seizures/{s["seizure"]}/renew",
            Expect(401, 404, [.. Each(200, "clerk", "admin"), .. Each(403, "judge")]), Body: (_, _) => new { documentNumber = "(2021)渝0116执1号之二", renewedOn = "2022-04-22" }),
        new("POST", "/api/assets/{id}/schedule-disposal", s => $"/api/assets/{s["asset-to-schedule"]}/schedule-disposal",
            Expect(401, 404, [.. Each(200, "admin"), .. Each(403, "clerk", "judge")]),
            Body: (_, _) => new { method = "Auction", platform = "人民法院诉讼资产网", scheduledOn = "2022-05-20", reservePriceFen = 100_000_00 }),
        new("POST", "/api/assets/{id}/record-unsold", s => $"/api/assets/{s["asset-scheduled-unsold"]}/record-unsold",
            Expect(401, 404, [.. Each(200, "admin"), .. Each(403, "clerk", "judge")]), Body: (_, _) => new { reason = "流拍" }),
        new("POST", "/api/assets/{id}/record-sale", s => $"/api/assets/{s["asset-scheduled-sold"]}/record-sale",
            Expect(401, 404, [.. Each(200, "admin"), .. Each(403, "clerk", "judge")]),
            Body: (_, _) => new { buyerName = "重庆某某置业有限公司", buyerIdNumber = "91500116MA6000000Q", priceFen = 120_000_00, soldOn = "2022-04-23" }),
        new("POST", "/api/assets/{id}/confirm-sale", s => $"/api/assets/{s["asset-sold"]}/confirm-sale",
            Expect(401, 404, [.. Each(200, "judge"), .. Each(403, "clerk", "admin")])),

        new("GET", "/api/joint-meeting/agenda", _ => "/api/joint-meeting/agenda", Expect(401, 403, Each(200, "clerk", "judge", "supervisor", "president"))),
        new("POST", "/api/joint-meeting/agenda/{itemId}/decision", s => $"/api/joint-meeting/agenda/{s["agenda-item"]}/decision",
            Expect(401, 403, Each(200, "judge", "supervisor", "president")),
            Body: (_, _) => new { meetingOn = "2022-04-23", minutes = "会议议定限期办理", actions = new[] { new { owner = Agencies.NaturalResources.Code, description = "办理注销查封登记", dueOn = "2022-05-06" } } }),
        new("POST", "/api/joint-meeting/agenda/{itemId}/actions/{actionId}/complete", s => $"/api/joint-meeting/agenda/{s["agenda-item-with-action"]}/actions/1-1/complete",
            // An agency's officer reports only an action given to his agency: the bureau's is the bureau's, others' hidden.
            Expect(401, 403, [.. Each(200, "clerk", "judge", "supervisor", "nrb"), .. Each(404, "psb", "bank", "market")]), Body: (_, _) => new { note = "已办结" }),
    ];
}
