using System.Net;
using System.Text.Json;
using Court.Application.Bankruptcy.Cases;
using Court.Application.Workflows;
using Court.Web.Tests.Bankruptcy.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Court.Web.Tests.Bankruptcy;

/// <summary>
/// A seizure that lapses while a release request for it is open (issue 12): the request is told, and the ruling and
/// notice issued afterwards name only the seizures still in force.
/// </summary>
public sealed class SeizureLapsingDuringReleaseTests(ApiWithOpenedCase api) : IClassFixture<ApiWithOpenedCase>
{
    private const string LapsingDocument = "渝江税冻〔2021〕3号";

    [Fact]
    public async Task The_open_request_is_told_and_the_ruling_issued_later_does_not_name_the_lapsed_seizure()
    {
        // A deposit account frozen twice on 10 May 2021 (one year: both expire on 10 May 2022); the first is renewed.
        var admin = await api.AsAdministrator();
        var account = (await (await admin.PostJsonAsync($"/api/bankruptcy-cases/{api.CaseId}/assets", new { kind = "DepositAccount", description = "一般存款账户", holdingAgency = "bank-ccb-jiangjin", estimatedValueFen = 2_000_000L, bank = "中国建设银行重庆江津支行", accountNumber = "50001234567890999" })).ReadJsonAsync(HttpStatusCode.Created)).GetProperty("assetId").GetString()!;
        var renewed = await api.RecordSeizureAsync(account, document: "(2021)渝0116执400号");
        var lapsing = await api.RecordSeizureAsync(account, "国家税务总局重庆市江津区税务局", LapsingDocument, "Queued");
        await (await admin.PostJsonAsync($"/api/assets/{account}/seizures/{renewed}/renew", new { documentNumber = "(2021)渝0116执400号之一", renewedOn = api.Today() })).ReadJsonAsync(HttpStatusCode.OK);
        var requestId = await api.RequestReleaseAsync(api.CaseId, account, renewed, lapsing);
        await api.ApproveAsync(requestId);

        // 20 days on, past 10 May: the sweep records the lapse and the process manager tells the request.
        api.Clock.Advance(TimeSpan.FromDays(20));
        await api.Services.GetRequiredService<SeizureExpirySweep>().RunOnceAsync(CancellationToken.None);
        await api.Services.GetRequiredService<IProcessManager>().CatchUpAsync(CancellationToken.None);
        await api.RunTimersAsync();

        var request = await api.ReleaseRequestAsync(requestId);
        var seizures = request.GetProperty("seizures").EnumerateArray().ToDictionary(s => s.GetProperty("seizureId").GetString()!);
        Assert.Equal("2022-05-10", seizures[lapsing].GetProperty("lapsedOn").GetString());
        Assert.False(seizures[renewed].TryGetProperty("lapsedOn", out var notLapsed) && notLapsed.ValueKind != JsonValueKind.Null);
        var timeline = await (await api.AsJudge()).GetJsonAsync($"/api/bankruptcy-cases/{api.CaseId}/timeline");
        Assert.Contains("期限届满失效", timeline.ToString(), StringComparison.Ordinal);

        await api.IssueRulingAsync(requestId);

        var details = await (await api.AsJudge()).GetJsonAsync($"/api/release-requests/{requestId}");
        var documents = details.GetProperty("documents").EnumerateArray().ToList();
        var issuedAfter = documents.Where(d => d.GetProperty("title").GetString() is "民事裁定书（解除查封）" or "协助执行通知书" or "通知书（解除查封）").ToList();
        Assert.Equal(3, issuedAfter.Count); // the ruling, the notice, and one notification: to the renewed seizure's body only
        Assert.DoesNotContain(issuedAfter, d => d.GetProperty("addressee").GetString() == "国家税务总局重庆市江津区税务局");
        foreach (var document in issuedAfter)
        {
            var text = (await (await api.AsJudge()).GetJsonAsync($"/api/documents/{Uri.EscapeDataString(document.GetProperty("number").GetString()!)}")).ToString();
            Assert.DoesNotContain(LapsingDocument, text, StringComparison.Ordinal);
            Assert.Contains("(2021)渝0116执400号", text, StringComparison.Ordinal);
        }
    }
}
