using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using Court.Application.Timeline;
using Court.Application.Workflows;
using Court.Domain.Bankruptcy;
using Court.Domain.Common;
using Court.Domain.Workflows;
using Court.Web.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Court.Web.Tests.Ui;

/// <summary>A court whose bankruptcy-case opening has a timeline sentence, as a slice would register it.</summary>
public sealed class CourtWithTimelineSentences : CourtWebFactory
{
    protected override void ConfigureServices(IServiceCollection services) =>
        services.AddTimelineSentence<BankruptcyCaseOpened>(
            zh: e => $"登记了破产案件 {e.CaseNumber}（债务人：{e.DebtorName}）",
            en: e => $"registered bankruptcy case {e.CaseNumber} (debtor: {e.DebtorName})");
}

public sealed class TimelineTests(CourtWithTimelineSentences app) : IClassFixture<CourtWithTimelineSentences>
{
    [Fact]
    public async Task A_stream_reads_as_sentences_in_either_language_with_the_actor_and_time()
    {
        using var client = await app.CreateClientAs("clerk");
        using var response = await client.PostAsJsonAsync("/api/bankruptcy-cases", new
        {
            caseNumber = "(2022)渝0116破301号",
            debtorName = "重庆江津某某食品有限公司",
            debtorCreditCode = "91500116MA5U5X7A8B",
            acceptedOn = "2022-04-20",
            administratorUserId = "admin",
            administratorName = "重庆某某律师事务所",
        });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var id = (await response.Content.ReadFromJsonAsync<Dictionary<string, System.Text.Json.JsonElement>>())!["id"].GetString();

        await using var scope = app.Services.CreateAsyncScope();
        var reader = scope.ServiceProvider.GetRequiredService<TimelineReader>();
        var zh = await reader.ReadAsync("bankruptcy-case-" + id, culture: new CultureInfo("zh-CN"));
        var en = await reader.ReadAsync("bankruptcy-case-" + id, culture: new CultureInfo("en"));

        var first = Assert.Single(zh);
        Assert.Equal("登记了破产案件 (2022)渝0116破301号（债务人：重庆江津某某食品有限公司）", first.Sentence);
        Assert.Equal("clerk", first.UserId);
        Assert.Equal(app.Clock.GetUtcNow(), first.OccurredAt);
        Assert.Equal("registered bankruptcy case (2022)渝0116破301号 (debtor: 重庆江津某某食品有限公司)", Assert.Single(en).Sentence);
    }

    [Fact]
    public async Task Only_event_types_a_slice_registered_have_a_sentence()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var reader = scope.ServiceProvider.GetRequiredService<TimelineReader>();

        Assert.True(reader.HasSentenceFor(typeof(BankruptcyCaseOpened)));
        Assert.False(reader.HasSentenceFor(typeof(EventNoSliceDescribes)));
    }

    [Fact]
    public async Task The_runtime_s_own_steps_read_by_the_titles_of_the_process_its_states_and_actions()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var sentences = scope.ServiceProvider.GetRequiredService<WorkflowSentences>();

        var moved = sentences.Describe(new WorkflowTransitioned("bankruptcy-asset-release", 1, "ApproveRelease", "Requested", new WorkflowStateEntry("AwaitingSeizingBodies", false)));
        var started = sentences.Describe(new WorkflowStarted("bankruptcy-asset-release", 1, new WorkflowStateEntry("Requested", false)));

        Assert.Equal("批准解封申请：流程由「待法官审批」进入「限期解除（查封机关）」", moved.Zh);
        Assert.Equal("Approve the release: the process moved from 'Awaiting the judge' to 'Awaiting the seizing bodies'", moved.En);
        Assert.Equal("启动「破产财产解除查封」流程，进入「待法官审批」", started.Zh);
        Assert.Equal("started the process 'Bankruptcy asset release' at 'Awaiting the judge'", started.En);
    }

    /// <summary>The events of the streams pages show as histories: bankruptcy, small-claims and government-debtor cases, and the runtime's own.</summary>
    private static readonly string?[] TimelineNamespaces =
        [typeof(BankruptcyCaseOpened).Namespace, typeof(Court.Domain.SmallClaims.SmallClaimsCaseFiled).Namespace, typeof(Court.Domain.GovernmentDebtors.GovernmentDebtCase).Namespace, typeof(WorkflowStarted).Namespace];

    [Fact]
    public async Task Every_event_of_a_history_has_a_sentence_so_no_history_shows_an_event_type_name()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var reader = scope.ServiceProvider.GetRequiredService<TimelineReader>();

        var missing = typeof(BankruptcyCaseOpened).Assembly.GetTypes()
            .Where(t => t.IsDefined(typeof(EventTypeAttribute), false) && TimelineNamespaces.Contains(t.Namespace) && !reader.HasSentenceFor(t)
                // A province's thresholds have a stream of their own, which the fee schedules page shows as a table.
                && t != typeof(Court.Domain.SmallClaims.ThresholdConfirmed) && t != typeof(Court.Domain.SmallClaims.ThresholdPublished))
            .Select(t => t.FullName).Order(StringComparer.Ordinal).ToList();

        Assert.Empty(missing);
    }

    [EventType("test.event-no-slice-describes.v1")]
    private sealed record EventNoSliceDescribes : IDomainEvent;
}
