using System.Net;
using System.Text.Json;
using Court.Application.Bankruptcy.Cases;
using Court.Application.Common;
using Court.Web.Tests.Bankruptcy.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Court.Web.Tests.Bankruptcy;

/// <summary>
/// A seizure past its expiry that the hourly sweep has not yet recorded as lapsed (issue 12): the ruling and notice
/// issued in between do not name it, because the decision reads the seizure's expiry at its own time.
/// </summary>
public sealed class RulingBeforeTheExpirySweepTests(ApiWithOpenedCaseAndNoExpirySweep api) : IClassFixture<ApiWithOpenedCaseAndNoExpirySweep>
{
    [Fact]
    public async Task A_ruling_issued_after_a_seizures_expiry_but_before_the_sweep_does_not_name_it()
    {
        // As above, but nothing records the lapse: the decisions themselves see that the tax bureau's freeze expired.
        var admin = await api.AsAdministrator();
        var account = (await (await admin.PostJsonAsync($"/api/bankruptcy-cases/{api.CaseId}/assets", new { kind = "DepositAccount", description = "基本存款账户", holdingAgency = "bank-ccb-jiangjin", estimatedValueFen = 1_000_000L, bank = "中国建设银行重庆江津支行", accountNumber = "50001234567890888" })).ReadJsonAsync(HttpStatusCode.Created)).GetProperty("assetId").GetString()!;
        var renewed = await api.RecordSeizureAsync(account, document: "(2021)渝0116执401号");
        var expiring = await api.RecordSeizureAsync(account, "国家税务总局重庆市江津区税务局", "渝江税冻〔2021〕4号", "Queued");
        await (await admin.PostJsonAsync($"/api/assets/{account}/seizures/{renewed}/renew", new { documentNumber = "(2021)渝0116执401号之一", renewedOn = api.Today() })).ReadJsonAsync(HttpStatusCode.OK);
        var requestId = await api.RequestReleaseAsync(api.CaseId, account, renewed, expiring);
        await api.ApproveAsync(requestId);

        api.Clock.Advance(TimeSpan.FromDays(20));
        await api.RunTimersAsync();
        await api.IssueRulingAsync(requestId);

        var details = await (await api.AsJudge()).GetJsonAsync($"/api/release-requests/{requestId}");
        var unswept = (await api.ReleaseRequestAsync(requestId)).GetProperty("seizures").EnumerateArray().Single(s => s.GetProperty("seizureId").GetString() == expiring);
        Assert.False(unswept.TryGetProperty("lapsedOn", out var lapsedOn) && lapsedOn.ValueKind != JsonValueKind.Null); // the sweep has not run
        var documents = details.GetProperty("documents").EnumerateArray().ToList();
        var ruling = documents.Single(d => d.GetProperty("title").GetString() == "民事裁定书（解除查封）");
        var notice = documents.Single(d => d.GetProperty("title").GetString() == "协助执行通知书");
        Assert.DoesNotContain(documents, d => d.GetProperty("title").GetString() == "通知书（解除查封）" && d.GetProperty("addressee").GetString() == "国家税务总局重庆市江津区税务局");
        foreach (var document in new[] { ruling, notice })
        {
            var text = (await (await api.AsJudge()).GetJsonAsync($"/api/documents/{Uri.EscapeDataString(document.GetProperty("number").GetString()!)}")).ToString();
            Assert.DoesNotContain("渝江税冻〔2021〕4号", text, StringComparison.Ordinal);
            Assert.Contains("(2021)渝0116执401号", text, StringComparison.Ordinal);
        }
    }
}

/// <summary>
/// An opened case whose host never runs the hourly expiry sweep: moving the fake clock would otherwise wake it, and the
/// test is about what decisions see before it runs.
/// </summary>
public sealed class ApiWithOpenedCaseAndNoExpirySweep : ApiWithOpenedCase
{
    protected override void ConfigureServices(IServiceCollection services)
    {
        foreach (var work in services.Where(d => d.ServiceType == typeof(ILeaderWork) && d.ImplementationFactory is not null).ToList())
        {
            services.Remove(work);
            services.AddSingleton<ILeaderWork>(sp => work.ImplementationFactory!(sp) is var original && original is SeizureExpirySweep ? new Idle() : (ILeaderWork)original);
        }
    }

    private sealed class Idle : ILeaderWork
    {
        public Task RunAsync(CancellationToken leadership) => Task.Delay(Timeout.Infinite, leadership);
    }
}
