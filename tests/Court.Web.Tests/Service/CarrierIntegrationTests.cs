using System.Net;
using System.Text;
using Court.Domain.Identifiers;
using Court.Web.Tests.Bankruptcy.Support;
using static Court.Web.Tests.Service.ServiceSteps;

namespace Court.Web.Tests.Service;

/// <summary>The carrier's side: the signed webhook (signature, replay, idempotency, malformed events) and the daily file.</summary>
[Collection(ServiceCollection.Name)]
public sealed class CarrierIntegrationTests(ServiceApi api)
{
    private static string Waybill(int serial) => WaybillNumber.Create("EA", serial).Value;

    private async Task<(string CaseId, string Waybill)> SummonsSentAsync(int serial)
    {
        var clerk = await api.As("clerk");
        var caseId = await SmallClaimsFileAsync(clerk, serial);
        var waybill = Waybill(serial * 10_000 + 1);
        await SummonsByExpressAsync(clerk, caseId, waybill);
        return (caseId, waybill);
    }

    private async Task<int> StoredEventsAsync(string caseId) => (await DefendantServicesAsync(await api.As("clerk"), caseId))[0].GetProperty("lastEvent").ValueKind == System.Text.Json.JsonValueKind.Null
        ? 0
        : 1 + (await DefendantServicesAsync(await api.As("clerk"), caseId))[0].GetProperty("failedAttempts").GetInt32();

    [Fact]
    public async Task A_signed_event_is_accepted_once_and_the_same_event_again_is_a_duplicate_that_changes_nothing()
    {
        var (caseId, waybill) = await SummonsSentAsync(6101);
        var report = Event("hook-6101-1", waybill, "accepted", api.Clock.GetUtcNow());

        var first = await Ok(api.PostWebhookAsync(report));
        var second = await Ok(api.PostWebhookAsync(report));

        Assert.Equal(("accepted", "duplicate"), (first.GetProperty("status").GetString(), second.GetProperty("status").GetString()));
        Assert.Equal(first.GetProperty("version").GetInt64(), second.GetProperty("version").GetInt64());
        Assert.Equal(caseId, first.GetProperty("caseId").GetString());
        var dispatch = await Ok((await api.As("carrier")).GetAsync("/api/carrier/dispatch-list?limit=200"));
        Assert.DoesNotContain(dispatch.GetProperty("items").EnumerateArray(), d => d.GetProperty("waybill").GetString() == waybill);
    }

    [Fact]
    public async Task A_bad_signature_is_401_and_nothing_is_stored()
    {
        var (caseId, waybill) = await SummonsSentAsync(6102);

        var forged = await api.PostWebhookAsync(Event("hook-6102-1", waybill, "delivered", api.Clock.GetUtcNow(), Defendant, "recipient"), secret: "guessed");
        var unknownCarrier = await api.PostWebhookAsync(Event("hook-6102-2", waybill, "accepted", api.Clock.GetUtcNow()), carrier: "sf-express");

        Assert.Equal((HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized), (forged.StatusCode, unknownCarrier.StatusCode));
        Assert.Equal("application/problem+json", forged.Content.Headers.ContentType?.MediaType);
        Assert.Equal("pending", (await DefendantServicesAsync(await api.As("clerk"), caseId))[0].GetProperty("outcome").GetString());
        Assert.Equal(0, await StoredEventsAsync(caseId));
    }

    [Fact]
    public async Task A_call_signed_more_than_five_minutes_ago_is_refused_as_a_replay()
    {
        var (caseId, waybill) = await SummonsSentAsync(6103);
        var report = Event("hook-6103-1", waybill, "accepted", api.Clock.GetUtcNow());

        var stale = await api.PostWebhookAsync(report, at: api.Clock.GetUtcNow().AddMinutes(-6));
        var fresh = await api.PostWebhookAsync(report, at: api.Clock.GetUtcNow().AddMinutes(-4));

        Assert.Equal((HttpStatusCode.Unauthorized, HttpStatusCode.OK), (stale.StatusCode, fresh.StatusCode));
        Assert.Equal(1, await StoredEventsAsync(caseId));
    }

    [Fact]
    public async Task A_malformed_event_is_400_naming_the_field_and_nothing_is_stored()
    {
        var (caseId, waybill) = await SummonsSentAsync(6104);

        var badKind = await api.PostWebhookAsync(Event("hook-6104-1", waybill, "teleported", api.Clock.GetUtcNow()));
        var noSigner = await api.PostWebhookAsync(Event("hook-6104-2", waybill, "delivered", api.Clock.GetUtcNow()));
        var notJson = await api.PostWebhookAsync(new { }, rawBody: "{\"eventId\": \"x\", \"occurredAt\": \"yesterday\"}");

        Assert.Equal(HttpStatusCode.BadRequest, badKind.StatusCode);
        Assert.True((await badKind.ReadJsonAsync()).GetProperty("errors").TryGetProperty("kind", out _));
        Assert.True((await noSigner.ReadJsonAsync()).GetProperty("errors").TryGetProperty("signerName", out _));
        Assert.Equal(HttpStatusCode.BadRequest, notJson.StatusCode);
        Assert.True((await notJson.ReadJsonAsync()).GetProperty("errors").TryGetProperty("occurredAt", out _));
        Assert.Equal(0, await StoredEventsAsync(caseId));
    }

