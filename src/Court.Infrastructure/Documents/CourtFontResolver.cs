using PdfSharp.Fonts;

namespace Court.Infrastructure.Documents;

/// <summary>
/// Serves every font request from the CJK TrueType font shipped inside this assembly (Noto Serif SC, OFL, subset to
/// the basic CJK block), so PDFs render on a bare machine with no system fonts. See docs/decisions (document fonts).
/// </summary>
public sealed class CourtFontResolver : IFontResolver
{
    public const string Family = "Court Serif";
    private const string Face = "NotoSerifSC-Regular";
    private const string Resource = "Court.Fonts.NotoSerifSC-Regular.ttf";

    private static readonly Lazy<byte[]> FontBytes = new(() =>
    {
        using var stream = typeof(CourtFontResolver).Assembly.GetManifestResourceStream(Resource)
            ?? throw new InvalidOperationException($"The embedded font {Resource} is missing from the build.");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    });

    private static readonly Lock Gate = new();
    private static CourtFontResolver? installed;

    private CourtFontResolver()
    {
    }

    /// <summary>Installs the resolver once per process (PDFsharp's setting is global and may be set only once).</summary>
    public static void EnsureInstalled()
    {
        lock (Gate)
        {
            if (installed is not null)
            {
                return;
            }

            installed = new CourtFontResolver();
            GlobalFontSettings.FontResolver = installed;
        }
    }

    /// <summary>The one face every family and style resolves to.</summary>
    public static FontResolverInfo Info { get; } = new(Face);

    public FontResolverInfo? ResolveTypeface(string familyName, bool bold, bool italic) => Info;

    public byte[]? GetFont(string faceName) => FontBytes.Value;
}
