using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Court.Application.Demo;
using Court.Application.EventStore;
using Court.Application.Projections;
using Court.Domain.Common;
using Court.Infrastructure;
using Court.Infrastructure.EventStore;
using Court.Testing;
using Court.Web.Tests.Bankruptcy.Support;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace Court.Web.Tests.Host;

/// <summary>
/// The command pipeline over HTTP, on real commands: bad input, validation, Idempotency-Key (also across a restart on
/// the same SQLite file), If-Match and write conflicts.
/// </summary>
public sealed class PipelineTests : IDisposable
{
    private readonly TempDirectory folder = new("court-pipeline");

    [Fact]
    public async Task Malformed_json_is_a_400_problem_not_a_500()
    {
        await using var host = new PipelineHost(folder.Path);
        using var clerk = await host.SignInAsync(DemoUsers.Clerk.UserName);

        foreach (var body in new[] { "{\"caseNumber\": ", "[1, 2", "{\"acceptedOn\": 12}", "not json at all" })
        {
            using var response = await clerk.PostAsync("/api/bankruptcy-cases", new StringContent(body, Encoding.UTF8, "application/json"));

            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        }
    }

    [Fact]
    public async Task Invalid_fields_are_a_400_problem_naming_each_field()
    {
        await using var host = new PipelineHost(folder.Path);
        using var clerk = await host.SignInAsync(DemoUsers.Clerk.UserName);

        using var response = await clerk.PostAsJsonAsync("/api/bankruptcy-cases", new { caseNumber = "(2022)渝0116破9号", debtorName = "", debtorCreditCode = "91500116MA5U5X7A8C", acceptedOn = "2022-04-20", administratorUserId = "admin", administratorName = "所" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var errors = (await ReadJsonAsync(response)).GetProperty("errors");
        Assert.True(errors.TryGetProperty("debtorName", out _), errors.ToString());
        Assert.True(errors.TryGetProperty("debtorCreditCode", out _), errors.ToString());
    }

    [Fact]
    public async Task The_same_key_and_body_replays_the_first_response_and_writes_once_also_after_a_restart()
    {
        var body = Samples.OpenCase("(2022)渝0116破21号");
        string first;
        long eventsAfterFirst;
        await using (var host = new PipelineHost(folder.Path))
        {
            using var clerk = await host.SignInAsync(DemoUsers.Clerk.UserName);
            using var created = await PostAsync(clerk, "/api/bankruptcy-cases", body, idempotencyKey: "open-21");
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
            first = await created.Content.ReadAsStringAsync();
            eventsAfterFirst = await host.CountEventsAsync();

            using var again = await PostAsync(clerk, "/api/bankruptcy-cases", body, idempotencyKey: "open-21");

            Assert.Equal(HttpStatusCode.Created, again.StatusCode);
            Assert.Equal("true", again.Headers.GetValues("Idempotent-Replayed").Single());
            Assert.Equal(first, await again.Content.ReadAsStringAsync());
            Assert.Equal(created.Headers.Location, again.Headers.Location);
            Assert.Equal(created.Headers.ETag, again.Headers.ETag);
            Assert.Equal(eventsAfterFirst, await host.CountEventsAsync());
        }

        await using (var restarted = new PipelineHost(folder.Path))
        {
            using var clerk = await restarted.SignInAsync(DemoUsers.Clerk.UserName);

            using var afterRestart = await PostAsync(clerk, "/api/bankruptcy-cases", body, idempotencyKey: "open-21");

            Assert.Equal(HttpStatusCode.Created, afterRestart.StatusCode);
            Assert.Equal("true", afterRestart.Headers.GetValues("Idempotent-Replayed").Single());
            Assert.Equal(first, await afterRestart.Content.ReadAsStringAsync());
            Assert.Equal(eventsAfterFirst, await restarted.CountEventsAsync());
        }
    }

    [Fact]
    public async Task The_same_key_with_another_body_is_a_422_and_writes_nothing()
    {
        await using var host = new PipelineHost(folder.Path);
        using var clerk = await host.SignInAsync(DemoUsers.Clerk.UserName);
        using var created = await PostAsync(clerk, "/api/bankruptcy-cases", Samples.OpenCase("(2022)渝0116破22号"), idempotencyKey: "open-22");
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var events = await host.CountEventsAsync();

        using var response = await PostAsync(clerk, "/api/bankruptcy-cases", Samples.OpenCase("(2022)渝0116破23号"), idempotencyKey: "open-22");

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(events, await host.CountEventsAsync());
    }

    [Fact]
    public async Task A_stale_If_Match_is_a_412_problem_and_writes_nothing()
    {
        await using var host = new PipelineHost(folder.Path);
        using var clerk = await host.SignInAsync(DemoUsers.Clerk.UserName);
        var caseId = await OpenCaseAsync(clerk, "(2022)渝0116破24号");
        var events = await host.CountEventsAsync();

        using var response = await PostAsync(clerk, $"/api/bankruptcy-cases/{caseId}/assets", Samples.Building(), ifMatch: "\"7\"");

        Assert.Equal(HttpStatusCode.PreconditionFailed, response.StatusCode);
        Assert.Equal("urn:court:error:concurrency", (await ReadJsonAsync(response)).GetProperty("type").GetString());
        Assert.Equal(events, await host.CountEventsAsync());
    }

    [Fact]
    public async Task Two_writes_that_collide_without_If_Match_are_one_success_and_one_409()
    {
        var gate = new WriterGate();
        await using var host = new PipelineHost(folder.Path, gate);
        using var clerk = await host.SignInAsync(DemoUsers.Clerk.UserName);
        var caseId = await OpenCaseAsync(clerk, "(2022)渝0116破25号");
        var store = host.Services.GetRequiredService<SqlEventStore>();

        // Hold the writer, let both requests load the case at version 0 and queue their appends, then let go:
        // both appends land in one batch at the same expected version, and only the first can win.
        var held = WriterGate.HoldAsync(store, host.Services.GetRequiredService<EventTypeRegistry>());
        await gate.Entered.Task;
        var one = PostAsync(clerk, $"/api/bankruptcy-cases/{caseId}/assets", Samples.Building("500116001001GB00001F00010001", "厂房一栋"));
        var other = PostAsync(clerk, $"/api/bankruptcy-cases/{caseId}/assets", Samples.Building("500116001001GB00001F00010002", "仓库一栋"));
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (store.Queued < 2 && DateTime.UtcNow < deadline && !one.IsCompleted && !other.IsCompleted)
        {
            await Task.Delay(10);
        }

        gate.Release.SetResult();
        await held;
        using var first = await one;
        using var second = await other;

        Assert.Equal([HttpStatusCode.Created, HttpStatusCode.Conflict], new[] { first.StatusCode, second.StatusCode }.Order());
        var conflict = first.StatusCode == HttpStatusCode.Conflict ? first : second;
        Assert.Equal("application/problem+json", conflict.Content.Headers.ContentType?.MediaType);
        Assert.Equal("urn:court:error:concurrency", (await ReadJsonAsync(conflict)).GetProperty("type").GetString());
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        folder.Dispose();
    }

    private static async Task<string> OpenCaseAsync(HttpClient client, string caseNumber)
    {
        using var response = await PostAsync(client, "/api/bankruptcy-cases", Samples.OpenCase(caseNumber));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await ReadJsonAsync(response)).GetProperty("id").GetString()!;
    }

    private static Task<HttpResponseMessage> PostAsync(HttpClient client, string path, object body, string? idempotencyKey = null, string? ifMatch = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(body) };
        if (idempotencyKey is not null)
        {
            request.Headers.Add("Idempotency-Key", idempotencyKey);
        }

        if (ifMatch is not null)
        {
            request.Headers.IfMatch.Add(EntityTagHeaderValue.Parse(ifMatch));
        }

        return client.SendAsync(request);
    }

