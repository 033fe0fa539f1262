using Court.Application.Demo;
using Court.Application.Projections;
using Court.Application.SmallClaims;
using Court.Domain.Common;
using Court.Domain.Fees;
using Court.Domain.Identifiers;
using Microsoft.Extensions.DependencyInjection;

namespace Court.Application.Service.Demo;

/// <summary>
/// Services in every state, all through commands: for small-claims cases already seeded, the plaintiff is served the
/// fee notice on the platform (it reaches the system at once) and the defendant the summons by judicial express, whose
/// carrier reports stop at a different point in each case — just issued (on the carrier's dispatch list), in transit,
/// signed by the defendant, returned after three attempts and a failed call (needs another channel), returned after
/// refusal (served on the return date), signed by someone not allowed to (not served). One ordinary case has a public
/// notice running after a failed express (superseded), and a hearing summons by hand whose receipt is not yet recorded.
/// </summary>
public sealed class ServiceDemoSeeder(TimeProvider clock) : IDemoSeeder
{
    public string Name => "service";

    /// <summary>After small claims (500): it serves their documents.</summary>
    public int Order => 600;

    public async Task SeedAsync(DemoSeedContext context, CancellationToken cancellationToken)
    {
        if (context.Cases == 0)
        {
            return;
        }

        List<SmallClaimsCaseView> cases = [];
        List<string> opened = [];
        await context.AsAsync(DemoUsers.Clerk, async services =>
        {
            var readModels = services.GetRequiredService<IReadModels>();
            cases = [.. (await readModels.ListAsync<SmallClaimsCaseView>(cancellationToken: cancellationToken)).OrderBy(c => c.CaseNumber, StringComparer.Ordinal)];
            foreach (var c in cases)
            {
                if (await readModels.GetAsync<ServiceFileView>(c.Id, cancellationToken) is not null)
                {
                    opened.Add(c.Id);
                }
            }
        });

        var faker = context.Faker;
        var serial = 31_000_000 + (opened.Count * 10) + faker.Random.Int(0, 9_999) * 1000;
        var i = 0;
        foreach (var c in cases.Where(c => !opened.Contains(c.Id)).Take(context.Cases))
        {
            await SeedCaseAsync(context, c, i, WaybillNumber.Create("EA", serial + i).Value, clock.GetUtcNow(), cancellationToken);
            context.Advance();
            i++;
        }

        await SeedPublicNoticeAsync(context, clock.GetUtcNow(), WaybillNumber.Create("EA", serial + 999).Value, cancellationToken);
    }

    private static async Task SeedCaseAsync(DemoSeedContext context, SmallClaimsCaseView c, int i, string waybill, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var clerk = DemoUsers.Clerk;
        var faker = context.Faker;
        await context.SendAsAsync(clerk, new OpenServiceFile(c.Id), cancellationToken);
        await context.SendAsAsync(clerk, new RegisterServiceParty(c.Id, "plaintiff", "plaintiff", "organisation", c.Plaintiff, CreditCodeFor(faker.Random.Int(100_000, 999_999))), cancellationToken);
        await context.SendAsAsync(clerk, new RegisterServiceParty(c.Id, "defendant", "defendant", "person", c.Defendant, ResidentIdFor(faker.Random.Int(1970, 1999), faker.Random.Int(1, 12), faker.Random.Int(1, 28), faker.Random.Int(100, 999))), cancellationToken);
        // Every other plaintiff is the demo lawyer's client: he signs in and reads those cases' services and deadlines.
        var agent = i % 2 == 0
            ? new AppointServiceAgent(c.Id, "plaintiff-agent", "plaintiff", DemoUsers.Lawyer.DisplayNameZh, DemoUsers.LawyerLicence, DemoUsers.LawyerFirm, DemoUsers.Lawyer.UserName)
            : new AppointServiceAgent(c.Id, "plaintiff-agent", "plaintiff", faker.Name.FullName(), "15001201810" + faker.Random.Int(100_000, 999_999), DemoUsers.LawyerFirm, null);
        await context.SendAsAsync(clerk, agent, cancellationToken);
        await context.SendAsAsync(clerk, new ConfirmServiceAddress(c.Id, "plaintiff", $"重庆市江津区{faker.Address.StreetName()}{faker.Random.Int(1, 200)}号", faker.Phone.PhoneNumber("138########"), null, $"sc-{c.Id[..8]}", null, ["fee-notice", "summons", "hearing-summons", "judgment", "ruling"], c.FiledOn), cancellationToken);

        // The fee notice reaches the plaintiff's platform inbox the moment it is sent.
        if (await FeeNoticeNumberAsync(context, c.Id, cancellationToken) is { } feeNotice)
        {
            var served = await context.SendAsAsync(clerk, new ServeDocuments(c.Id, "plaintiff", "platform", [new DocumentToServe(feeNotice, null, null, "fee-notice", null)], null, null, null), cancellationToken);
            foreach (var serviceId in served.Services ?? [])
            {
                await context.SendAsAsync(clerk, new RecordCarrierEvent(c.Id, new CarrierReport($"platform-{serviceId}", "platform", serviceId, "reached-system", now.AddSeconds(5))), cancellationToken);
            }
        }

        var address = $"重庆市江津区{faker.Address.StreetName()}{faker.Random.Int(1, 300)}号{faker.Random.Int(1, 20)}-{faker.Random.Int(1, 4)}";
        await context.SendAsAsync(clerk, new ServeDocuments(c.Id, "defendant", "judicial-express", [new DocumentToServe(null, $"summons-{c.Id}", "应诉通知书及起诉状副本", "summons", null)], waybill, address, faker.Phone.PhoneNumber("139########")), cancellationToken);
        var carrier = DemoUsers.Carrier;
        // Reports cannot precede the order (made just now), so the whole journey happens within the next minutes.
        var start = now;
        async Task Report(int n, string kind, DateTimeOffset at, string? signer = null, string? relationship = null, string? reason = null, bool? reached = null) =>
            await context.SendAsAsync(carrier, new ReceiveCarrierEvent($"{waybill}-{n}", carrier.Agency, waybill, kind, at, null, reason, signer, relationship, null, reached), cancellationToken);

        switch (i % 6)
        {
            case 0:
                return; // issued, on the dispatch list
            case 1:
                await Report(1, "accepted", start.AddSeconds(10));
                await Report(2, "out-for-delivery", start.AddSeconds(20));
                return;
            case 2:
                await Report(1, "accepted", start.AddSeconds(10));
                await Report(2, "out-for-delivery", start.AddSeconds(20));
                await Report(3, "delivered", start.AddSeconds(40), c.Defendant, "recipient");
                return;
            case 3:
                await Report(1, "accepted", start.AddSeconds(10));
                await Report(2, "attempt-failed", start.AddSeconds(20));
                await Report(3, "attempt-failed", start.AddSeconds(30));
                await Report(4, "contact-attempted", start.AddSeconds(45), reached: false);
                await Report(5, "attempt-failed", start.AddSeconds(50));
                await Report(6, "returned", start.AddSeconds(60), reason: "not-delivered");
                return;
            case 4:
                await Report(1, "accepted", start.AddSeconds(10));
                await Report(2, "refused", start.AddSeconds(20));
                await Report(3, "returned", start.AddSeconds(30), reason: "refused-to-sign");
                return;
            default:
                await Report(1, "accepted", start.AddSeconds(10));
                await Report(2, "delivered", start.AddSeconds(20), "保安" + context.Faker.Name.FirstName(), "other");
                return;
        }
    }

