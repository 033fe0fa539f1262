using System.Net;
using System.Text.Json;
using Court.Application.EventStore;
using Court.Domain.Bankruptcy;
using Court.Web.Tests.Bankruptcy.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Court.Web.Tests.Host;

/// <summary>
/// A command on a record that holds an event type this build does not know (written by a newer version) is refused
/// with a problem that says so, not a 500 with a stack trace; the timeline, which only shows events, still reads it.
/// </summary>
public sealed class UnknownEventTypeProblemTests(ApiWithOpenedCase api) : IClassFixture<ApiWithOpenedCase>
{
    [Fact]
    public async Task A_command_on_a_stream_with_an_unknown_event_type_is_a_409_naming_the_event_and_appends_nothing()
    {
        var stream = Estate.StreamPrefix + api.CaseId;
        var store = api.Services.GetRequiredService<IEventStore>();
        var metadata = JsonSerializer.Serialize(new EventMetadata(Guid.NewGuid(), null, "newer-build", null, api.Clock.GetUtcNow()), EventTypeRegistry.JsonOptions);
        await store.AppendToStreamAsync(stream, ExpectedVersion.StreamExists, [new EventData(Guid.NewGuid(), "bankruptcy.estate-merged.v9", "{\"estateId\":\"x\"}", metadata)]);
        var before = await store.GetStreamVersionAsync(stream);

        var admin = await api.AsAdministrator();
        admin.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en");
        var response = await admin.PostJsonAsync($"/api/bankruptcy-cases/{api.CaseId}/assets", Samples.Building());

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var body = await response.Content.ReadAsStringAsync();
        var problem = JsonDocument.Parse(body).RootElement;
        Assert.Equal("urn:court:error:unknown-event-type", problem.GetProperty("type").GetString());
        Assert.Equal("bankruptcy.estate-merged.v9", problem.GetProperty("eventType").GetString());
        Assert.Contains("upgrade", problem.GetProperty("title").GetString(), StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", body, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", body, StringComparison.Ordinal);
        Assert.Equal(before, await store.GetStreamVersionAsync(stream));

        // Only a reader that shows events skips the unknown one.
        var timeline = await (await api.AsJudge()).GetAsync($"/api/bankruptcy-cases/{api.CaseId}/timeline");
        Assert.Equal(HttpStatusCode.OK, timeline.StatusCode);
    }
}