    private static async Task<JsonElement> ReadJsonAsync(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
}

/// <summary>The host on a given SQLite data folder, demo users seeded (no demo cases); a second one on the same folder is a restart.</summary>
public sealed class PipelineHost(string dataDirectory, WriterGate? gate = null) : WebApplicationFactory<Program>
{
    public async Task<HttpClient> SignInAsync(string userName)
    {
        var client = CreateClient();
        using var response = await client.PostAsJsonAsync("/api/auth/token", new { username = userName, password = DemoUsers.Password });
        response.EnsureSuccessStatusCode();
        var token = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("access_token").GetString();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    public async Task<long> CountEventsAsync() => (await Services.GetRequiredService<IEventStore>().ReadAllAsync(0, int.MaxValue)).Count;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("Court:Database:Provider", "Sqlite");
        builder.UseSetting("Court:Database:DataDirectory", dataDirectory);
        builder.UseSetting("Court:Demo:Enabled", "true");
        builder.UseSetting("Court:Demo:Cases", "0");
        if (gate is not null)
        {
            builder.ConfigureTestServices(services =>
            {
                services.AddSingleton(new EventAssembly(typeof(WriterGate).Assembly));
                services.AddSingleton<IProjection>(gate);
            });
        }
    }
}

[EventType("test-web.writer-held.v1")]
public sealed record WriterHeld : IDomainEvent;

/// <summary>An inline projection that holds the event store's single writer inside a batch until released.</summary>
public sealed class WriterGate : IProjection
{
    public TaskCompletionSource Entered { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public TaskCompletionSource Release { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public string Name => "test-web-writer-gate";

    public ProjectionMode Mode => ProjectionMode.Inline;

    public static Task HoldAsync(IEventStore store, EventTypeRegistry registry) =>
        store.AppendToStreamAsync("writer-gate-" + Guid.NewGuid().ToString("N"), ExpectedVersion.NoStream, [registry.ToEventData(new WriterHeld(), new EventMetadata(Guid.NewGuid(), null, "test", null, DateTimeOffset.UnixEpoch))]);

    public bool Handles(IDomainEvent @event) => @event is WriterHeld;

    public async ValueTask ApplyAsync(EventEnvelope envelope, IDocumentSession session, CancellationToken cancellationToken)
    {
        Entered.TrySetResult();
        await Release.Task;
    }
}
