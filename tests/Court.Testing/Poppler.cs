using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;

namespace Court.Testing;

/// <summary>What poppler-utils (pdfinfo, pdftotext) read from a rendered PDF: the file as a printer or a reader gets it.</summary>
public static partial class Poppler
{
    /// <summary>The page count pdfinfo reports, and whether every page is A4 (595 x 842 pt).</summary>
    public static async Task<(int Pages, bool A4)> InfoAsync(byte[] pdf)
    {
        using var dir = new TempDirectory("court-pdfinfo");
        var file = dir.File("document.pdf");
        await File.WriteAllBytesAsync(file, pdf);
        var info = await RunAsync("pdfinfo", file);
        var pages = int.Parse(PagesLine().Match(info).Groups[1].Value, CultureInfo.InvariantCulture);
        return (pages, A4Line().IsMatch(info));
    }

    /// <summary>The text pdftotext extracts, page by page (pages are separated by form feeds), in reading order.</summary>
    public static async Task<string> TextAsync(byte[] pdf, bool layout = false)
    {
        using var dir = new TempDirectory("court-pdftotext");
        var file = dir.File("document.pdf");
        await File.WriteAllBytesAsync(file, pdf);
        return await RunAsync("pdftotext", layout ? ["-layout", file, "-"] : [file, "-"]);
    }

    private static async Task<string> RunAsync(string program, params string[] arguments)
    {
        var start = new ProcessStartInfo(program, arguments) { RedirectStandardOutput = true, RedirectStandardError = true };
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{program} (poppler-utils) is needed: ./test.sh installs it.");
        var output = await process.StandardOutput.ReadToEndAsync();
        var error = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{program} failed ({process.ExitCode}): {error}");
        }

        return output;
    }

    [GeneratedRegex(@"^Pages:\s+(\d+)", RegexOptions.Multiline)]
    private static partial Regex PagesLine();

    [GeneratedRegex(@"^Page size:\s+595(\.\d+)? x 84[12](\.\d+)? pts \(A4\)", RegexOptions.Multiline)]
    private static partial Regex A4Line();
}
