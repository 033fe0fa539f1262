using System.Net;
using System.Text;
using Court.Web.Tests.Bankruptcy.Support;

namespace Court.Web.Tests.Bankruptcy;

/// <summary>GET /api/notices as CSV, and the OpenAPI document listing the contract with examples.</summary>
public sealed class InboxAndOpenApiTests(ApiWithNoticeAtTheBureau api) : IClassFixture<ApiWithNoticeAtTheBureau>
{
    [Fact]
    public async Task The_bureau_exports_its_inbox_as_csv()
    {
        var response = await (await api.AsBureau()).GetAsync("/api/notices?format=csv");

        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal(Encoding.UTF8.GetPreamble(), bytes[..3]);
        var lines = Encoding.UTF8.GetString(bytes[3..]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("notice_id,document_number,case_number", lines[0], StringComparison.Ordinal);
        Assert.Contains(lines, l => l.StartsWith(api.NoticeId, StringComparison.Ordinal) && l.Contains("(2022)渝0116破3号", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_openapi_document_has_every_bankruptcy_path_with_examples()
    {
        var document = await api.Anonymous().GetJsonAsync("/openapi/v1.json");
        var paths = document.GetProperty("paths");

        foreach (var path in new[]
        {
            "/api/bankruptcy-cases", "/api/bankruptcy-cases/{id}", "/api/bankruptcy-cases/{id}/timeline", "/api/bankruptcy-cases/{id}/assets",
            "/api/bankruptcy-cases/{id}/release-requests", "/api/release-requests/{id}/approve", "/api/release-requests/{id}/reject", "/api/notices",
            "/api/notices/{id}", "/api/notices/{id}/acknowledge", "/api/notices/{id}/execute", "/api/notices/{id}/query", "/api/notices/{id}/cannot-execute",
            "/api/assets/{id}/schedule-disposal", "/api/assets/{id}/record-sale", "/api/assets/{id}/confirm-sale", "/api/joint-meeting/agenda",
        })
        {
            Assert.True(paths.TryGetProperty(path, out _), $"{path} is not in the OpenAPI document");
        }

        var open = paths.GetProperty("/api/bankruptcy-cases").GetProperty("post");
        Assert.Equal("（2022）渝0116破1号", open.GetProperty("requestBody").GetProperty("content").GetProperty("application/json").GetProperty("example").GetProperty("caseNumber").GetString());
        Assert.True(paths.GetProperty("/api/notices/{id}/execute").GetProperty("post").GetProperty("requestBody").GetProperty("content").GetProperty("application/json").TryGetProperty("example", out _));
    }

    [Fact]
    public async Task Reads_carry_the_stream_version_as_etag()
    {
        var response = await (await api.AsBureau()).GetAsync($"/api/notices/{api.NoticeId}");

        var version = (await response.ReadJsonAsync(HttpStatusCode.OK)).GetProperty("notice").GetProperty("version").GetInt64();
        Assert.Equal($"\"{version}\"", response.Headers.ETag?.Tag);
        var stale = await (await api.AsBureau()).PostJsonAsync($"/api/notices/{api.NoticeId}/acknowledge", new { }, ifMatch: $"\"{version - 1}\"");
        Assert.Equal(HttpStatusCode.PreconditionFailed, stale.StatusCode);
    }
}
