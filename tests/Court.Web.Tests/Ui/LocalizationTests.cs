using System.Text.RegularExpressions;
using System.Xml.Linq;
using Court.Application.Common;
using Court.Web.Ui;

namespace Court.Web.Tests.Ui;

/// <summary>Every literal the shell and pages look up has its Chinese in the matching resx, so zh-CN never shows English.</summary>
public sealed partial class LocalizationTests
{
    private static readonly string Web = Path.Combine(FindRoot(), "src", "Court.Web");

    [Fact]
    public void Every_shared_string_used_in_a_view_or_page_model_has_a_chinese_translation()
    {
        var zh = Keys(Path.Combine(Web, "Resources", "SharedResource.zh-Hans.resx"));
        var used = Directory.EnumerateFiles(Path.Combine(Web, "Pages"), "*.*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".cshtml", StringComparison.Ordinal) || f.EndsWith(".cshtml.cs", StringComparison.Ordinal))
            .SelectMany(f => SharedLookup().Matches(File.ReadAllText(f)).Select(m => m.Groups[1].Value))
            .Concat(Roles.All.Select(RoleLabels.Of))
            .Concat(Roles.All.Select(r => "Workbench: " + RoleLabels.Of(r)))
            .Distinct()
            .ToList();

        Assert.NotEmpty(used);
        var missing = used.Where(k => !zh.Contains(k)).ToList();
        Assert.True(missing.Count == 0, "No Chinese in SharedResource.zh-Hans.resx for: " + string.Join(" | ", missing));
    }

    [Fact]
    public void Every_page_string_has_a_chinese_translation_in_the_pages_own_resx()
    {
        var pages = Directory.EnumerateFiles(Path.Combine(Web, "Pages"), "*.cshtml", SearchOption.AllDirectories)
            .Where(f => File.ReadAllText(f).Contains("IViewLocalizer", StringComparison.Ordinal))
            .ToList();

        Assert.NotEmpty(pages);
        foreach (var page in pages)
        {
            var relative = Path.GetRelativePath(Web, page);
            var resx = Path.Combine(Web, "Resources", Path.ChangeExtension(relative, null) + ".zh-Hans.resx");
            Assert.True(File.Exists(resx), $"{relative} uses IViewLocalizer but has no {Path.GetRelativePath(Web, resx)}");
            var zh = Keys(resx);
            var missing = ViewLookup().Matches(File.ReadAllText(page)).Select(m => m.Groups[1].Value).Where(k => !zh.Contains(k)).ToList();
            Assert.True(missing.Count == 0, $"{relative}: no Chinese for {string.Join(", ", missing)}");
        }
    }

    private static HashSet<string> Keys(string resx) =>
        XDocument.Load(resx).Root!.Elements("data").Select(d => (string)d.Attribute("name")!).ToHashSet(StringComparer.Ordinal);

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Court.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Court.sln not found above the test output.");
    }

    // T["..."] in views, localizer["..."] in page models.
    [GeneratedRegex("""(?:\bT|\blocalizer)\["((?:[^"\\]|\\.)+)"[\],]""")]
    private static partial Regex SharedLookup();

    [GeneratedRegex("""\bL\["((?:[^"\\]|\\.)+)"[\],]""")]
    private static partial Regex ViewLookup();
}
