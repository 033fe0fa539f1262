using Court.Infrastructure.Persistence;
using Court.Testing;
using Microsoft.Extensions.Configuration;

namespace Court.Web.Tests.Host;

/// <summary>Decision 0112: the data folder is a setting under the content root, and one that cannot be written is refused in one line.</summary>
public sealed class DataFolderTests
{
    [Fact]
    public void A_relative_data_folder_is_under_the_content_root_not_the_current_directory()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["contentRoot"] = "/opt/court",
            ["Court:Database:DataDirectory"] = "data",
        }).Build();

        Assert.Equal("/opt/court/data", DatabaseSettings.From(configuration).DataDirectory);
    }

    [Fact]
    public void A_data_folder_that_cannot_be_written_is_refused_naming_the_folder_and_the_permission()
    {
        using var temp = new TempDirectory("court-readonly");
        var blocked = Path.Combine(temp.Path, "not-a-folder");
        File.WriteAllText(blocked, "");
        var folder = Path.Combine(blocked, "data");

        var refused = Assert.Throws<DataDirectoryNotWritableException>(() => CourtHost.Build([$"--Court:Database:DataDirectory={folder}", "--environment=Testing"]));

        Assert.Contains(folder, refused.Message, StringComparison.Ordinal);
        Assert.Contains("write", refused.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', refused.Message);
    }
}
