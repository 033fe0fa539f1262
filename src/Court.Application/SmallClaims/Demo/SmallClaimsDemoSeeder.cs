using Court.Application.Demo;
using Court.Application.Projections;
using Court.Application.SmallClaims.Filing;
using Court.Application.SmallClaims.Proceeding;
using Court.Application.SmallClaims.Thresholds;
using Court.Domain.Fees;
using Microsoft.Extensions.DependencyInjection;

namespace Court.Application.SmallClaims.Demo;

/// <summary>
/// Small-claims cases at Jiangjin in various stages: filed in the last seven weeks, some served and heard, fees paid,
/// a claim lowered (a refund due), one converted (a further notice), one extended by the president. To file at all the
/// demo confirms the Chongqing threshold in force, marking the notice as demo data.
/// </summary>
public sealed class SmallClaimsDemoSeeder(TimeProvider clock) : IDemoSeeder
{
    private static readonly string[] Trades = ["商贸", "建材", "农业科技", "物流", "餐饮管理"];

    public string Name => "small claims";

    public int Order => 500;

    public async Task SeedAsync(DemoSeedContext context, CancellationToken cancellationToken)
    {
        if (context.Cases == 0)
        {
            return; // users only: leave the shipped thresholds unconfirmed
        }

        var today = ChinaTime.DateOf(clock.GetUtcNow());
        var thresholds = await context.QueryAsAsync(DemoUsers.SystemAdministrator, new ListSmallClaimsThresholds("CQ"), cancellationToken);
        foreach (var period in thresholds.Where(t => !t.Confirmed && t.EffectiveFrom <= today))
        {
            await context.SendAsAsync(DemoUsers.SystemAdministrator, new ConfirmSmallClaimsThreshold("CQ", period.EffectiveFrom, "演示数据，未经核实"), cancellationToken);
        }

        var limit = thresholds.LastOrDefault(t => t.EffectiveFrom <= today)?.MandatoryLimit ?? 40_000m;
        var existing = 0;
        await context.AsAsync(DemoUsers.Clerk, async services => existing = (await services.GetRequiredService<IReadModels>().ListAsync<SmallClaimsCaseView>(cancellationToken: cancellationToken)).Count);

        var faker = context.Faker;
        for (var i = 0; i < context.Cases; i++)
        {
            var filedOn = today.AddDays(-faker.Random.Int(0, 50));
            var claim = Math.Round(faker.Random.Decimal(2_000m, limit), 2);
            var filed = await context.SendAsAsync(
                DemoUsers.Clerk,
                new FileSmallClaimsCase($"({filedOn.Year})渝0116民初{7000 + existing + i}号", $"{faker.Address.City()}{faker.PickRandom(Trades)}有限公司", faker.Name.FullName(), DemoUsers.Judge.UserName, claim, "monetary", false, filedOn),
                cancellationToken);
            await ProgressAsync(context, filed.Id, i, claim, cancellationToken);
            context.Advance();
        }
    }

    private static async Task ProgressAsync(DemoSeedContext context, string id, int i, decimal claim, CancellationToken cancellationToken)
    {
        if (i % 3 == 0)
        {
            return; // fee notice still outstanding
        }

        await context.SendAsAsync(DemoUsers.Clerk, new RecordSmallClaimsFeePayment(id, id + "-F1", null, $"渝财{7000 + i:D6}"), cancellationToken);
        if (i % 5 == 1)
        {
            await context.SendAsAsync(DemoUsers.Judge, new ConvertSmallClaimsProcedure(id, "ordinary", "需要司法鉴定"), cancellationToken);
            return;
        }

        await context.SendAsAsync(DemoUsers.Clerk, new RecordSmallClaimsService(id, "electronic"), cancellationToken);
        if (i % 4 == 2)
        {
            await context.SendAsAsync(DemoUsers.Clerk, new LowerSmallClaim(id, Math.Round(claim * 0.8m, 2)), cancellationToken);
        }

        if (i % 5 == 4)
        {
            await context.SendAsAsync(DemoUsers.President, new ExtendSmallClaimsLimit(id, "当事人申请补充证据"), cancellationToken);
        }

        if (i % 2 == 0)
        {
            await context.SendAsAsync(DemoUsers.Judge, new OpenSmallClaimsHearing(id), cancellationToken);
        }
    }
}
