using System.Net;
using Court.Infrastructure.Persistence;
using Court.Web.Tests.Documents.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Court.Web.Tests.Documents;

/// <summary>GET /api/verify: public, no sign-in, answers only genuine or not, status, court and date.</summary>
public sealed class VerifyDocumentTests(DocumentsApi api) : IClassFixture<DocumentsApi>
{
    [Fact]
    public async Task A_genuine_code_is_accepted_without_sign_in_and_answers_only_status_court_and_date()
    {
        var document = await api.IssueNoticeAsync();

        var response = await api.Anonymous().VerifyAsync(document.Number, document.VerificationCode);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("no-store", response.Headers.CacheControl?.ToString());
        var body = await response.JsonAsync();
        Assert.True(body.GetProperty("genuine").GetBoolean());
        Assert.Equal(document.Number, body.GetProperty("number").GetString());
        Assert.Equal("InForce", body.GetProperty("status").GetString());
        Assert.Equal("重庆市江津区人民法院", body.GetProperty("court").GetString());
        Assert.Equal("2022-04-23", body.GetProperty("issuedOn").GetString());
        Assert.Equal(["court", "genuine", "issuedOn", "number", "status"], body.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));
        var raw = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain("鼎山大道", raw, StringComparison.Ordinal);
        Assert.DoesNotContain("规划和自然资源局", raw, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_code_typed_in_lower_case_with_spaces_is_still_accepted()
    {
        var document = await api.IssueNoticeAsync();
        var typed = document.VerificationCode.ToLowerInvariant().Replace('-', ' ');

        var body = await (await api.Anonymous().VerifyAsync(document.Number.Replace('〔', '(').Replace('〕', ')'), typed)).JsonAsync();

        Assert.True(body.GetProperty("genuine").GetBoolean());
    }

    [Fact]
    public async Task An_altered_code_or_another_documents_number_is_rejected_and_reveals_nothing()
    {
        var document = await api.IssueNoticeAsync();
        var other = await api.IssueNoticeAsync("江津区几江街道艾坪山路1号");
        var code = document.VerificationCode;
        var alteredCode = code[..^1] + (code[^1] == 'A' ? 'B' : 'A');

        foreach (var (number, typed) in new[] { (document.Number, alteredCode), (other.Number, code), ("江津法协执字〔2022〕第9999号", code) })
        {
            var response = await api.Anonymous().VerifyAsync(number, typed);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var body = await response.JsonAsync();
            Assert.False(body.GetProperty("genuine").GetBoolean());
            Assert.Equal(System.Text.Json.JsonValueKind.Null, body.GetProperty("status").ValueKind);
            Assert.Equal(System.Text.Json.JsonValueKind.Null, body.GetProperty("number").ValueKind);
            Assert.Equal(System.Text.Json.JsonValueKind.Null, body.GetProperty("court").ValueKind);
        }
    }

    [Fact]
    public async Task Content_altered_in_the_database_no_longer_matches_its_hash_and_is_rejected()
    {
        var document = await api.IssueNoticeAsync("江津区几江街道通泰门路77号");
        Assert.True((await (await api.Anonymous().VerifyAsync(document.Number, document.VerificationCode)).JsonAsync()).GetProperty("genuine").GetBoolean());

        await api.InScopeAsync(async services =>
        {
            var db = services.GetRequiredService<CourtDbContext>();
            // The log stores JSON with non-ASCII escaped: "77号" is 77\u53F7. Only the content changes; the stored hash stays.
            const string from = "77\\u53F7";
            const string to = "78\\u53F7";
            var changed = await db.Database.ExecuteSqlRawAsync($"UPDATE events SET data = REPLACE(data, '{from}', '{to}') WHERE type = 'documents.document-issued.v1' AND data LIKE '%{from}%' ESCAPE '!'");
            Assert.Equal(1, changed);
        });

        var body = await (await api.Anonymous().VerifyAsync(document.Number, document.VerificationCode)).JsonAsync();
        Assert.False(body.GetProperty("genuine").GetBoolean());
    }

    [Fact]
    public async Task The_status_follows_execution_and_then_revocation()
    {
        var document = await api.IssueNoticeAsync();
        var path = $"/api/documents/{DocumentsApi.PathOf(document.Number)}";

        Assert.Equal(HttpStatusCode.OK, (await (await api.As("nrb")).PostJsonAsync(path + "/execute", new { reference = "渝(2022)江津区不动产登记第88号" })).StatusCode);
        Assert.Equal("Executed", (await (await api.Anonymous().VerifyAsync(document.Number, document.VerificationCode)).JsonAsync()).GetProperty("status").GetString());

        Assert.Equal(HttpStatusCode.OK, (await (await api.As("judge")).PostJsonAsync(path + "/revoke", new { reason = "原裁定已撤销" })).StatusCode);
        var body = await (await api.Anonymous().VerifyAsync(document.Number, document.VerificationCode)).JsonAsync();
        Assert.True(body.GetProperty("genuine").GetBoolean());
        Assert.Equal("Revoked", body.GetProperty("status").GetString());
    }

    [Fact]
    public async Task A_missing_code_is_a_400_problem_not_a_500()
    {
        var response = await api.Anonymous().GetAsync("/api/verify?number=x");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task The_openapi_document_describes_verify_with_a_genuine_and_a_not_genuine_example()
    {
        var openapi = await (await api.Anonymous().GetAsync("/openapi/v1.json")).JsonAsync();

        var get = openapi.GetProperty("paths").GetProperty("/api/verify").GetProperty("get");
        var examples = get.GetProperty("responses").GetProperty("200").GetProperty("content").GetProperty("application/json").GetProperty("examples");
        Assert.True(examples.GetProperty("genuine").GetProperty("value").GetProperty("genuine").GetBoolean());
        Assert.False(examples.GetProperty("not-genuine").GetProperty("value").GetProperty("genuine").GetBoolean());
    }
}