    [Fact]
    public async Task The_daily_file_reports_each_row_accepted_duplicate_or_refused_and_one_bad_row_loses_nothing_else()
    {
        var (caseId, waybill) = await SummonsSentAsync(6105);
        var at = api.Clock.GetUtcNow().ToOffset(TimeSpan.FromHours(8));
        var csv = new StringBuilder()
            .AppendLine("event_id,waybill,kind,occurred_at,signer_name,relationship,signer_id_number,return_reason,contact_reached,note")
            .AppendLine(System.Globalization.CultureInfo.InvariantCulture, $"b-6105-1,{waybill},accepted,{at.AddMinutes(1):O},,,,,,")
            .AppendLine(System.Globalization.CultureInfo.InvariantCulture, $"b-6105-1,{waybill},accepted,{at.AddMinutes(1):O},,,,,,")
            .AppendLine(System.Globalization.CultureInfo.InvariantCulture, $"b-6105-2,{waybill},delivered,{at.AddMinutes(2):O},,,,,,no signer")
            .AppendLine(System.Globalization.CultureInfo.InvariantCulture, $"b-6105-3,EA000000005CN,accepted,{at.AddMinutes(2):O},,,,,,")
            .AppendLine(System.Globalization.CultureInfo.InvariantCulture, $"b-6105-5,EA000000000CN,accepted,{at.AddMinutes(2):O},,,,,,")
            .AppendLine(System.Globalization.CultureInfo.InvariantCulture, $"b-6105-4,{waybill},delivered,{at.AddMinutes(3):O},\"{Defendant}\",recipient,,,,\"signed, at the door\"")
            .ToString();
        var carrier = await api.As("carrier");

        var report = await Ok(carrier.PostAsync("/api/carrier/batches", new StringContent(csv, Encoding.UTF8, "text/csv")));

        Assert.Equal((6, 2, 1, 3), (report.GetProperty("rows").GetInt32(), report.GetProperty("accepted").GetInt32(), report.GetProperty("duplicates").GetInt32(), report.GetProperty("refused").GetInt32()));
        var rows = report.GetProperty("results").EnumerateArray().ToList();
        Assert.Equal(["accepted", "duplicate", "refused", "refused", "refused", "accepted"], rows.Select(r => r.GetProperty("status").GetString()));
        Assert.Equal(("signerName", "carrier-event.reference-unknown", "waybill"), (rows[2].GetProperty("code").GetString(), rows[3].GetProperty("code").GetString(), rows[4].GetProperty("code").GetString()));
        Assert.Contains("校验不通过", rows[4].GetProperty("reason").GetString(), StringComparison.Ordinal);
        Assert.Equal([2, 3, 4, 5, 6, 7], rows.Select(r => r.GetProperty("line").GetInt32()));
        Assert.Equal("served", (await DefendantServicesAsync(await api.As("clerk"), caseId))[0].GetProperty("outcome").GetString());

        // The refused rows are kept after the report is gone: the carrier (and the court's clerk) can see what was refused and why.
        foreach (var reader in new[] { carrier, await api.As("clerk") })
        {
            var refusals = (await Ok(reader.GetAsync("/api/carrier/refusals?limit=100"))).GetProperty("items").EnumerateArray()
                .Where(r => r.GetProperty("eventId").GetString()!.StartsWith("b-6105-", StringComparison.Ordinal))
                .Select(r => (r.GetProperty("line").GetInt32(), r.GetProperty("eventId").GetString()!, r.GetProperty("code").GetString()!, r.GetProperty("reason").GetString()!.Length > 0))
                .OrderBy(r => r.Item1)
                .ToList();
            Assert.Equal([(4, "b-6105-2", "signerName", true), (5, "b-6105-3", "carrier-event.reference-unknown", true), (6, "b-6105-5", "waybill", true)], refusals);
        }
    }

    [Fact]
    public async Task A_carrier_reports_only_its_own_events()
    {
        var (_, waybill) = await SummonsSentAsync(6106);

        var other = await (await api.As("carrier")).PostJsonAsync("/api/carrier/events", new { eventId = "c-6106-1", carrier = "sf-express", reference = waybill, kind = "accepted", occurredAt = api.Clock.GetUtcNow() });

        Assert.Equal(HttpStatusCode.Forbidden, other.StatusCode);
    }
}
