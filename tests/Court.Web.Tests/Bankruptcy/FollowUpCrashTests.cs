using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Court.Application.Demo;
using Court.Application.Workflows;
using Court.Infrastructure.Persistence;
using Court.Testing;
using Court.Web.Tests.Bankruptcy.Support;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Court.Web.Tests.Bankruptcy;

/// <summary>
/// The seized building on a host whose process manager dies at a named follow-up step: from then on it carries out
/// nothing more (every reaction hangs until the host is disposed), as if the process had been killed there.
/// <see cref="Restarted"/> is a fresh host on the same SQLite file whose process manager works.
/// </summary>
public sealed class ApiWithDyingFollowUps : ApiWithSeizedBuilding
{
    private readonly TaskCompletionSource died = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly CancellationTokenSource shutdown = new();

    public ProcessManagerFaults Faults { get; } = new();

    /// <summary>Always a SQLite file, whatever COURT_TEST_POSTGRES says: the restart reopens the same file.</summary>
    protected override DatabaseProvider? Provider => DatabaseProvider.Sqlite;

    /// <summary>Dies just before <paramref name="reaction"/> writes anything.</summary>
    public void DieBefore(string reaction) => Faults.BeforeReaction = (_, name) => DieIf(name == reaction);

    /// <summary>Dies just after <paramref name="reaction"/> wrote, before the checkpoint moves past its event.</summary>
    public void DieAfter(string reaction)
    {
        Faults.BeforeReaction = (_, _) => DieIf(false);
        Faults.AfterReaction = (_, name) => DieIf(name == reaction);
    }

    /// <summary>Completes when the process manager reached the step it dies at.</summary>
    public async Task DiedAsync()
    {
        await died.Task.WaitAsync(TimeSpan.FromSeconds(30));
    }

    public WebApplicationFactory<Program> Restarted() =>
        WithWebHostBuilder(b => b.ConfigureTestServices(s => s.AddSingleton(new ProcessManagerFaults())));

    public async Task StopAsync()
    {
        await shutdown.CancelAsync();
        await ((IAsyncLifetime)this).DisposeAsync();
        shutdown.Dispose();
    }

    protected override void ConfigureServices(IServiceCollection services)
    {
        services.AddSingleton(Faults);

        // A command waits this long for its follow-ups before answering; they never come on the dying host.
        services.AddSingleton(new FollowUpSettings { Wait = TimeSpan.FromMilliseconds(300) });
    }

    private Task DieIf(bool here)
    {
        if (here)
        {
            died.TrySetResult();
        }

        return died.Task.IsCompleted ? Task.Delay(Timeout.Infinite, shutdown.Token) : Task.CompletedTask;
    }
}

/// <summary>
/// Follow-up steps survive a crash (issue 9): the host dies between a release's decision (escalation, approval) and
/// the letters the process manager issues for it; a restarted host on the same SQLite file issues them, exactly once.
/// </summary>
public sealed class FollowUpCrashTests
{
    private const string ToSuperiors = "bankruptcy.letters-to-superiors";
    private const string ToSeizingBodies = "bankruptcy.letters-to-seizing-bodies";

    [Fact]
    public async Task A_crash_between_the_escalation_and_the_letter_to_the_superior_issues_the_letter_once_after_the_restart()
    {
        var api = new ApiWithDyingFollowUps();
        await api.InitializeAsync();
        try
        {
            var (requestId, _, _) = await api.NewRequestAsync(api.CaseId, "Approved");
            var due = (await api.ReleaseRequestAsync(requestId)).GetProperty("dueAt").GetDateTimeOffset();
            api.DieBefore(ToSuperiors);

            api.Clock.SetUtcNow(due.AddHours(1));
            // The host's own timer loop may fire it first; either way it fires once.
            await api.Services.FireDueTimersAsync();
            await api.DiedAsync();

            // The escalation is durable, its letter is not issued.
            var (escalated, documents) = await RequestAsync(api, requestId);
            Assert.Equal("AwaitingSuperiors", escalated.GetProperty("stage").GetString());
            Assert.Empty(Titled(documents, "督促函"));

            await using var restarted = api.Restarted();
            await CatchUpTwiceAsync(restarted);

            var (after, afterDocuments) = await RequestAsync(restarted, requestId);
            var letter = Assert.Single(Titled(afterDocuments, "督促函"));
            Assert.Equal("重庆市第五中级人民法院", letter.GetProperty("addressee").GetString());
            var superior = Assert.Single(after.GetProperty("letters").EnumerateArray(), l => l.GetProperty("recipient").GetString() == "Superior");
            Assert.Equal(LastDay(after.GetProperty("dueAt").GetDateTimeOffset()), superior.GetProperty("dueOn").GetString());
        }
        finally
        {
            await api.StopAsync();
        }
    }

