using System.Net;
using Court.Domain.Identifiers;
using Court.Web.Tests.Bankruptcy.Support;
using static Court.Web.Tests.Service.ServiceSteps;

namespace Court.Web.Tests.Service;

/// <summary>
/// The whole path across users, on its own court and clock: the clerk files a small-claims case and serves the fee
/// notice on the plaintiff's platform and the summons on the defendant by judicial express; the carrier's system
/// reports over the signed webhook (one report twice, one late and out of order); the summons is served on the
/// signing date; the answer period and the fee period run from service (across the 2022 Labour Day holiday); the
/// certificate of service verifies on the public page without sign-in.
/// </summary>
public sealed class SmallClaimsServiceScenarioTests(ServiceApi api) : IClassFixture<ServiceApi>
{
    private static readonly string[] FeeNoticeOnly = ["fee-notice"];

    [Fact]
    public async Task Summons_by_judicial_express_served_on_signing_with_periods_from_service_and_a_certificate_that_verifies()
    {
        var clerk = await api.As("clerk");
        var caseId = await SmallClaimsFileAsync(clerk, 6301);
        var feeNotice = (await Ok(clerk.GetAsync("/api/small-claims/cases/" + caseId))).GetProperty("notices")[0].GetProperty("documentNumber").GetString()!;
        await Ok(clerk.PostJsonAsync(FilePath(caseId) + "/address-confirmations", new { partyId = "plaintiff", postalAddress = "重庆市江津区鼎山街道1号", phone = "02347520000", platformAccount = "lender-01", electronicConsent = FeeNoticeOnly, signedOn = "2022-04-23" }));

        // Saturday 23 April 2022, 09:30: the fee notice goes to the plaintiff's platform inbox and arrives at 09:35.
        var feeService = (await Ok(clerk.PostJsonAsync(FilePath(caseId) + "/services", new { recipientPartyId = "plaintiff", channel = "platform", documents = new[] { new { number = feeNotice, kind = "fee-notice" } } }))).GetProperty("services")[0].GetString()!;
        await Ok(clerk.PostJsonAsync(FilePath(caseId) + "/carrier-events", new { eventId = "platform-6301-1", carrier = "platform", reference = feeService, kind = "reached-system", occurredAt = api.Clock.GetUtcNow().AddMinutes(5) }));

        var waybill = WaybillNumber.Create("EA", 63_010_001).Value;
        await SummonsByExpressAsync(clerk, caseId, waybill);
        var china = TimeSpan.FromHours(8);
        var accepted = Event("ems-6301-1", waybill, "accepted", new DateTimeOffset(2022, 4, 23, 10, 0, 0, china));
        var outForDelivery = Event("ems-6301-2", waybill, "out-for-delivery", new DateTimeOffset(2022, 4, 25, 8, 0, 0, china));
        var delivered = Event("ems-6301-3", waybill, "delivered", new DateTimeOffset(2022, 4, 25, 10, 12, 0, china), Defendant, "recipient");

        api.Clock.Advance(TimeSpan.FromMinutes(31));
        Assert.Equal("accepted", (await Ok(api.PostWebhookAsync(accepted))).GetProperty("status").GetString());
        Assert.Equal("duplicate", (await Ok(api.PostWebhookAsync(accepted))).GetProperty("status").GetString());
        api.Clock.Advance(new DateTimeOffset(2022, 4, 25, 10, 15, 0, china) - api.Clock.GetUtcNow());
        Assert.Equal("accepted", (await Ok(api.PostWebhookAsync(delivered))).GetProperty("status").GetString());
        Assert.Equal("accepted", (await Ok(api.PostWebhookAsync(outForDelivery))).GetProperty("status").GetString()); // late, and earlier in carrier time

        clerk = await api.CreateClientAs("clerk"); // two days on: a fresh token
        var summons = (await DefendantServicesAsync(clerk, caseId)).EnumerateArray().Single();
        Assert.Equal(("served", "2022-04-25", "signature", "delivered"), (summons.GetProperty("outcome").GetString(), summons.GetProperty("servedOn").GetString(), summons.GetProperty("rule").GetString(), summons.GetProperty("lastEvent").GetString()));
        Assert.Equal(0, summons.GetProperty("warnings").GetArrayLength());
        // CPL Art. 85: counted from Tuesday 26 April, 15 days end on Tuesday 10 May, a working day.
        var answer = summons.GetProperty("periods").EnumerateArray().Single();
        Assert.Equal(("answer", 15, "2022-05-10"), (answer.GetProperty("kind").GetString(), answer.GetProperty("days").GetInt32(), answer.GetProperty("lastDay").GetString()));

        // Served Saturday 23 April: 7 days end on Saturday 30 April, the first day of the Labour Day holiday, so on Thursday 5 May.
        var file = await Ok(clerk.GetAsync(FilePath(caseId)));
        var fee = file.GetProperty("parties").EnumerateArray().Single(p => p.GetProperty("partyId").GetString() == "plaintiff").GetProperty("services")[0];
        Assert.Equal(("served", "2022-04-23", feeNotice), (fee.GetProperty("outcome").GetString(), fee.GetProperty("servedOn").GetString(), fee.GetProperty("documentNumber").GetString()));
        var feePeriod = fee.GetProperty("periods").EnumerateArray().Single();
        Assert.Equal(("fee-payment", 7, "2022-05-05"), (feePeriod.GetProperty("kind").GetString(), feePeriod.GetProperty("days").GetInt32(), feePeriod.GetProperty("lastDay").GetString()));

        var certificate = summons.GetProperty("certificateNumber").GetString()!;
        var document = await Ok(clerk.GetAsync("/api/documents/" + Uri.EscapeDataString(certificate)));
        var code = document.GetProperty("verificationCode").GetString()!;
        var content = document.GetProperty("content").ToString();
        Assert.Contains("2022年4月25日", content, StringComparison.Ordinal);
        Assert.Contains(waybill, content, StringComparison.Ordinal);
        Assert.Contains("本人", content, StringComparison.Ordinal);

        using var anonymous = api.CreateClient();
        var verify = await anonymous.GetAsync($"/verify?number={Uri.EscapeDataString(certificate)}&code={Uri.EscapeDataString(code)}");
        Assert.Equal(HttpStatusCode.OK, verify.StatusCode);
        var page = await verify.Content.ReadAsStringAsync();
        Assert.Matches("data-testid=\"verify-status\"[^>]*>\\s*有效", page);
        var forged = await (await anonymous.GetAsync($"/verify?number={Uri.EscapeDataString(certificate)}&code=AAAA-BBBB-CCCC-DDDD")).Content.ReadAsStringAsync();
        Assert.DoesNotMatch("data-testid=\"verify-status\"[^>]*>\\s*有效", forged);
    }
}
