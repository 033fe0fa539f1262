using System.Net;
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

    [Fact]
    public async Task RecordPeriodDone_ends_the_periods_task_and_shows_on_the_case_and_a_bad_period_or_date_is_refused()
    {
        var clerk = await api.As("clerk");
        var caseId = await SmallClaimsFileAsync(clerk, 6402);
        var caseNumber = "(2022)渝0116民初6402号";
        var summons = (await Ok(clerk.PostJsonAsync(FilePath(caseId) + "/services", new
        {
            recipientPartyId = "defendant",
            channel = "platform",
            documents = new[] { new { documentId = "summons-" + caseId, title = "应诉通知书", kind = "summons" } },
        }))).GetProperty("services")[0].GetString()!;
        var path = $"{FilePath(caseId)}/services/{Uri.EscapeDataString(summons)}/period-done";

        // Not served yet: no period runs, nothing to be done.
        var early = await clerk.PostJsonAsync(path, new { period = "answer", doneOn = "2022-04-23" });
        Assert.Equal(HttpStatusCode.Conflict, early.StatusCode);
        Assert.Equal(("service.period-not-running", "period"), Problem(await early.ReadJsonAsync()));

        // Reached the platform on Saturday 23 April 2022, the court's today: the answer period runs from it.
        await Ok(clerk.PostJsonAsync(FilePath(caseId) + "/carrier-events", new { eventId = "platform-6402-1", carrier = "platform", reference = summons, kind = "reached-system", occurredAt = api.Clock.GetUtcNow().AddMinutes(1) }));
        Assert.Single(await PeriodTasksAsync(clerk, caseNumber));
        var version = (await Ok(clerk.GetAsync(FilePath(caseId)))).GetProperty("version").GetInt64();

        var unknown = await clerk.PostJsonAsync(path, new { period = "teleport", doneOn = "2022-04-23" });
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.Contains("answer", (await unknown.ReadJsonAsync()).GetProperty("errors").GetProperty("period")[0].GetString(), StringComparison.Ordinal);
        var missing = await clerk.PostJsonAsync(path, new { period = "answer" });
        Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
        Assert.True((await missing.ReadJsonAsync()).GetProperty("errors").TryGetProperty("doneOn", out _));

        var appeal = await clerk.PostJsonAsync(path, new { period = "appeal", doneOn = "2022-04-23" }); // a summons starts no appeal period
        Assert.Equal(HttpStatusCode.Conflict, appeal.StatusCode);
        Assert.Equal(("service.period-not-running", "period"), Problem(await appeal.ReadJsonAsync()));

        // Before the service date, or after today: refused, worded in the caller's language (zh-CN unless told otherwise).
        var before = await (await api.As("clerk")).PostJsonAsync(path, new { period = "answer", doneOn = "2022-04-22" });
        Assert.Equal(HttpStatusCode.BadRequest, before.StatusCode);
        var beforeProblem = await before.ReadJsonAsync();
        Assert.Equal(("service.period-done-on", "doneOn"), Problem(beforeProblem));
        Assert.Contains("完成日期应在送达日 2022-04-23", beforeProblem.GetProperty("title").GetString(), StringComparison.Ordinal);
        var future = await (await api.As("clerk")).InEnglish().PostJsonAsync(path, new { period = "answer", doneOn = "2022-05-01" });
        Assert.Equal(HttpStatusCode.BadRequest, future.StatusCode);
        var futureProblem = await future.ReadJsonAsync();
        Assert.Equal(("service.period-done-on", "doneOn"), Problem(futureProblem));
        Assert.Contains("between the service date 2022-04-23 and today", futureProblem.GetProperty("title").GetString(), StringComparison.Ordinal);

        // None of that stored anything: the file is as it was and the task still runs.
        Assert.Equal(version, (await Ok(clerk.GetAsync(FilePath(caseId)))).GetProperty("version").GetInt64());
        Assert.Single(await PeriodTasksAsync(clerk, caseNumber));

        await Ok(clerk.PostJsonAsync(path, new { period = "answer", doneOn = "2022-04-23" }));
        Assert.Empty(await PeriodTasksAsync(clerk, caseNumber));
        var period = (await DefendantServicesAsync(clerk, caseId))[0].GetProperty("periods")[0];
        Assert.Equal(("answer", "2022-04-23"), (period.GetProperty("kind").GetString(), period.GetProperty("doneOn").GetString()));
        var recorded = (await Ok(clerk.GetAsync(FilePath(caseId)))).GetProperty("version").GetInt64();
        Assert.Equal(version + 1, recorded);

        // The same again changes nothing (another date for the same act is a conflict: ServicePeriodTests).
        await Ok(clerk.PostJsonAsync(path, new { period = "answer", doneOn = "2022-04-23" }));
        Assert.Equal(recorded, (await Ok(clerk.GetAsync(FilePath(caseId)))).GetProperty("version").GetInt64());

        // The judge sees the file but the step is the clerk's.
        Assert.Equal(HttpStatusCode.Forbidden, (await (await api.As("judge")).PostJsonAsync(path, new { period = "answer", doneOn = "2022-04-23" })).StatusCode);
    }

    private static (string? Code, string? Field) Problem(JsonElement problem) =>
        (problem.GetProperty("code").GetString(), problem.GetProperty("field").GetString());

    private static async Task<List<JsonElement>> PeriodTasksAsync(HttpClient client, string caseNumber) =>
        [.. (await Ok(client.GetAsync("/api/tasks?limit=50&q=" + Uri.EscapeDataString(caseNumber)))).GetProperty("items").EnumerateArray()
            .Where(t => t.GetProperty("workflowId").GetString() == "service-file")];
}
