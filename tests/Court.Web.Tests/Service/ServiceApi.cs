using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Court.Web.Endpoints;
using Court.Web.Tests.Bankruptcy.Support;
using Court.Web.Tests.Fees.Support;

namespace Court.Web.Tests.Service;

/// <summary>
/// A court on Saturday 23 April 2022 with the Chongqing threshold confirmed (so small-claims cases can be filed) and
/// a webhook secret for the court's carrier. Service tests share it; each uses its own case numbers and waybills.
/// </summary>
public class ServiceApi : FeesApi
{
    public const string Carrier = "ems-jiangjin";
    public const string Secret = "test-carrier-secret";

    /// <summary>The court's public site: the verify links of its SMS and e-mail texts point here.</summary>
    public const string PublicSite = "https://court.example.cn/";

    protected override IReadOnlyDictionary<string, string?> ExtraSettings => new Dictionary<string, string?>
    {
        [$"Court:Service:Carriers:{Carrier}:Secret"] = Secret,
        ["Court:PublicBaseUrl"] = PublicSite,
        // The registry checks of lawyers are many here; the limit itself is VerifyRateLimitTests' and CheckAgentOfRecordTests'.
        ["Court:Documents:Verify:PermitLimit"] = "10000",
    };

    protected override async Task SeedAsync()
    {
        using var admin = await As("sysadmin");
        var response = await admin.PostAsync("/api/small-claims/thresholds/CQ/2022-01-01/confirmation", JsonContent.Create(new { notice = "渝高法〔2022〕1号（示例）" }));
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
    }

    /// <summary>Posts <paramref name="body"/> to the webhook signed with <paramref name="secret"/> at <paramref name="at"/> (the host's clock by default).</summary>
    public async Task<HttpResponseMessage> PostWebhookAsync(object body, string secret = Secret, DateTimeOffset? at = null, string carrier = Carrier, string? rawBody = null)
    {
        var json = rawBody ?? JsonSerializer.Serialize(body, BankruptcyApi.Json);
        var bytes = Encoding.UTF8.GetBytes(json);
        var timestamp = (at ?? Clock.GetUtcNow()).ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture);
        using var client = CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/carrier/webhook") { Content = new ByteArrayContent(bytes) };
        request.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        request.Headers.Add(ServiceEndpoints.CarrierHeader, carrier);
        request.Headers.Add(ServiceEndpoints.TimestampHeader, timestamp);
        request.Headers.Add(ServiceEndpoints.SignatureHeader, WebhookSignature.Sign(secret, timestamp, bytes));
        return await client.SendAsync(request);
    }
}

[CollectionDefinition(Name)]
public sealed class ServiceCollection : ICollectionFixture<ServiceApi>
{
    public const string Name = "service-api";
}

/// <summary>Steps the service tests share: a small-claims case with its service file, its two parties and the defendant's confirmed address.</summary>
internal static class ServiceSteps
{
    public const string Defendant = "张三";
    public const string DefendantId = "500116199001011234";
    public const string Plaintiff = "重庆某某小额贷款有限公司";
    public const string PlaintiffCode = "91500116MA5U5X7A8B";

    private static readonly string[] Consent = ["summons", "fee-notice"];

    public static string FilePath(string caseId) => "/api/service-files/" + caseId;

    /// <summary>Files small-claims case number <paramref name="serial"/> and opens its service file with both parties; returns the case id.</summary>
    public static async Task<string> SmallClaimsFileAsync(HttpClient clerk, int serial, bool confirmDefendant = true)
    {
        var filed = await clerk.PostJsonAsync("/api/small-claims/cases", new { caseNumber = $"(2022)渝0116民初{serial}号", plaintiff = Plaintiff, defendant = Defendant, judgeId = "judge", claim = 20_000m });
        var caseId = (await filed.ReadJsonAsync()).GetProperty("id").GetString()!;
        await Ok(clerk.PostJsonAsync("/api/service-files", new { caseId }));
        await Ok(clerk.PostJsonAsync(FilePath(caseId) + "/parties", new { partyId = "plaintiff", role = "plaintiff", kind = "organisation", name = Plaintiff, idNumber = PlaintiffCode }));
        await Ok(clerk.PostJsonAsync(FilePath(caseId) + "/parties", new { partyId = "defendant", role = "defendant", kind = "person", name = Defendant, idNumber = DefendantId }));
        if (confirmDefendant)
        {
            await Ok(clerk.PostJsonAsync(FilePath(caseId) + "/address-confirmations", new
            {
                partyId = "defendant",
                postalAddress = "重庆市江津区几江街道滨江路8号3-2",
                phone = "13800000000",
                email = "zhangsan@example.cn",
                platformAccount = "zs-platform",
                designatedReceiver = "王五",
                electronicConsent = Consent,
                signedOn = "2022-04-22",
            }));
        }

        return caseId;
    }

    /// <summary>Serves the summons on the defendant by judicial express under <paramref name="waybill"/>; returns the service id.</summary>
    public static async Task<string> SummonsByExpressAsync(HttpClient clerk, string caseId, string waybill, string documentId = "summons")
    {
        var served = await Ok(clerk.PostJsonAsync(FilePath(caseId) + "/services", new
        {
            recipientPartyId = "defendant",
            channel = "judicial-express",
            waybill,
            documents = new[] { new { documentId = documentId + "-" + caseId, title = "应诉通知书", kind = "summons" } },
        }));
        return served.GetProperty("services")[0].GetString()!;
    }

    public static object Event(string id, string waybill, string kind, DateTimeOffset at, string? signer = null, string? relationship = null, string? returnReason = null, bool? contactReached = null) => new
    {
        eventId = id,
        carrier = ServiceApi.Carrier,
        reference = waybill,
        kind,
        occurredAt = at,
        signerName = signer,
        relationship,
        returnReason,
        contactReached,
    };

    /// <summary>The defendant's services in the case's history.</summary>
    public static async Task<JsonElement> DefendantServicesAsync(HttpClient client, string caseId)
    {
        var file = await Ok(client.GetAsync(FilePath(caseId)));
        return file.GetProperty("parties").EnumerateArray().Single(p => p.GetProperty("partyId").GetString() == "defendant").GetProperty("services");
    }

    public static async Task<JsonElement> Ok(Task<HttpResponseMessage> sending)
    {
        var response = await sending;
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}: {body}");
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    public static HttpClient InEnglish(this HttpClient client)
    {
        client.DefaultRequestHeaders.AcceptLanguage.Clear();
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en");
        return client;
    }
}
