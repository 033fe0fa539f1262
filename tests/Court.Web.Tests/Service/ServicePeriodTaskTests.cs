using System.Text.Json;
using Court.Web.Tests.Bankruptcy.Support;
using static Court.Web.Tests.Service.ServiceSteps;

namespace Court.Web.Tests.Service;

/// <summary>
/// The periods that run from service are tasks in the clerks' inbox: one per served document and period, titled by
/// the definition, due at the end of the period's last day (CPL Art. 85), gone when the file is closed.
/// </summary>
public sealed class ServicePeriodTaskTests(ServiceApi api) : IClassFixture<ServiceApi>
{
    [Fact]
    public async Task Each_period_from_a_served_document_is_a_clerk_task_due_on_its_last_day_until_the_file_closes()
    {
        var clerk = await api.As("clerk");
        var caseId = await SmallClaimsFileAsync(clerk, 6401);
        var caseNumber = "(2022)渝0116民初6401号";
        var summons = (await Ok(clerk.PostJsonAsync(FilePath(caseId) + "/services", new
        {
            recipientPartyId = "defendant",
            channel = "platform",
            documents = new[] { new { documentId = "summons-" + caseId, title = "应诉通知书", kind = "summons" } },
        }))).GetProperty("services")[0].GetString()!;
        Assert.Empty(await PeriodTasksAsync(clerk, caseNumber)); // ordered, not served: nothing runs yet

        // Reached the defendant's platform on Saturday 23 April 2022: 15 days from Sunday 24 April end on Sunday 8 May, a day off, so on Monday 9 May.
        await Ok(clerk.PostJsonAsync(FilePath(caseId) + "/carrier-events", new { eventId = "platform-6401-1", carrier = "platform", reference = summons, kind = "reached-system", occurredAt = api.Clock.GetUtcNow().AddMinutes(1) }));

        var task = Assert.Single(await PeriodTasksAsync(clerk, caseNumber));
        Assert.Equal(("答辩期届满", "Answer period ends"), (task.GetProperty("stateTitle").GetProperty("zh").GetString(), task.GetProperty("stateTitle").GetProperty("en").GetString()));
        Assert.Equal("2022-05-09", task.GetProperty("dueOn").GetString());
        Assert.Equal(new DateTimeOffset(2022, 5, 10, 0, 0, 0, TimeSpan.FromHours(8)), task.GetProperty("dueAt").GetDateTimeOffset());
        Assert.Equal("service-file-" + caseId, task.GetProperty("streamId").GetString());
        Assert.Contains("张三", task.GetProperty("subject").GetString(), StringComparison.Ordinal);
        Assert.Contains("2022-04-23", task.GetProperty("subject").GetString(), StringComparison.Ordinal);

        // The case page and the task are one computation.
        var served = (await DefendantServicesAsync(clerk, caseId)).EnumerateArray().Single();
        Assert.Equal("2022-05-09", served.GetProperty("periods")[0].GetProperty("lastDay").GetString());

        // Court staff outside the clerks' role have no such task.
        Assert.Empty(await PeriodTasksAsync(await api.As("judge"), caseNumber));

        await Ok(clerk.PostJsonAsync(FilePath(caseId) + "/closure", new { reason = "案件审结" }));
        Assert.Empty(await PeriodTasksAsync(clerk, caseNumber));
    }

    private static async Task<List<JsonElement>> PeriodTasksAsync(HttpClient client, string caseNumber) =>
        [.. (await Ok(client.GetAsync("/api/tasks?limit=50&q=" + Uri.EscapeDataString(caseNumber)))).GetProperty("items").EnumerateArray()
            .Where(t => t.GetProperty("workflowId").GetString() == "service-file")];
}
