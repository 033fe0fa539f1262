using Court.Application.Documents;
using Court.Infrastructure.Documents;
using Court.Infrastructure.Persistence;

namespace Court.Application.Tests.Documents;

/// <summary>
/// What the rendering tests share: one documents host on SQLite per test class, issuing as the slices do, and the
/// document rendered as its addressee gets it (PDF and HTML with the public verification link).
/// Set COURT_SAMPLE_PDF=/tmp/notice.pdf to keep the last PDF rendered, for a person to look at.
/// </summary>
public sealed class RenderingFixture : IAsyncLifetime
{
    public static readonly Uri PublicBase = new("https://court.example.cn/");

    private DocumentsHost? host;

    public async Task InitializeAsync() => host = await DocumentsHost.StartAsync(DatabaseProvider.Sqlite);

    public async Task DisposeAsync()
    {
        if (host is not null)
        {
            await host.DisposeAsync();
        }
    }

    public Task<IssuedDocument> IssueAsync(DocumentToIssue request) =>
        (host ?? throw new InvalidOperationException("The fixture is not started.")).WithIssuerAsync(d => d.IssueAsync(request));

    public static Uri UrlOf(IssuedDocument document) => VerificationLinks.For(PublicBase, document);

    public static async Task<byte[]> PdfAsync(IssuedDocument document)
    {
        var pdf = new DocumentRenderer().RenderPdf(document, UrlOf(document));
        if (Environment.GetEnvironmentVariable("COURT_SAMPLE_PDF") is { Length: > 0 } keep)
        {
            await File.WriteAllBytesAsync(keep, pdf);
        }

        return pdf;
    }

    public static string Html(IssuedDocument document) => new DocumentRenderer().RenderHtml(document, UrlOf(document));

    /// <summary>
    /// The text in the order it was drawn (a cell's lines one after another), without whitespace: pdftotext's reading
    /// order interleaves the cells of a grid, which says nothing about the document.
    /// </summary>
    public static string DrawnText(byte[] pdf)
    {
        using var parsed = UglyToad.PdfPig.PdfDocument.Open(pdf);
        return Flat(string.Concat(parsed.GetPages().Select(p => string.Concat(p.Letters.Select(l => l.Value)))));
    }

    /// <summary>pdftotext breaks lines and cells; compare without the whitespace.</summary>
    public static string Flat(string text) => string.Concat(text.Where(c => !char.IsWhiteSpace(c)));
}
