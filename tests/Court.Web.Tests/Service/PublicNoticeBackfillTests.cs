using Court.Application.Service;
using Court.Application.Workflows;
using Court.Domain.Fees;
using Court.Infrastructure.Persistence;
using Court.Infrastructure.Workflows;
using Court.Web.Tests.Bankruptcy.Support;
using Court.Web.Tests.Support;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using static Court.Web.Tests.Service.ServiceSteps;

namespace Court.Web.Tests.Service;

/// <summary>
/// A court on one SQLite file, started again on the same file. <paramref name="beforeNoticePeriods"/> runs the court as
/// it was before <c>workflows/public-notice.v1.json</c>: no step starts a published notice's period.
/// </summary>
public sealed class CourtOnOneFile(HostData data, bool beforeNoticePeriods) : CourtWebFactory(data)
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Court:Database:DataDirectory", Data.DataDirectory); // the same SQLite file, not a node's folder
    }

    protected override void ConfigureServices(IServiceCollection services)
    {
        if (beforeNoticePeriods)
        {
            var starts = services.Single(d => d.ImplementationInstance is ReactionRegistration { Name: "service.public-notice-period-starts" });
            services.Remove(starts);
        }
    }
}

/// <summary>
/// Public notices published before the notice period had a definition have no period, so no timer deems them served:
/// start-up gives each one that is published, not served and on an open file its period (decision 0075).
/// </summary>
public sealed class PublicNoticeBackfillTests
{
    private static DateTimeOffset China(int month, int day, int hour, int minute) => new(2022, month, day, hour, minute, 0, ChinaTime.Offset);

    private static async Task<string> PublishedNoticeAsync(HttpClient clerk, string caseId, int serial)
    {
        await Ok(clerk.PostJsonAsync("/api/service-files", new { caseId, caseNumber = $"(2022)渝0116民初{serial}号", procedure = "ordinary" }));
        await Ok(clerk.PostJsonAsync(FilePath(caseId) + "/parties", new { partyId = "defendant", role = "defendant", kind = "person", name = Defendant, idNumber = DefendantId }));
        var ordered = await Ok(clerk.PostJsonAsync(FilePath(caseId) + "/services", new { recipientPartyId = "defendant", channel = "public-notice", documents = new[] { new { documentId = $"n-{serial}", title = "应诉通知书", kind = "summons" } } }));
        var serviceId = ordered.GetProperty("services")[0].GetString()!;
        await Ok(clerk.PostJsonAsync($"{FilePath(caseId)}/services/{Uri.EscapeDataString(serviceId)}/publication", new { publishedOn = "2022-04-02", medium = "人民法院公告网" }));
        return serviceId;
    }

    [Fact]
    public async Task A_notice_published_before_its_period_had_a_definition_gets_its_period_at_start_up_once_and_is_served_when_it_fires()
    {
        await using var data = await HostData.CreateAsync(DatabaseProvider.Sqlite);
        string serviceId;
        await using (var old = new CourtOnOneFile(data, beforeNoticePeriods: true))
        {
            await old.InitializeAsync();
            var clerk = await old.CreateClientAs("clerk");
            serviceId = await PublishedNoticeAsync(clerk, "ordinary-6301", 6301);
            // An open file's notice not yet published, and a published notice on a closed file: neither gets a period.
            await Ok(clerk.PostJsonAsync("/api/service-files", new { caseId = "ordinary-6302", caseNumber = "(2022)渝0116民初6302号", procedure = "ordinary" }));
            await Ok(clerk.PostJsonAsync(FilePath("ordinary-6302") + "/parties", new { partyId = "defendant", role = "defendant", kind = "person", name = Defendant, idNumber = DefendantId }));
            await Ok(clerk.PostJsonAsync(FilePath("ordinary-6302") + "/services", new { recipientPartyId = "defendant", channel = "public-notice", documents = new[] { new { documentId = "n-6302", title = "应诉通知书", kind = "summons" } } }));
            await PublishedNoticeAsync(clerk, "ordinary-6303", 6303);
            await Ok(clerk.PostJsonAsync(FilePath("ordinary-6303") + "/closure", new { reason = "原告撤诉" }));

            // The process manager passes the publications with nothing to do: the store as an upgraded court has it.
            await old.Services.GetRequiredService<IProcessManager>().CatchUpAsync(CancellationToken.None);
            Assert.Empty(await old.Services.GetRequiredService<ConnectionFactory>().ListTimersAsync());
        }

        await using (var upgraded = new CourtOnOneFile(data, beforeNoticePeriods: false))
        {
            await upgraded.InitializeAsync();
            var timers = upgraded.Services.GetRequiredService<ConnectionFactory>();

            // Started by start-up alone, counted from the publication date: 30 days end on 2 May (Labour Day), so on 5 May.
            var timer = Assert.Single(await timers.ListTimersAsync());
            Assert.Equal(($"public-notice-ordinary-6301/{serviceId}", "DeemPublicNoticeServed", China(5, 6, 0, 0), TimerStatus.Pending), (timer.StreamId, timer.Trigger, timer.DueAt, timer.Status));

            // Idempotent: running it again starts nothing.
            Assert.Empty(await upgraded.Services.GetRequiredService<PublicNoticePeriodBackfill>().RunAsync());
            Assert.Single(await timers.ListTimersAsync());

            upgraded.Clock.SetUtcNow(China(5, 6, 0, 30));
            var clerk = await upgraded.CreateClientAs("clerk");
            for (var attempt = 0; attempt < 50 && (await DefendantServicesAsync(clerk, "ordinary-6301"))[0].GetProperty("outcome").GetString() != "served"; attempt++)
            {
                await upgraded.Services.GetRequiredService<WorkflowTimerService>().RunOnceAsync(CancellationToken.None);
                await upgraded.Services.GetRequiredService<IProcessManager>().CatchUpAsync(CancellationToken.None);
                await Task.Delay(100);
            }

            var served = (await DefendantServicesAsync(clerk, "ordinary-6301"))[0];
            Assert.Equal(("served", "2022-05-05", "public-notice-deemed"), (served.GetProperty("outcome").GetString(), served.GetProperty("servedOn").GetString(), served.GetProperty("rule").GetString()));
            Assert.Equal("unrecorded", (await DefendantServicesAsync(clerk, "ordinary-6302"))[0].GetProperty("desk").GetString());
            Assert.Equal("pending", (await DefendantServicesAsync(clerk, "ordinary-6303"))[0].GetProperty("outcome").GetString());
        }

        // A third start on the same file: the served notice and the others are left as they are.
        await using var again = new CourtOnOneFile(data, beforeNoticePeriods: false);
        await again.InitializeAsync();
        Assert.Single(await again.Services.GetRequiredService<ConnectionFactory>().ListTimersAsync());
        Assert.Empty(await again.Services.GetRequiredService<PublicNoticePeriodBackfill>().RunAsync());
    }
}
