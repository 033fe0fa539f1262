using System.Globalization;
using System.Text;
using QRCoder;

namespace Court.Infrastructure.Documents;

/// <summary>QR code modules for a URL (error correction M, quiet zone included), drawn by the PDF and HTML renderers.</summary>
public static class QrCodes
{
    public static bool[,] Modules(string text)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(text, QRCodeGenerator.ECCLevel.M);
        var rows = data.ModuleMatrix;
        var size = rows.Count;
        var modules = new bool[size, size];
        for (var y = 0; y < size; y++)
        {
            for (var x = 0; x < size; x++)
            {
                modules[y, x] = rows[y][x];
            }
        }

        return modules;
    }

    /// <summary>An inline SVG: one path of unit squares, scaled by the viewBox.</summary>
    public static string Svg(string text, string cssClass)
    {
        var modules = Modules(text);
        var size = modules.GetLength(0);
        var path = new StringBuilder();
        for (var y = 0; y < size; y++)
        {
            for (var x = 0; x < size; x++)
            {
                if (modules[y, x])
                {
                    path.Append(CultureInfo.InvariantCulture, $"M{x} {y}h1v1h-1z");
                }
            }
        }

        return $"<svg class=\"{cssClass}\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {size} {size}\" shape-rendering=\"crispEdges\" role=\"img\" aria-label=\"QR\"><rect width=\"{size}\" height=\"{size}\" fill=\"#fff\"/><path d=\"{path}\" fill=\"#000\"/></svg>";
    }
}
