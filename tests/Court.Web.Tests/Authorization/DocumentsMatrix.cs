using Court.Application.Common;
using Court.Application.Demo;
using Court.Application.Documents;
using Court.Domain.Common;
using Court.Domain.Documents;
using Microsoft.Extensions.DependencyInjection;
using static Court.Web.Tests.Authorization.Callers;

namespace Court.Web.Tests.Authorization;

public sealed class DocumentsMatrix : IMatrixRows
{
    private static readonly string[] LetterText = ["关于召开府院联席会议的函。"];

    public async Task SeedAsync(MatrixState state, IServiceProvider services)
    {
        var scopes = services.GetRequiredService<IServiceScopeFactory>();
        await using var scope = scopes.CreateScopeAs(DemoUsers.Judge.ToCaller(Guid.NewGuid()));
        var issuer = scope.ServiceProvider.GetRequiredService<DocumentIssuer>();
        foreach (var key in new[] { "document", "document-to-revoke" })
        {
            var issued = await issuer.IssueAsync(new DocumentToIssue(
                DocumentKind.AssistedEnforcementNotice,
                IssuingCourts.Jiangjin.Code,
                "bankruptcy-case-matrix",
                new DocumentContent(
                    "协助执行通知书",
                    "(2022)渝0116破1号",
                    Agencies.NaturalResources.NameZh,
                    Agencies.NaturalResources.Code,
                    [DocumentSection.Text("请协助解除对下列不动产的查封。")])));
            state[key] = issued.Number;
            state[key + "-code"] = issued.VerificationCode;
        }

        // A stream with events to archive: the documents' numbering series.
        state["series"] = DocumentIssuer.SeriesStreamId(DocumentNumber.TryParse(state["document"])!.Series);
    }

    public IEnumerable<MatrixRow> Rows =>
    [
        // The issuing court's clerks and judges and the addressee read it; everyone else (the system administrator
        // too: he sees no case data): 404.
        new("GET", "/api/documents/{number}", s => "/api/documents/" + Uri.EscapeDataString(s["document"]),
            Expect(401, 404, Each(200, "clerk", "judge", "nrb"))),
        new("GET", "/api/documents/{number}/document.pdf", s => $"/api/documents/{Uri.EscapeDataString(s["document"])}/document.pdf",
            Expect(401, 404, Each(200, "clerk", "judge", "nrb"))),
        // Any signed-in caller; the list holds only what he may see.
        new("GET", "/api/documents", _ => "/api/documents/?stream=bankruptcy-case-matrix",
            Expect(401, 200)),
        new("POST", "/api/documents", _ => "/api/documents",
            Expect(401, 403, Each(201, "clerk", "judge")),
            Body: (_, _) => new
            {
                kind = "OtherLetter",
                courtCode = "渝0116",
                sourceStreamId = "bankruptcy-case-matrix",
                content = new { title = "函", caseNumber = "(2022)渝0116破1号", addressee = "重庆市江津区人民政府办公室", sections = new[] { new { paragraphs = LetterText } } },
            }),
        new("POST", "/api/documents/{number}/execute", s => $"/api/documents/{Uri.EscapeDataString(s["document"])}/execute",
            Expect(401, 404, Each(200, "clerk", "judge", "nrb")),
            Body: (_, _) => new { reference = "渝(2022)江津区不动产证明第0012345号" }),
        // Only a judge revokes; those who may see the document get 403, everyone else 404.
        new("POST", "/api/documents/{number}/revoke", s => $"/api/documents/{Uri.EscapeDataString(s["document-to-revoke"])}/revoke",
            Expect(401, 404, [.. Each(200, "judge"), .. Each(403, "clerk", "nrb")]),
            Body: (_, _) => new { reason = "裁定已撤销" }),
        // Public and rate-limited: anyone may verify a code.
        new("GET", "/api/verify", s => $"/api/verify?number={Uri.EscapeDataString(s["document"])}&code={Uri.EscapeDataString(s["document-code"])}",
            Expect(200, 200)),
        // Archives carry case content: clerks and judges. The chain check shows none: the system administrator too.
        new("GET", "/api/archives/{streamId}/export", s => $"/api/archives/{s["series"]}/export",
            Expect(401, 403, Each(200, "clerk", "judge"))),
        new("GET", "/api/archives/{streamId}/verify", s => $"/api/archives/{s["series"]}/verify",
            Expect(401, 403, Each(200, "clerk", "judge", "sysadmin"))),
        // The whole log's check walks every stream: the system administrator, who keeps the archive.
        new("GET", "/api/archives/verify", _ => "/api/archives/verify",
            Expect(401, 403, Each(200, "sysadmin"))),
    ];
}
