using Court.Application.Demo;
using Court.Application.GovernmentDebtors;
using Mediator;
using Microsoft.Extensions.DependencyInjection;
using static Court.Web.Tests.Authorization.Callers;

namespace Court.Web.Tests.Authorization;

/// <summary>
/// Government debtors. A case is seen by court staff, the supervision office and its own debtor unit (the town); other
/// agencies get 404 on it and 403 on the lists; the public list is anonymous. Each step is the definition's roles';
/// those who see the case but hold none of them get 403. Each row that changes a case points at its own seeded case.
/// </summary>
public sealed class GovernmentDebtMatrix : IMatrixRows
{
    private const string Town = "11500116009000001K";
    private static readonly string[] Readers = ["clerk", "judge", "president", "supervisor", "town"];
    private static readonly string[] CopiedTo = ["重庆市第五中级人民法院"];

    private static readonly (string Key, int Serial, int Stage)[] Cases =
    [
        ("gd-read", 9001, 0), ("gd-notice", 9002, 0), ("gd-push", 9003, 1), ("gd-supervise", 9004, 2), ("gd-report", 9005, 3),
        ("gd-meeting", 9006, 3), ("gd-perform", 9007, 3), ("gd-settle", 9008, 3), ("gd-nonperf", 9009, 3), ("gd-upward", 9010, 4),
        ("gd-spc", 9011, 4), ("gd-measure", 9012, 2), ("gd-list", 9013, 5), ("gd-publish", 9014, 6), ("gd-remove", 9015, 7),
        ("gd-correction-request", 9016, 6), ("gd-correction-decision", 9017, 8), ("gd-correct", 9018, 9), ("gd-reconsider-request", 9019, 10),
        ("gd-reconsider-decision", 9020, 11),
    ];

    public async Task SeedAsync(MatrixState state, IServiceProvider services)
    {
        var scopes = services.GetRequiredService<IServiceScopeFactory>();
        var town = DemoUsers.Town;
        foreach (var (key, serial, stage) in Cases)
        {
            var opened = await scopes.SendAsAsync(DemoUsers.Clerk, new OpenGovernmentDebtEnforcementCase(
                $"(2022)渝0116执{serial}号", $"(2021)渝0116民初{serial}号", new DateOnly(2022, 1, 10), new DateOnly(2022, 2, 10), "甲公司", null,
                "重庆市江津区白沙镇人民政府", Town, false, false, "重庆市江津区人民政府", 1_000_000m, null, null, "judge", new DateOnly(2022, 3, 20),
                "张明", "镇长", "刘洋", "党政办主任", null));
            var id = opened.Id;
            state[key] = id;
            var steps = new List<(DemoUser User, ICommand<GovernmentDebtChanged> Command)>
            {
                (DemoUsers.Judge, new IssueGovernmentDebtEnforcementNotice(id)),
                (DemoUsers.Judge, new PushGovernmentDebt(id, new DateOnly(2022, 3, 25))),
                (DemoUsers.Supervisor, new StartGovernmentDebtSupervision(id, new DateOnly(2022, 6, 30), new DateOnly(2022, 4, 1))),
                (DemoUsers.Judge, new FindGovernmentDebtNonPerformance(id)),
                (DemoUsers.Judge, new ReportGovernmentDebtToPartyCommittee(id, "中共重庆市江津区委员会", "重庆市江津区人民政府", CopiedTo, true)),
                (DemoUsers.Judge, new ListGovernmentDebtor(id, 1, null)),
                (DemoUsers.Judge, new PublishGovernmentDebtListing(id)),
                (town, new RequestGovernmentDebtCorrection(id, "代码有误")),
                (DemoUsers.Judge, new DecideGovernmentDebtCorrection(id, stage == 9, "审查")),
                (town, new RequestGovernmentDebtReconsideration(id, "申请复议")),
            };
            var count = stage switch { <= 7 => stage, 8 => 8, 9 => 9, 10 => 9, _ => 10 };
            foreach (var (user, command) in steps.Take(count))
            {
                await scopes.SendAsAsync(user, command);
            }
        }
    }

    private static string Case(MatrixState s, string key) => "/api/government-debts/cases/" + s[key];

    private static int Index(string? user) => All.ToList().IndexOf(user ?? Anonymous);

    /// <summary>A step on a town case: 200 for <paramref name="allowed"/>, 403 for the others who see it, 404 for the rest.</summary>
    private static IReadOnlyDictionary<string, int> Step(params string[] allowed) =>
        Expect(401, 404, [.. Each(403, Readers), .. Each(200, allowed)]);