    private static async Task SeedPublicNoticeAsync(DemoSeedContext context, DateTimeOffset now, string waybill, CancellationToken cancellationToken)
    {
        var clerk = DemoUsers.Clerk;
        var today = ChinaTime.DateOf(now);
        var number = $"({today.Year})渝0116民初{9000 + context.Faker.Random.Int(0, 899)}号";
        var caseId = DeterministicGuid.From("court:demo-service-case:" + number).ToString("N");
        await context.SendAsAsync(clerk, new OpenServiceFile(caseId, number, "ordinary"), cancellationToken);
        await context.SendAsAsync(clerk, new RegisterServiceParty(caseId, "plaintiff", "plaintiff", "person", context.Faker.Name.FullName(), ResidentIdFor(1980, 3, 3, 123)), cancellationToken);
        await context.SendAsAsync(clerk, new RegisterServiceParty(caseId, "defendant", "defendant", "person", context.Faker.Name.FullName(), ResidentIdFor(1975, 7, 9, 456)), cancellationToken);
        await context.SendAsAsync(clerk, new ServeDocuments(caseId, "defendant", "judicial-express", [new DocumentToServe(null, $"summons-{caseId}", "应诉通知书及起诉状副本", "summons", null)], waybill, "重庆市江津区某某路1号", "13900000000"), cancellationToken);
        var carrier = DemoUsers.Carrier;
        await context.SendAsAsync(carrier, new ReceiveCarrierEvent($"{waybill}-1", carrier.Agency, waybill, "accepted", now.AddSeconds(5)), cancellationToken);
        await context.SendAsAsync(carrier, new ReceiveCarrierEvent($"{waybill}-2", carrier.Agency, waybill, "returned", now.AddSeconds(15), null, "addressee-unknown"), cancellationToken);
        var notice = await context.SendAsAsync(clerk, new ServeDocuments(caseId, "defendant", "public-notice", [new DocumentToServe(null, $"summons-{caseId}", "应诉通知书及起诉状副本", "summons", null)], null, null, null), cancellationToken);
        await context.SendAsAsync(clerk, new RecordPublicNotice(caseId, notice.Services![0], today.AddDays(-10), "人民法院公告网"), cancellationToken);

        // The hearing summons handed to the plaintiff in person: ordered, its receipt not yet recorded.
        await context.SendAsAsync(clerk, new ServeDocuments(caseId, "plaintiff", "direct", [new DocumentToServe(null, $"hearing-{caseId}", "传票", "hearing-summons", null)], null, null, null), cancellationToken);
    }

    private static async Task<string?> FeeNoticeNumberAsync(DemoSeedContext context, string caseId, CancellationToken cancellationToken)
    {
        string? number = null;
        await context.AsAsync(DemoUsers.Clerk, async services => number = (await services.GetRequiredService<IReadModels>().GetAsync<FeeNoticeView>(caseId + "-F1", cancellationToken))?.DocumentNumber);
        return number;
    }

    /// <summary>A resident ID number of Jiangjin (500116) with its GB 11643 check character.</summary>
    public static string ResidentIdFor(int year, int month, int day, int sequence)
    {
        var first17 = $"500116{year:D4}{month:D2}{day:D2}{sequence:D3}";
        int[] weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
        var sum = first17.Select((c, k) => (c - '0') * weights[k]).Sum();
        return first17 + "10X98765432"[sum % 11];
    }

    /// <summary>A unified social credit code of a Jiangjin company with its check character.</summary>
    public static string CreditCodeFor(int serial)
    {
        var first17 = $"91500116MA{serial:D6}0"[..17];
        return first17 + CreditCode.CheckCharacter(first17);
    }
}
