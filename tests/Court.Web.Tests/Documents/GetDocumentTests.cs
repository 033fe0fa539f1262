using System.Net;
using Court.Web.Tests.Documents.Support;
using UglyToad.PdfPig;

namespace Court.Web.Tests.Documents;

/// <summary>GET /api/documents/{number}, its PDF and its staff HTML page.</summary>
public sealed class GetDocumentTests(DocumentsApi api) : IClassFixture<DocumentsApi>
{
    [Fact]
    public async Task A_judge_reads_a_document_with_its_code_and_no_etag_until_it_is_first_changed()
    {
        var document = await api.IssueNoticeAsync();

        var response = await (await api.As("judge")).GetAsync($"/api/documents/{DocumentsApi.PathOf(document.Number)}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        // Its lifecycle stream does not exist yet: no version to match (EntityTags); If-Match: * or none for the first change.
        Assert.Null(response.Headers.ETag);
        var body = await response.JsonAsync();
        Assert.Equal(document.Number, body.GetProperty("number").GetString());
        Assert.Equal(document.VerificationCode, body.GetProperty("verificationCode").GetString());
        Assert.Equal("协助执行通知书", body.GetProperty("content").GetProperty("title").GetString());
    }

    [Fact]
    public async Task The_pdf_is_served_to_the_addressee_with_the_chinese_text_and_the_code()
    {
        var document = await api.IssueNoticeAsync();

        var response = await (await api.As("nrb")).GetAsync($"/api/documents/{DocumentsApi.PathOf(document.Number)}/document.pdf");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("inline", response.Content.Headers.ContentDisposition?.DispositionType);
        using var pdf = PdfDocument.Open(await response.Content.ReadAsByteArrayAsync());
        var text = string.Concat(pdf.GetPages().Select(p => string.Concat(p.Letters.Select(l => l.Value))));
        Assert.Contains("协助执行通知书", text, StringComparison.Ordinal);
        Assert.Contains(document.Number, text, StringComparison.Ordinal);
        Assert.Contains(document.VerificationCode, text, StringComparison.Ordinal);
        Assert.Contains("https://court.example.cn/verify", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Another_agency_can_neither_read_nor_print_the_document()
    {
        var document = await api.IssueNoticeAsync();
        var psb = await api.As("psb");

        Assert.Equal(HttpStatusCode.NotFound, (await psb.GetAsync($"/api/documents/{DocumentsApi.PathOf(document.Number)}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await psb.GetAsync($"/api/documents/{DocumentsApi.PathOf(document.Number)}/document.pdf")).StatusCode);
    }

    [Fact]
    public async Task Without_sign_in_the_document_is_401()
    {
        var document = await api.IssueNoticeAsync();

        var response = await api.Anonymous().GetAsync($"/api/documents/{DocumentsApi.PathOf(document.Number)}/document.pdf");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task An_unknown_number_is_404_problem_details()
    {
        var response = await (await api.As("judge")).GetAsync($"/api/documents/{DocumentsApi.PathOf("江津法协执字〔2022〕第8888号")}");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task The_staff_page_is_a_printable_a4_html_view()
    {
        var document = await api.IssueNoticeAsync();

        var response = await (await api.As("clerk")).GetAsync($"/documents/{DocumentsApi.PathOf(document.Number)}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("<html lang=\"zh-CN\">", html, StringComparison.Ordinal);
        Assert.Contains("@media print", html, StringComparison.Ordinal);
        Assert.Contains("协助执行通知书", html, StringComparison.Ordinal);
        Assert.Contains("<svg class=\"qr\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_stream_lists_its_documents_for_staff_and_only_the_addressees_for_an_agency()
    {
        var document = await api.IssueNoticeAsync();

        var forClerk = await (await (await api.As("clerk")).GetAsync("/api/documents?stream=release-request-web-1")).JsonAsync();
        var forPsb = await (await (await api.As("psb")).GetAsync("/api/documents?stream=release-request-web-1")).JsonAsync();

        Assert.Contains(forClerk.GetProperty("items").EnumerateArray(), d => d.GetProperty("number").GetString() == document.Number);
        Assert.Empty(forPsb.GetProperty("items").EnumerateArray());
    }

    [Fact]
    public async Task A_streams_documents_come_a_page_at_a_time_oldest_first_each_once_and_the_last_page_has_no_cursor()
    {
        for (var i = 0; i < 3; i++)
        {
            await api.IssueNoticeAsync();
        }

        var clerk = await api.As("clerk");
        var seen = new List<System.Text.Json.JsonElement>();
        string? next = null;
        do
        {
            var page = await (await clerk.GetAsync("/api/documents?stream=release-request-web-1&limit=2" + (next is null ? "" : "&after=" + Uri.EscapeDataString(next)))).JsonAsync();
            Assert.InRange(page.GetProperty("items").GetArrayLength(), 1, 2);
            Assert.Equal(page.GetProperty("hasMore").GetBoolean(), page.GetProperty("next").ValueKind == System.Text.Json.JsonValueKind.String);
            seen.AddRange(page.GetProperty("items").EnumerateArray());
            next = page.GetProperty("hasMore").GetBoolean() ? page.GetProperty("next").GetString() : null;
        }
        while (next is not null);

        var numbers = seen.Select(d => d.GetProperty("number").GetString()).ToList();
        Assert.True(numbers.Count >= 3);
        Assert.Equal(numbers.Count, numbers.Distinct().Count());
        Assert.Equal(seen.Select(d => d.GetProperty("issuedAt").GetDateTimeOffset()).Order(), seen.Select(d => d.GetProperty("issuedAt").GetDateTimeOffset()));
        Assert.Equal(HttpStatusCode.BadRequest, (await clerk.GetAsync("/api/documents?stream=release-request-web-1&limit=201")).StatusCode);
    }
}