    private static MatrixRow Post(string pattern, string key, IReadOnlyDictionary<string, int> expected, object body) =>
        new("POST", "/api/government-debts/cases/{id}" + pattern, s => Case(s, key) + pattern, expected, (_, _) => body);

    public IEnumerable<MatrixRow> Rows =>
    [
        new("POST", "/api/government-debts/cases", _ => "/api/government-debts/cases", Expect(401, 403, Each(201, "clerk")),
            Body: (_, user) => new
            {
                caseNumber = $"(2022)渝0116执{9100 + Index(user)}号", judgmentNumber = "(2021)渝0116民初1号", judgmentDate = "2022-01-10", judgmentEffectiveOn = "2022-02-10",
                creditorName = "甲公司", debtorName = "重庆市江津区白沙镇人民政府", debtorCreditCode = Town, supervisingUnit = "重庆市江津区人民政府", amount = 1000m,
            }),
        new("GET", "/api/government-debts/cases/{id}", s => Case(s, "gd-read"), Expect(401, 404, Each(200, Readers))),
        new("GET", "/api/government-debts/cases/{id}/history", s => Case(s, "gd-read") + "/history", Expect(401, 404, Each(200, Readers))),
        Post("/enforcement-notice", "gd-notice", Step("judge"), new { }),
        Post("/push", "gd-push", Step("judge"), new { }),
        Post("/supervision", "gd-supervise", Step("judge", "supervisor"), new { performBy = "2022-06-30" }),
        Post("/reports", "gd-report", Step("town"), new { month = "2022-04-01", amount = 0m, progress = "筹措资金" }),
        Post("/meetings", "gd-meeting", Step("judge", "supervisor"), new { summary = "协调会" }),
        Post("/performances", "gd-perform", Step("judge", "clerk"), new { amount = 1m }),
        Post("/settlement", "gd-settle", Step("judge", "clerk"), new { amount = 900_000m, terms = "和解" }),
        Post("/non-performance", "gd-nonperf", Step("judge"), new { }),
        Post("/party-committee-report", "gd-upward", Step("judge"), new { partyCommittee = "区委", government = "区政府" }),
        Post("/supreme-court-filing", "gd-spc", Step("judge"), new { reference = "备案1号" }),
        Post("/measures", "gd-measure", Step("judge"), new { measure = "冻结" }),
        Post("/listing", "gd-list", Step("judge"), new { ground = 1 }),
        Post("/listing/publication", "gd-publish", Step("judge"), new { }),
        Post("/listing/removal", "gd-remove", Step("judge"), new { reason = "creditor-request" }),
        Post("/listing/correction-request", "gd-correction-request", Step("town"), new { reason = "有误" }),
        Post("/listing/correction-decision", "gd-correction-decision", Step("judge"), new { upheld = false, reason = "驳回" }),
        Post("/listing/correction", "gd-correct", Step("judge"), new { correction = "更正" }),
        Post("/listing/reconsideration-request", "gd-reconsider-request", Step("town"), new { reason = "复议" }),
        Post("/listing/reconsideration-decision", "gd-reconsider-decision", Step("judge"), new { upheld = false, reason = "维持" }),
        new("GET", "/api/government-debts/docket", _ => "/api/government-debts/docket", Expect(401, 403, Each(200, Readers))),
        new("GET", "/api/government-debts/units", _ => "/api/government-debts/units", Expect(401, 403, Each(200, Readers))),
        new("GET", "/api/government-debts/units/{code}", _ => "/api/government-debts/units/" + Town, Expect(401, 404, Each(200, Readers))),
        new("POST", "/api/government-debts/units/{code}/leader", _ => $"/api/government-debts/units/{Town}/leader",
            Expect(401, 404, [.. Each(403, "president"), .. Each(200, "clerk", "judge", "supervisor", "town")]), (_, _) => new { name = "黄立新", post = "镇长" }),
        new("POST", "/api/government-debts/units/{code}/handler", _ => $"/api/government-debts/units/{Town}/handler",
            Expect(401, 404, [.. Each(403, "president"), .. Each(200, "clerk", "judge", "supervisor", "town")]), (_, _) => new { name = "钱进", post = "科长" }),
        new("GET", "/api/government-debts/departments", _ => "/api/government-debts/departments", Expect(401, 403, Each(200, "clerk", "judge", "president", "supervisor"))),
        new("GET", "/api/government-debts/totals", _ => "/api/government-debts/totals", Expect(401, 403, Each(200, "clerk", "judge", "president", "supervisor"))),
        new("GET", "/api/public/government-debtors", _ => "/api/public/government-debtors", Expect(200, 200)),
    ];
}
