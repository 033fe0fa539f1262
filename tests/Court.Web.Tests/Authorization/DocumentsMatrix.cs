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
    }

    public IEnumerable<MatrixRow> Rows =>
    [
        // Court staff (and the system administrator, per DocumentAccess) and the addressee read it; others: 404.
        new("GET", "/api/documents/{number}", s => "/api/documents/" + Uri.EscapeDataString(s["document"]),
            Expect(401, 404, Each(200, "clerk", "judge", "sysadmin", "nrb"))),
        new("GET", "/api/documents", _ => "/api/documents/?stream=bankruptcy-case-matrix",
            Expect(401, 200)),
        new("POST", "/api/documents/{number}/execute", s => $"/api/documents/{Uri.EscapeDataString(s["document"])}/execute",
            Expect(401, 404, Each(200, "clerk", "judge", "sysadmin", "nrb")),
            Body: (_, _) => new { reference = "渝(2022)江津区不动产证明第0012345号" }),
        // Only a judge revokes; those who may see the document get 403, everyone else 404.
        new("POST", "/api/documents/{number}/revoke", s => $"/api/documents/{Uri.EscapeDataString(s["document-to-revoke"])}/revoke",
            Expect(401, 404, [.. Each(200, "judge"), .. Each(403, "clerk", "sysadmin", "nrb")]),
            Body: (_, _) => new { reason = "裁定已撤销" }),
        // Public and rate-limited: anyone may verify a code.
        new("GET", "/api/verify", s => $"/api/verify?number={Uri.EscapeDataString(s["document"])}&code={Uri.EscapeDataString(s["document-code"])}",
            Expect(200, 200)),
    ];
}
