using Court.Application.Demo;
using Court.Application.SmallClaims.Filing;
using Court.Application.SmallClaims.Proceeding;
using Court.Application.SmallClaims.Thresholds;
using Microsoft.Extensions.DependencyInjection;
using static Court.Web.Tests.Authorization.Callers;

namespace Court.Web.Tests.Authorization;

/// <summary>
/// Fees and small claims. Quotes, schedules and thresholds are for court staff and the system administrator; a case is
/// its court's (clerks, judges, the president see it; others get 404); publishing and confirming are the system
/// administrator's; each step of a case is one role's. Each row that changes a case points at its own seeded case.
/// </summary>
public sealed class FeesMatrix : IMatrixRows
{
    private static readonly string[] Staff = ["clerk", "judge", "sysadmin", "president"];

    private static readonly (string Key, int Serial, Func<string, ISmallClaimsCaseCommand>[] Steps)[] Cases =
    [
        ("sc-read", 8001, []),
        ("sc-serve", 8002, []),
        ("sc-hearing", 8003, [id => new RecordSmallClaimsService(id, "postal")]),
        ("sc-investigation", 8004, [id => new RecordSmallClaimsService(id, "postal"), id => new OpenSmallClaimsHearing(id)]),
        ("sc-decide", 8005, [id => new RecordSmallClaimsService(id, "postal"), id => new OpenSmallClaimsHearing(id)]),
        ("sc-convert", 8006, []),
        ("sc-lower", 8007, []),
        ("sc-extend", 8008, []),
        ("sc-pay", 8009, []),
        ("sc-refund", 8010, [id => new RecordSmallClaimsFeePayment(id, id + "-F1", null, "R1"), id => new LowerSmallClaim(id, 30_000m)]),
    ];

    public async Task SeedAsync(MatrixState state, IServiceProvider services)
    {
        var scopes = services.GetRequiredService<IServiceScopeFactory>();
        await scopes.SendAsAsync(DemoUsers.SystemAdministrator, new ConfirmSmallClaimsThreshold("CQ", new DateOnly(2022, 1, 1), "matrix"));
        foreach (var (key, serial, steps) in Cases)
        {
            var filed = await scopes.SendAsAsync(DemoUsers.Clerk, new FileSmallClaimsCase($"(2022)渝0116民初{serial}号", "甲公司", "乙", "judge", 40_000m, "monetary", false, null));
            state[key] = filed.Id;
            foreach (var step in steps)
            {
                var command = step(filed.Id);
                await scopes.SendAsAsync(command is OpenSmallClaimsHearing ? DemoUsers.Judge : DemoUsers.Clerk, command);
            }
        }
    }


    private static string Case(MatrixState s, string key) => "/api/small-claims/cases/" + s[key];

    private static int Index(string? user) => All.ToList().IndexOf(user ?? Anonymous);

    /// <summary>On a case: 200 for <paramref name="allowed"/>, 403 for the other court staff who see it, 404 for the rest.</summary>
    private static IReadOnlyDictionary<string, int> OnCase(params string[] allowed) =>
        Expect(401, 404, [.. Each(403, "clerk", "judge", "president"), .. Each(200, allowed)]);

