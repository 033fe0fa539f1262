using System.Text.Json;
using Court.Application.Workflows;
using Court.Domain.Fees;
using Court.Infrastructure.Persistence;
using Court.Infrastructure.Workflows;
using Court.Web.Tests.Bankruptcy.Support;
using Microsoft.Extensions.DependencyInjection;
using static Court.Web.Tests.Service.ServiceSteps;

namespace Court.Web.Tests.Service;

/// <summary>A host of its own: these tests move the clock a month on, which the shared service host's tests must not see.</summary>
public sealed class ServiceApiWithItsOwnClock : ServiceApi;

/// <summary>
/// A public notice's 30 days are the deadline of its own <c>public-notice</c> instance: the timer service fires it, the
/// service file records the notice served on the period's last day, and the periods that run from service start there.
/// </summary>
public sealed class PublicNoticeDeemedServiceTests(ServiceApiWithItsOwnClock api) : IClassFixture<ServiceApiWithItsOwnClock>
{
    /// <summary>Fires the due timers, then carries out the steps they cause, as the host's timer service and process manager would.</summary>
    private async Task<int> RunTimersAsync()
    {
        var fired = await api.Services.GetRequiredService<WorkflowTimerService>().RunOnceAsync(CancellationToken.None);
        await api.Services.GetRequiredService<IProcessManager>().CatchUpAsync(CancellationToken.None);
        return fired;
    }

    private static DateTimeOffset China(int year, int month, int day, int hour, int minute) => new(year, month, day, hour, minute, 0, ChinaTime.Offset);

    /// <summary>Opens an ordinary case's file, orders the summons on the defendant by public notice and records it published on <paramref name="publishedOn"/>; returns the service id.</summary>
    private static async Task<string> PublishedNoticeAsync(HttpClient clerk, string caseId, int serial, string publishedOn)
    {
        await Ok(clerk.PostJsonAsync("/api/service-files", new { caseId, caseNumber = $"(2022)渝0116民初{serial}号", procedure = "ordinary" }));
        await Ok(clerk.PostJsonAsync(FilePath(caseId) + "/parties", new { partyId = "defendant", role = "defendant", kind = "person", name = Defendant, idNumber = DefendantId }));
        var ordered = await Ok(clerk.PostJsonAsync(FilePath(caseId) + "/services", new { recipientPartyId = "defendant", channel = "public-notice", documents = new[] { new { documentId = $"n-{serial}", title = "应诉通知书", kind = "summons" } } }));
        var serviceId = ordered.GetProperty("services")[0].GetString()!;
        await Ok(clerk.PostJsonAsync($"{FilePath(caseId)}/services/{Uri.EscapeDataString(serviceId)}/publication", new { publishedOn, medium = "人民法院公告网" }));
        return serviceId;
    }

    [Fact]
    public async Task A_published_notice_is_served_when_its_thirty_day_timer_fires_and_the_answer_period_runs_from_its_last_day()
    {
        const string caseId = "ordinary-6201";
        var clerk = await api.As("clerk");

        // Published Saturday 2 April 2022 (recorded three weeks later): 30 days end on 2 May, inside the Labour Day holiday, so on Thursday 5 May.
        var serviceId = await PublishedNoticeAsync(clerk, caseId, 6201, "2022-04-02");
        // A second notice, on a file closed before its period runs out, is never served.
        await PublishedNoticeAsync(clerk, "ordinary-6202", 6202, "2022-04-02");
        await Ok(clerk.PostJsonAsync(FilePath("ordinary-6202") + "/closure", new { reason = "原告撤诉" }));
        // Twice: the periods' instances start in the process manager's step, whose timers the second pass records.
        Assert.Equal(0, await RunTimersAsync());
        Assert.Equal(0, await RunTimersAsync());

        var timer = Assert.Single(await api.Services.GetRequiredService<ConnectionFactory>().ListTimersAsync($"public-notice-{caseId}/{serviceId}"));
        Assert.Equal(("Running", "DeemPublicNoticeServed", China(2022, 5, 6, 0, 0), TimerStatus.Pending), (timer.State, timer.Trigger, timer.DueAt, timer.Status));
        var running = (await DefendantServicesAsync(clerk, caseId))[0];
        Assert.Equal(("pending", "public-notice", "2022-05-05"), (running.GetProperty("outcome").GetString(), running.GetProperty("desk").GetString(), running.GetProperty("deemedOn").GetString()));

        // Late on the last day the period has not run out: nothing fires, and reading the file does not serve it either.
        api.Clock.SetUtcNow(China(2022, 5, 5, 23, 0));
        Assert.Equal(0, await RunTimersAsync());
        clerk = await api.CreateClientAs("clerk"); // the clock moved on: a fresh token
        Assert.Equal("pending", (await DefendantServicesAsync(clerk, caseId))[0].GetProperty("outcome").GetString());

        api.Clock.SetUtcNow(China(2022, 5, 6, 0, 30));
        // The host's own timer service may fire one of them first: wait until both have fired and their steps are done.
        clerk = await api.CreateClientAs("clerk"); // the clock moved on: a fresh token
        for (var attempt = 0; attempt < 50; attempt++)
        {
            await RunTimersAsync();
            var timers = await api.Services.GetRequiredService<ConnectionFactory>().ListTimersAsync();
            if (timers.Count(t => t.StreamId.StartsWith("public-notice-ordinary-620", StringComparison.Ordinal) && t.Status == TimerStatus.Fired) == 2
                && (await DefendantServicesAsync(clerk, caseId))[0].GetProperty("certificateNumber").ValueKind == JsonValueKind.String)
            {
                break;
            }

            await Task.Delay(200);
        }

        var served = (await DefendantServicesAsync(clerk, caseId))[0];
        Assert.Equal(("served", "2022-05-05", "public-notice-deemed"), (served.GetProperty("outcome").GetString(), served.GetProperty("servedOn").GetString(), served.GetProperty("rule").GetString()));
        Assert.False(string.IsNullOrEmpty(served.GetProperty("certificateNumber").GetString()));
        // CPL Art. 85: counted from Friday 6 May, 15 days end on Friday 20 May, a working day.
        var answer = served.GetProperty("periods").EnumerateArray().Single();
        Assert.Equal(("answer", "2022-05-20"), (answer.GetProperty("kind").GetString(), answer.GetProperty("lastDay").GetString()));

        var version = (await Ok(clerk.GetAsync(FilePath(caseId)))).GetProperty("version").GetInt64();
        Assert.Equal(0, await RunTimersAsync());
        Assert.Equal(version, (await Ok(clerk.GetAsync(FilePath(caseId)))).GetProperty("version").GetInt64());
        var fired = Assert.Single(await api.Services.GetRequiredService<ConnectionFactory>().ListTimersAsync($"public-notice-{caseId}/{serviceId}"));
        Assert.Equal(TimerStatus.Fired, fired.Status);

        var closed = (await DefendantServicesAsync(clerk, "ordinary-6202"))[0];
        Assert.Equal(("pending", JsonValueKind.Null), (closed.GetProperty("outcome").GetString(), closed.GetProperty("servedOn").ValueKind));
    }
}
