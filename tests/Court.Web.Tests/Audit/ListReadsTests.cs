using System.Net;
using System.Text.Json;
using Court.Application.Common;
using Court.Application.Documents;
using Court.Web.Tests.Documents.Support;
using Court.Web.Tests.Support;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Court.Web.Tests.Audit;

/// <summary>GET /api/audit/reads: the trail of who read which case file, document, PDF and archive, for the system administrator.</summary>
public sealed class ListReadsTests(DocumentsApi api) : IClassFixture<DocumentsApi>
{
    [Fact]
    public async Task A_clerk_reading_a_document_and_its_pdf_is_on_the_trail_with_her_name_the_time_and_what_she_read()
    {
        var (stream, document) = await GivenADocumentInItsOwnStreamAsync();
        var clerk = await api.As("clerk");
        var at = api.Clock.GetUtcNow();

        Assert.Equal(HttpStatusCode.OK, (await clerk.GetAsync($"/api/documents/{DocumentsApi.PathOf(document.Number)}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await clerk.GetAsync($"/api/documents/{DocumentsApi.PathOf(document.Number)}/document.pdf")).StatusCode);

        var items = await TrailAsync($"stream={stream}");
        Assert.Equal(2, items.Count);
        // Newest first: the PDF, then the data.
        Assert.All(items, r =>
        {
            Assert.Equal("clerk", r.GetProperty("user").GetString());
            Assert.Equal("document", r.GetProperty("kind").GetString());
            Assert.Equal(document.Number, r.GetProperty("subject").GetString());
            Assert.Equal(stream, r.GetProperty("stream").GetString());
            Assert.Equal(at, r.GetProperty("at").GetDateTimeOffset());
        });
        Assert.Equal($"GET /api/documents/{DocumentsApi.PathOf(document.Number)}/document.pdf", items[0].GetProperty("via").GetString());
        Assert.Equal($"GET /api/documents/{DocumentsApi.PathOf(document.Number)}", items[1].GetProperty("via").GetString());
    }

    [Fact]
    public async Task A_document_read_by_its_id_is_recorded_by_its_number()
    {
        var (stream, document) = await GivenADocumentInItsOwnStreamAsync();

        Assert.Equal(HttpStatusCode.OK, (await (await api.As("judge")).GetAsync($"/api/documents/{document.Id}")).StatusCode);

        var read = Assert.Single(await TrailAsync($"stream={stream}"));
        Assert.Equal("judge", read.GetProperty("user").GetString());
        Assert.Equal(document.Number, read.GetProperty("subject").GetString());
    }

    [Fact]
    public async Task A_read_through_the_staff_page_is_on_the_trail_too()
    {
        var (stream, document) = await GivenADocumentInItsOwnStreamAsync();
        using var browser = api.CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = true });
        await CookieSignIn.PostLoginAsync(browser, "clerk");

        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync(new Uri($"/documents/{DocumentsApi.PathOf(document.Number)}", UriKind.Relative))).StatusCode);

