using Court.Application.Documents;

namespace Court.Infrastructure.Documents;

/// <summary>PDF through PDFsharp with the shipped CJK font; HTML as a self-contained print page.</summary>
public sealed class DocumentRenderer : IDocumentRenderer
{
    public byte[] RenderPdf(IssuedDocument document, Uri verificationUrl) => DocumentPdfRenderer.Render(document, verificationUrl);

    public string RenderHtml(IssuedDocument document, Uri verificationUrl) => DocumentHtmlRenderer.Render(document, verificationUrl);
}