    [Fact]
    public async Task A_crash_after_the_letter_to_the_superior_but_before_the_checkpoint_moved_does_not_issue_it_twice()
    {
        var api = new ApiWithDyingFollowUps();
        await api.InitializeAsync();
        try
        {
            var (requestId, _, _) = await api.NewRequestAsync(api.CaseId, "Approved");
            var due = (await api.ReleaseRequestAsync(requestId)).GetProperty("dueAt").GetDateTimeOffset();
            api.DieAfter(ToSuperiors);

            api.Clock.SetUtcNow(due.AddHours(1));
            await api.Services.FireDueTimersAsync();
            await api.DiedAsync();
            Assert.Single(Titled((await RequestAsync(api, requestId)).Documents, "督促函"));

            // The restarted process manager finds the escalation after its checkpoint and runs its reaction again.
            await using var restarted = api.Restarted();
            await CatchUpTwiceAsync(restarted);

            Assert.Single(Titled((await RequestAsync(restarted, requestId)).Documents, "督促函"));
        }
        finally
        {
            await api.StopAsync();
        }
    }

    [Fact]
    public async Task A_crash_between_the_approval_and_the_letters_to_the_seizing_bodies_issues_each_letter_once_after_the_restart()
    {
        var api = new ApiWithDyingFollowUps();
        await api.InitializeAsync();
        try
        {
            var requestId = await api.RequestReleaseAsync(api.CaseId, api.AssetId, api.FirstSeizure, api.QueuedSeizure);
            api.DieBefore(ToSeizingBodies);

            await api.ApproveAsync(requestId);
            await api.DiedAsync();
            var (approved, documents) = await RequestAsync(api, requestId);
            Assert.Equal("AwaitingSeizingBodies", approved.GetProperty("stage").GetString());
            Assert.Empty(Titled(documents, "商请解除查封函"));

            await using var restarted = api.Restarted();
            await CatchUpTwiceAsync(restarted);

            var letters = Titled((await RequestAsync(restarted, requestId)).Documents, "商请解除查封函").Select(d => d.GetProperty("addressee").GetString()).Order().ToList();
            Assert.Equal(["国家税务总局重庆市江津区税务局", "重庆市江津区人民法院"], letters);
        }
        finally
        {
            await api.StopAsync();
        }
    }

    /// <summary>Two passes: the second finds nothing more to do, and issuing again would show as a second document.</summary>
    private static async Task CatchUpTwiceAsync(WebApplicationFactory<Program> host)
    {
        var manager = host.Services.GetRequiredService<IProcessManager>();
        await manager.CatchUpAsync(CancellationToken.None);
        await manager.CatchUpAsync(CancellationToken.None);
    }

    private static IEnumerable<JsonElement> Titled(JsonElement documents, string title) =>
        documents.EnumerateArray().Where(d => d.GetProperty("title").GetString() == title).ToList();

    private static string LastDay(DateTimeOffset dueAt) =>
        DateOnly.FromDateTime(dueAt.ToOffset(TimeSpan.FromHours(8)).AddTicks(-1).DateTime).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    private static async Task<(JsonElement Request, JsonElement Documents)> RequestAsync(WebApplicationFactory<Program> host, string requestId)
    {
        using var client = host.CreateClient();
        using var token = await client.PostAsJsonAsync("/api/auth/token", new { username = "judge", password = DemoUsers.Password });
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", (await token.ReadJsonAsync(HttpStatusCode.OK)).GetProperty("access_token").GetString());
        var details = await client.GetJsonAsync($"/api/release-requests/{requestId}");
        return (details.GetProperty("request"), details.GetProperty("documents"));
    }
}
