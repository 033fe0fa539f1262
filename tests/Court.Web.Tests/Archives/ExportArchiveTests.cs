using System.Diagnostics;
using System.IO.Compression;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Court.Application.Common;
using Court.Application.Documents;
using Court.Application.EventStore;
using Court.Infrastructure.Persistence;
using Court.Testing;
using Court.Web.Tests.Documents.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Court.Web.Tests.Archives;

/// <summary>GET /api/archives/{streamId}/export and /verify on a case stream with an issued, executed notice.</summary>
public sealed class ExportArchiveTests(DocumentsApi api) : IClassFixture<DocumentsApi>
{
    [Fact]
    public async Task The_archive_holds_the_stream_and_its_documents_and_its_own_verifier_says_intact()
    {
        var (streamId, document) = await GivenACaseStreamWithAnExecutedNoticeAsync();

        var response = await (await api.As("clerk")).GetAsync($"/api/archives/{streamId}/export");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/zip", response.Content.Headers.ContentType?.MediaType);
        using var dir = new TempDirectory("court-archive");
        Extract(await response.Content.ReadAsByteArrayAsync(), dir.Path);
        Assert.True(File.Exists(dir.File("README.md")));

        var manifest = JsonNode.Parse(await File.ReadAllTextAsync(dir.File("manifest.json")))!;
        var streams = manifest["streams"]!.AsArray().Select(s => s!["streamId"]!.GetValue<string>()).ToList();
        Assert.Equal(streamId, streams[0]);
        Assert.Contains("docseries-cq0116-assisted-enforcement-notice-2022", streams);
        Assert.Contains("document-" + Court.Domain.Documents.DocumentNumber.TryParse(document.Number)!.LifecycleId, streams);
        Assert.True(manifest["verifiedAtExport"]!["isIntact"]!.GetValue<bool>());

        Assert.Empty(IndependentlyVerify(dir.Path));
        var (exit, output) = await RunVerifierAsync(dir.Path);
        Assert.Equal(0, exit);
        Assert.StartsWith("INTACT: 5 events in 3 streams", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_event_edited_inside_the_archive_is_detected_at_its_version()
    {
        var (streamId, _) = await GivenACaseStreamWithAnExecutedNoticeAsync();
        using var dir = new TempDirectory("court-archive");
        Extract(await (await api.As("judge")).GetByteArrayAsync($"/api/archives/{streamId}/export"), dir.Path);

        var events = JsonNode.Parse(await File.ReadAllTextAsync(dir.File("events.json")))!.AsArray();
        var second = events.First(e => e!["streamId"]!.GetValue<string>() == streamId && e["version"]!.GetValue<long>() == 1)!;
        second["data"] = second["data"]!.GetValue<string>().Replace("1000", "9000", StringComparison.Ordinal);
        await File.WriteAllTextAsync(dir.File("events.json"), events.ToJsonString());

        Assert.Contains(IndependentlyVerify(dir.Path), p => p == $"{streamId}@1");
        var (exit, output) = await RunVerifierAsync(dir.Path);
        Assert.Equal(1, exit);
        Assert.Contains($"{streamId} version 1: the event does not match its hash", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_event_edited_in_the_database_breaks_the_live_chain_and_the_export_says_so()
    {
        var (streamId, _) = await GivenACaseStreamWithAnExecutedNoticeAsync();
        var clerk = await api.As("clerk");
        var before = await (await clerk.GetAsync($"/api/archives/{streamId}/verify")).JsonAsync();
        Assert.True(before.GetProperty("intact").GetBoolean());
        Assert.Equal(2, before.GetProperty("headVersion").GetInt64());

        await api.InScopeAsync(async services =>
        {
            var db = services.GetRequiredService<CourtDbContext>();
            Assert.Equal(1, await db.Database.ExecuteSqlAsync($"UPDATE events SET data = REPLACE(data, '1000', '9000') WHERE stream_id = {streamId} AND version = 1"));
        });

        var after = await (await clerk.GetAsync($"/api/archives/{streamId}/verify")).JsonAsync();
        Assert.False(after.GetProperty("intact").GetBoolean());
        Assert.Equal(1, after.GetProperty("brokenAt").GetProperty("version").GetInt64());

        using var dir = new TempDirectory("court-archive");
        Extract(await clerk.GetByteArrayAsync($"/api/archives/{streamId}/export"), dir.Path);
        var manifest = JsonNode.Parse(await File.ReadAllTextAsync(dir.File("manifest.json")))!;
        Assert.False(manifest["verifiedAtExport"]!["isIntact"]!.GetValue<bool>());
        Assert.Equal(1, (await RunVerifierAsync(dir.Path)).Exit);
    }

    [Fact]
    public async Task Only_court_staff_may_export_and_an_unknown_stream_is_404()
    {
        var (streamId, _) = await GivenACaseStreamWithAnExecutedNoticeAsync();

        Assert.Equal(HttpStatusCode.Forbidden, (await (await api.As("nrb")).GetAsync($"/api/archives/{streamId}/export")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await api.Anonymous().GetAsync($"/api/archives/{streamId}/export")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await (await api.As("clerk")).GetAsync("/api/archives/no-such-stream/export")).StatusCode);
    }

    [Fact]
    public async Task Verifying_a_stream_that_does_not_exist_is_404_not_intact()
    {
        var response = await (await api.As("clerk")).GetAsync("/api/archives/no-such-stream/verify");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.DoesNotContain("intact", await response.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>A case stream of three events, and a notice issued in it and executed (its series excerpt and lifecycle).</summary>
    private async Task<(string StreamId, IssuedDocument Document)> GivenACaseStreamWithAnExecutedNoticeAsync()
    {
        var streamId = "archive-case-" + Guid.NewGuid().ToString("N")[..8];
        var store = api.Services.GetRequiredService<IEventStore>();
        var metadata = JsonSerializer.Serialize(new EventMetadata(Guid.NewGuid(), null, "clerk", null, api.Clock.GetUtcNow()), EventTypeRegistry.JsonOptions);
        await store.AppendToStreamAsync(streamId, ExpectedVersion.NoStream,
        [
            new EventData(Guid.NewGuid(), "archive-test.case-opened.v1", """{"caseNumber":"(2022)渝0116破1号"}""", metadata),
            new EventData(Guid.NewGuid(), "archive-test.asset-added.v1", """{"valueFen":1000}""", metadata),
            new EventData(Guid.NewGuid(), "archive-test.release-requested.v1", """{"asset":"鼎山大道88号"}""", metadata),
        ]);

        var scopes = api.Services.GetRequiredService<IServiceScopeFactory>();
        await using var scope = scopes.CreateScopeAs(new FixedCaller("judge", null, new HashSet<string> { Roles.Judge }, Guid.NewGuid()));
        var issuer = scope.ServiceProvider.GetRequiredService<DocumentIssuer>();
        var document = await issuer.IssueAsync(DocumentsApi.Notice() with { SourceStreamId = streamId });
        await issuer.MarkExecutedAsync(document.Number, "不动产登记第88号");
        return (streamId, document);
    }

    private static void Extract(byte[] zip, string path)
    {
        using var archive = new ZipArchive(new MemoryStream(zip));
        archive.ExtractToDirectory(path);
    }

    /// <summary>The README's algorithm, written again here: returns "stream@version" for every event that does not hold.</summary>
    private static List<string> IndependentlyVerify(string path)
    {
        var broken = new List<string>();
        var raw = File.ReadAllBytes(Path.Combine(path, "events.json"));
        var manifest = JsonNode.Parse(File.ReadAllText(Path.Combine(path, "manifest.json")))!;
        if (Convert.ToHexStringLower(SHA256.HashData(raw)) != manifest["files"]!["events.json"]!.GetValue<string>())
        {
            broken.Add("events.json");
        }

        var events = JsonNode.Parse(raw)!.AsArray();
        foreach (var stream in manifest["streams"]!.AsArray())
        {
            var id = stream!["streamId"]!.GetValue<string>();
            var hash = stream["previousHash"]!.GetValue<string>();
            foreach (var e in events.Where(e => e!["streamId"]!.GetValue<string>() == id).OrderBy(e => e!["version"]!.GetValue<long>()))
            {
                var text = string.Join('\n', hash, id, e!["version"]!.GetValue<long>(), e["eventId"]!.GetValue<string>(), e["type"]!.GetValue<string>(), e["recordedAt"]!.GetValue<long>(), e["data"]!.GetValue<string>(), e["metadata"]!.GetValue<string>());
                hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
                if (hash != e["hash"]!.GetValue<string>())
                {
                    broken.Add($"{id}@{e["version"]!.GetValue<long>()}");
                    break;
                }
            }
        }

        return broken;
    }

    private static async Task<(int Exit, string Output)> RunVerifierAsync(string path)
    {
        using var process = Process.Start(new ProcessStartInfo("python3", [Path.Combine(path, "verify.py")]) { RedirectStandardOutput = true })
            ?? throw new InvalidOperationException("python3 is needed to run the archive's own verifier.");
        var output = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, output);
    }
}