        var read = Assert.Single(await TrailAsync($"stream={stream}"));
        Assert.Equal("clerk", read.GetProperty("user").GetString());
        Assert.Equal($"GET /documents/{DocumentsApi.PathOf(document.Number)}", read.GetProperty("via").GetString());
    }

    [Fact]
    public async Task A_refused_read_is_not_on_the_trail()
    {
        var (stream, document) = await GivenADocumentInItsOwnStreamAsync();

        Assert.Equal(HttpStatusCode.NotFound, (await (await api.As("psb")).GetAsync($"/api/documents/{DocumentsApi.PathOf(document.Number)}")).StatusCode);

        Assert.Empty(await TrailAsync($"stream={stream}"));
    }

    [Fact]
    public async Task An_archive_export_is_on_the_trail()
    {
        var (_, document) = await GivenADocumentInItsOwnStreamAsync();
        var series = DocumentIssuer.SeriesStreamId(Court.Domain.Documents.DocumentNumber.TryParse(document.Number)!.Series);

        Assert.Equal(HttpStatusCode.OK, (await (await api.As("judge")).GetAsync($"/api/archives/{series}/export")).StatusCode);

        var read = Assert.Single(await TrailAsync($"stream={series}&kind=archive"));
        Assert.Equal("judge", read.GetProperty("user").GetString());
        Assert.Equal(series, read.GetProperty("subject").GetString());
        Assert.Equal($"GET /api/archives/{series}/export", read.GetProperty("via").GetString());
    }

    [Theory]
    [InlineData("clerk")]
    [InlineData("judge")]
    [InlineData("nrb")]
    [InlineData("president")]
    public async Task Only_the_system_administrator_reads_the_trail(string user)
    {
        Assert.Equal(HttpStatusCode.Forbidden, (await (await api.As(user)).GetAsync("/api/audit/reads")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await (await api.As(user)).GetAsync("/api/audit/reads?format=csv")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await api.Anonymous().GetAsync("/api/audit/reads")).StatusCode);
    }

    [Fact]
    public async Task The_trail_is_paged_newest_first_and_filtered_by_user_and_time()
    {
        var (stream, document) = await GivenADocumentInItsOwnStreamAsync();
        var path = $"/api/documents/{DocumentsApi.PathOf(document.Number)}";
        var clerk = await api.As("clerk");
        var judge = await api.As("judge");
        var first = api.Clock.GetUtcNow();
        await clerk.GetAsync(path);
        api.Clock.Advance(TimeSpan.FromMinutes(1));
        var second = api.Clock.GetUtcNow();
        await judge.GetAsync(path);
        api.Clock.Advance(TimeSpan.FromMinutes(1));
        await clerk.GetAsync(path);
        var third = api.Clock.GetUtcNow();

        var admin = await api.As("sysadmin");
        var page1 = await (await admin.GetAsync($"/api/audit/reads?stream={stream}&limit=2&total=true")).JsonAsync();
        var items1 = page1.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal([third, second], items1.Select(r => r.GetProperty("at").GetDateTimeOffset()));
        Assert.True(page1.GetProperty("hasMore").GetBoolean());
        Assert.Equal(3, page1.GetProperty("total").GetInt64());
        var page2 = await (await admin.GetAsync($"/api/audit/reads?stream={stream}&limit=2&after={page1.GetProperty("next").GetString()}")).JsonAsync();
        var last = Assert.Single(page2.GetProperty("items").EnumerateArray());
        Assert.Equal(first, last.GetProperty("at").GetDateTimeOffset());
        Assert.False(page2.GetProperty("hasMore").GetBoolean());

        Assert.Equal(["clerk", "clerk"], (await TrailAsync($"stream={stream}&user=clerk")).Select(r => r.GetProperty("user").GetString()));
        var between = await TrailAsync($"stream={stream}&from={Uri.EscapeDataString(second.ToString("O"))}&to={Uri.EscapeDataString(third.ToString("O"))}");
        Assert.Equal("judge", Assert.Single(between).GetProperty("user").GetString());
    }

    [Fact]
    public async Task The_trail_exports_as_csv()
    {
        var (stream, document) = await GivenADocumentInItsOwnStreamAsync();
        await (await api.As("clerk")).GetAsync($"/api/documents/{DocumentsApi.PathOf(document.Number)}");

        var response = await (await api.As("sysadmin")).GetAsync($"/api/audit/reads?stream={stream}&format=csv");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        var lines = (await response.Content.ReadAsStringAsync()).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("at,user,agency,kind,record,stream,via,event_id", lines[0]);
        var row = Assert.Single(lines[1..]).Split(',');
        Assert.Equal(["clerk", "", "document", document.Number, stream], row[1..6]);
    }

    [Fact]
    public async Task A_range_that_ends_before_it_starts_is_a_400_naming_to()
    {
        var response = await (await api.As("sysadmin")).GetAsync("/api/audit/reads?from=2022-05-01T00:00:00Z&to=2022-04-01T00:00:00Z");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.JsonAsync();
        Assert.True(problem.GetProperty("errors").TryGetProperty("to", out _), problem.ToString());
    }

    private async Task<(string Stream, IssuedDocument Document)> GivenADocumentInItsOwnStreamAsync()
    {
        var stream = "release-request-audit-" + Guid.NewGuid().ToString("N");
        var scopes = api.Services.GetRequiredService<IServiceScopeFactory>();
        await using var scope = scopes.CreateScopeAs(new FixedCaller("judge", null, new HashSet<string> { Roles.Judge }, Guid.NewGuid()));
        var document = await scope.ServiceProvider.GetRequiredService<DocumentIssuer>().IssueAsync(DocumentsApi.Notice() with { SourceStreamId = stream });
        return (stream, document);
    }

    private async Task<List<JsonElement>> TrailAsync(string filters)
    {
        var response = await (await api.As("sysadmin")).GetAsync("/api/audit/reads?" + filters);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return [.. (await response.JsonAsync()).GetProperty("items").EnumerateArray()];
    }
}
