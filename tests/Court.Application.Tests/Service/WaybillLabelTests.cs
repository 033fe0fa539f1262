using System.Diagnostics;
using System.Globalization;
using Court.Application.Service;
using Court.Infrastructure.Documents;
using ZXing;
using ZXing.Common;

namespace Court.Application.Tests.Service;

/// <summary>The printable electronic waybill: an A6 page whose Code 128 barcode a scanner reads back as the S10 number.</summary>
public sealed class WaybillLabelTests
{
    private static readonly WaybillLabel Label = new(
        "EA123456785CN", "重庆市江津区人民法院", "重庆市江津区鼎山大道1号", "023-47521234", "张三", "重庆市江津区几江街道滨江路8号3-2", "13800000000",
        "(2022)渝0116民初6301号", ["应诉通知书及起诉状副本", "举证通知书"], true, "法院专递", new DateTimeOffset(2022, 4, 23, 9, 30, 0, TimeSpan.FromHours(8)));

    [Fact]
    public async Task The_label_is_one_A6_page_whose_barcode_reads_back_as_the_waybill_and_whose_text_names_recipient_and_mark()
    {
        var pdf = new WaybillLabelPdfRenderer().Render(Label);
        using var folder = new Court.Testing.TempDirectory("waybill");
        var file = Path.Combine(folder.Path, "label.pdf");
        await File.WriteAllBytesAsync(file, pdf);

        var text = await RunAsync("pdftotext", "-layout", file, "-");
        Assert.Contains("法院专递", text, StringComparison.Ordinal);
        Assert.Contains("张三", text, StringComparison.Ordinal);
        Assert.Contains("(2022)渝0116民初6301号", text, StringComparison.Ordinal);
        var info = await RunAsync("pdfinfo", file);
        Assert.Matches(@"Page size:\s+297\.6\d* x 419\.5\d* pts", info);

        var prefix = Path.Combine(folder.Path, "label");
        await RunAsync("pdftoppm", "-gray", "-r", "200", "-singlefile", file, prefix);
        var (width, height, gray) = ReadPgm(await File.ReadAllBytesAsync(prefix + ".pgm"));
        var reader = new BarcodeReaderGeneric { Options = new DecodingOptions { PossibleFormats = [BarcodeFormat.CODE_128], TryHarder = true } };
        var decoded = reader.Decode(new RGBLuminanceSource(gray, width, height, RGBLuminanceSource.BitmapFormat.Gray8));

        Assert.NotNull(decoded);
        Assert.Equal("EA123456785CN", decoded.Text);
    }

    private static async Task<string> RunAsync(string program, params string[] arguments)
    {
        var start = new ProcessStartInfo(program, arguments) { RedirectStandardOutput = true, RedirectStandardError = true };
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{program} (poppler-utils) is needed: ./test.sh installs it.");
        var output = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.Equal(0, process.ExitCode);
        return output;
    }

    private static (int Width, int Height, byte[] Gray) ReadPgm(byte[] bytes)
    {
        // P5 header: "P5\n<width> <height>\n<max>\n" then width*height bytes.
        var fields = new List<string>();
        var i = 0;
        while (fields.Count < 4)
        {
            while (char.IsWhiteSpace((char)bytes[i]))
            {
                i++;
            }

            var s = i;
            while (!char.IsWhiteSpace((char)bytes[i]))
            {
                i++;
            }

            fields.Add(System.Text.Encoding.ASCII.GetString(bytes, s, i - s));
        }

        return (int.Parse(fields[1], CultureInfo.InvariantCulture), int.Parse(fields[2], CultureInfo.InvariantCulture), bytes[(i + 1)..]);
    }
}
