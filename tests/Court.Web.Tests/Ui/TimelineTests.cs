using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using Court.Application.Timeline;
using Court.Domain.Bankruptcy;
using Court.Domain.Common;
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

    [EventType("test.event-no-slice-describes.v1")]
    private sealed record EventNoSliceDescribes : IDomainEvent;
}