    public IEnumerable<MatrixRow> Rows =>
    [
        new("GET", "/api/fees/quote", _ => "/api/fees/quote?kind=property&amount=100000&filedOn=2022-04-01", Expect(401, 403, Each(200, Staff))),
        new("GET", "/api/fees/schedules", _ => "/api/fees/schedules", Expect(401, 403, Each(200, Staff))),
        new("POST", "/api/fees/schedules", _ => "/api/fees/schedules", Expect(401, 403, Each(201, "sysadmin")),
            Body: (_, user) => new
            {
                id = $"matrix-{Index(user)}",
                effectiveFrom = "2030-01-01",
                titleZh = "矩阵",
                titleEn = "Matrix",
                scales = new[] { new { kind = "Labour", category = "Acceptance", bands = Array.Empty<object>(), perCase = new { minFen = 500, maxFen = 500, chosenFen = 500 } } },
            }),
        new("GET", "/api/fees/notices", _ => "/api/fees/notices", Expect(401, 403, Each(200, "clerk", "president"))),
        new("GET", "/api/fees/refunds", _ => "/api/fees/refunds", Expect(401, 403, Each(200, "clerk", "president"))),
        new("GET", "/api/small-claims/eligibility", _ => "/api/small-claims/eligibility?province=CQ&amount=1000&filedOn=2022-04-01", Expect(401, 403, Each(200, Staff))),
        new("GET", "/api/small-claims/thresholds/{province}", _ => "/api/small-claims/thresholds/CQ", Expect(401, 403, Each(200, Staff))),
        new("POST", "/api/small-claims/thresholds", _ => "/api/small-claims/thresholds", Expect(401, 403, Each(200, "sysadmin")),
            Body: (_, _) => new { province = "ZJ", effectiveFrom = "2022-01-11", wageYear = 2020, annualWage = 108646, wageSeries = "urban-non-private", notice = "浙高法〔2022〕示例" }),
        new("POST", "/api/small-claims/thresholds/{province}/{effectiveFrom}/confirmation", _ => "/api/small-claims/thresholds/CQ/2022-07-01/confirmation",
            Expect(401, 403, Each(200, "sysadmin")), Body: (_, _) => new { notice = "渝高法〔2022〕示例" }),
        new("GET", "/api/small-claims/docket", _ => "/api/small-claims/docket", Expect(401, 403, Each(200, "clerk", "judge", "president"))),
        new("POST", "/api/small-claims/cases", _ => "/api/small-claims/cases", Expect(401, 403, Each(201, "clerk")),
            Body: (_, user) => new { caseNumber = $"(2022)渝0116民初{8100 + Index(user)}号", plaintiff = "甲公司", defendant = "乙", judgeId = "judge", claim = 20_000m }),
        new("GET", "/api/small-claims/cases/{id}", s => Case(s, "sc-read"), Expect(401, 404, Each(200, "clerk", "judge", "president"))),
        new("POST", "/api/small-claims/cases/{id}/service", s => Case(s, "sc-serve") + "/service", OnCase("clerk"), Body: (_, _) => new { method = "electronic" }),
        new("POST", "/api/small-claims/cases/{id}/hearing", s => Case(s, "sc-hearing") + "/hearing", OnCase("judge"), Body: (_, _) => new { }),
        new("POST", "/api/small-claims/cases/{id}/investigation-end", s => Case(s, "sc-investigation") + "/investigation-end", OnCase("judge"), Body: (_, _) => new { }),
        new("POST", "/api/small-claims/cases/{id}/decision", s => Case(s, "sc-decide") + "/decision", OnCase("judge"), Body: (_, _) => new { closing = "none" }),
        new("POST", "/api/small-claims/cases/{id}/conversion", s => Case(s, "sc-convert") + "/conversion", OnCase("judge"), Body: (_, _) => new { to = "simple", reason = "案情复杂" }),
        new("POST", "/api/small-claims/cases/{id}/claim-reduction", s => Case(s, "sc-lower") + "/claim-reduction", OnCase("clerk", "judge"),
            Body: (_, _) => new { newClaim = 35_000m }),
        new("POST", "/api/small-claims/cases/{id}/limit-extension", s => Case(s, "sc-extend") + "/limit-extension", OnCase("president"), Body: (_, _) => new { reason = "补充证据" }),
        new("POST", "/api/small-claims/cases/{id}/fee-notices/{noticeId}/payment", s => $"{Case(s, "sc-pay")}/fee-notices/{s["sc-pay"]}-F1/payment", OnCase("clerk"), Body: (_, _) => new { receiptNumber = "R1" }),
        new("POST", "/api/small-claims/cases/{id}/refunds/{refundId}/payment", s => $"{Case(s, "sc-refund")}/refunds/{s["sc-refund"]}-R1/payment", OnCase("clerk"), Body: (_, _) => new { }),
    ];
}
