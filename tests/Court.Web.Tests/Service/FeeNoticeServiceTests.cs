using System.Text.Json;
using Court.Web.Tests.Bankruptcy.Support;
using static Court.Web.Tests.Service.ServiceSteps;

namespace Court.Web.Tests.Service;

/// <summary>
/// The small-claims fee notice's 7 days count from its service, not its issue (Fee Measures Art. 22): once the
/// service file records the notice as served, the case's notice, the clerk's fee list and the timeline say so.
/// </summary>
public sealed class FeeNoticeServiceTests(ServiceApi api) : IClassFixture<ServiceApi>
{
    private static readonly string[] FeeNoticeOnly = ["fee-notice"];

    [Fact]
    public async Task A_fee_notice_issued_on_filing_and_served_later_is_due_seven_days_after_its_service()
    {
        var clerk = await api.As("clerk");
        var caseId = await SmallClaimsFileAsync(clerk, 6501);
        var notice = (await Ok(clerk.GetAsync("/api/small-claims/cases/" + caseId))).GetProperty("notices")[0];
        var number = notice.GetProperty("documentNumber").GetString()!;
        // Issued Saturday 23 April 2022: from issue, 7 days end Saturday 30 April, in the Labour Day holiday, so Thursday 5 May.
        Assert.Equal("2022-05-05", notice.GetProperty("dueOn").GetString());

        // Served on Friday 6 May, on the plaintiff's platform: 7 days from Saturday 7 May end Friday 13 May.
        api.Clock.Advance(TimeSpan.FromDays(13));
        clerk = await api.CreateClientAs("clerk");
        await Ok(clerk.PostJsonAsync(FilePath(caseId) + "/address-confirmations", new { partyId = "plaintiff", postalAddress = "重庆市江津区鼎山街道1号", phone = "02347520000", platformAccount = "lender-6501", electronicConsent = FeeNoticeOnly, signedOn = "2022-05-06" }));
        var service = (await Ok(clerk.PostJsonAsync(FilePath(caseId) + "/services", new { recipientPartyId = "plaintiff", channel = "platform", documents = new[] { new { number, kind = "fee-notice" } } }))).GetProperty("services")[0].GetString()!;
        await Ok(clerk.PostJsonAsync(FilePath(caseId) + "/carrier-events", new { eventId = "platform-6501-1", carrier = "platform", reference = service, kind = "reached-system", occurredAt = api.Clock.GetUtcNow().AddMinutes(1) }));

        var served = await EventuallyAsync(async () => (await Ok(clerk.GetAsync("/api/small-claims/cases/" + caseId))).GetProperty("notices")[0], n => n.GetProperty("servedOn").ValueKind != JsonValueKind.Null);
        Assert.Equal(("2022-05-06", "2022-05-13"), (served.GetProperty("servedOn").GetString(), served.GetProperty("dueOn").GetString()));
        Assert.False(served.GetProperty("overdue").GetBoolean());

        // The clerk's list of outstanding notices and the service history agree with the case.
        var listed = (await clerk.GetItemsAsync("/api/fees/notices")).Single(n => n.GetProperty("caseId").GetString() == caseId);
        Assert.Equal("2022-05-13", listed.GetProperty("dueOn").GetString());
        var file = await Ok(clerk.GetAsync(FilePath(caseId)));
        var history = file.GetProperty("parties").EnumerateArray().Single(p => p.GetProperty("partyId").GetString() == "plaintiff").GetProperty("services")[0];
        Assert.Equal("2022-05-13", history.GetProperty("periods")[0].GetProperty("lastDay").GetString());
    }

    /// <summary>The case learns of the service from the process manager, after the certificate: wait for it (briefly).</summary>
    internal static async Task<JsonElement> EventuallyAsync(Func<Task<JsonElement>> read, Func<JsonElement, bool> done)
    {
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (true)
        {
            var value = await read();
            if (done(value) || DateTime.UtcNow > deadline)
            {
                return value;
            }

            await Task.Delay(100);
        }
    }
}

/// <summary>
/// The notice for the fee difference issued when the case leaves small claims (a final state) is re-timed from its
/// service like the others: the service is recorded on the case whatever its workflow state (decision 0072).
/// Its own fixture: it moves the clock, which the filing test above reads as the issue date.
/// </summary>
public sealed class ConversionFeeNoticeServiceTests(ServiceApi api) : IClassFixture<ServiceApi>
{
    private static readonly string[] FeeNoticeOnly = ["fee-notice"];

    [Fact]
    public async Task The_fee_notice_issued_on_conversion_and_served_later_is_due_seven_days_after_its_service()
    {
        var clerk = await api.As("clerk");
        var caseId = await SmallClaimsFileAsync(clerk, 6502);
        await Ok((await api.As("judge")).PostJsonAsync("/api/small-claims/cases/" + caseId + "/conversion", new { to = "ordinary", reason = "需要鉴定" }));
        var conversion = (await Ok(clerk.GetAsync("/api/small-claims/cases/" + caseId))).GetProperty("notices").EnumerateArray().Single(n => n.GetProperty("reason").GetString() == "conversion");
        var noticeId = conversion.GetProperty("noticeId").GetString();
        var number = conversion.GetProperty("documentNumber").GetString()!;
        // Issued Saturday 23 April 2022: from issue it would be due Thursday 5 May (after the Labour Day holiday).
        Assert.Equal(("converted", "2022-05-05"), ((await Ok(clerk.GetAsync("/api/small-claims/cases/" + caseId))).GetProperty("status").GetString(), conversion.GetProperty("dueOn").GetString()));

        // Served on the plaintiff's platform 13 days after the conversion (Friday 6 May 2022): due Friday 13 May.
        api.Clock.Advance(TimeSpan.FromDays(13));
        clerk = await api.CreateClientAs("clerk");
        await Ok(clerk.PostJsonAsync(FilePath(caseId) + "/address-confirmations", new { partyId = "plaintiff", postalAddress = "重庆市江津区鼎山街道1号", phone = "02347520000", platformAccount = "lender-6502", electronicConsent = FeeNoticeOnly, signedOn = "2022-05-06" }));
        var service = (await Ok(clerk.PostJsonAsync(FilePath(caseId) + "/services", new { recipientPartyId = "plaintiff", channel = "platform", documents = new[] { new { number, kind = "fee-notice" } } }))).GetProperty("services")[0].GetString()!;
        await Ok(clerk.PostJsonAsync(FilePath(caseId) + "/carrier-events", new { eventId = "platform-6502-1", carrier = "platform", reference = service, kind = "reached-system", occurredAt = api.Clock.GetUtcNow().AddMinutes(1) }));

        var served = await FeeNoticeServiceTests.EventuallyAsync(
            async () => (await Ok(clerk.GetAsync("/api/small-claims/cases/" + caseId))).GetProperty("notices").EnumerateArray().Single(n => n.GetProperty("noticeId").GetString() == noticeId),
            n => n.GetProperty("servedOn").ValueKind != JsonValueKind.Null);
        Assert.Equal(("2022-05-06", "2022-05-13"), (served.GetProperty("servedOn").GetString(), served.GetProperty("dueOn").GetString()));
        var listed = (await clerk.GetItemsAsync("/api/fees/notices")).Single(n => n.GetProperty("caseId").GetString() == caseId && n.GetProperty("documentNumber").GetString() == number);
        Assert.Equal("2022-05-13", listed.GetProperty("dueOn").GetString());
    }
}
