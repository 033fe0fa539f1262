using Court.Infrastructure.Documents;
using Court.Infrastructure.Persistence;
using Court.Testing;
using Microsoft.Extensions.Configuration;

namespace Court.Application.Tests.Documents;

public sealed class VerificationKeyTests
{
    [Fact]
    public void Without_configuration_a_key_is_generated_once_in_the_data_folder_readable_by_the_owner_only()
    {
        using var dir = new TempDirectory("court-key");
        var first = Key(dir.Path, null).ToArray();
        var again = Key(dir.Path, null).ToArray();

        Assert.Equal(32, first.Length);
        Assert.Equal(first, again);
        var path = Path.Combine(dir.Path, VerificationKey.FileName);
        Assert.True(File.Exists(path));
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(path));
        }
    }

    [Fact]
    public void Concurrent_first_starts_agree_on_one_key()
    {
        using var dir = new TempDirectory("court-key");
        var path = Path.Combine(dir.Path, VerificationKey.FileName);

        var keys = Enumerable.Range(0, 8).AsParallel().Select(_ => Convert.ToBase64String(VerificationKey.LoadOrCreate(path))).Distinct().ToList();

        Assert.Single(keys);
        Assert.Single(Directory.GetFiles(dir.Path));
    }

    [Fact]
    public void A_configured_secret_wins_over_the_file()
    {
        using var dir = new TempDirectory("court-key");
        var secret = Convert.ToBase64String(Enumerable.Range(0, 32).Select(i => (byte)(255 - i)).ToArray());

        var key = Key(dir.Path, secret).ToArray();

        Assert.Equal(Convert.FromBase64String(secret), key);
        Assert.False(File.Exists(Path.Combine(dir.Path, VerificationKey.FileName)));
    }

    [Fact]
    public void A_short_configured_secret_is_refused()
    {
        using var dir = new TempDirectory("court-key");
        var error = Assert.Throws<InvalidOperationException>(() => Key(dir.Path, "too-short").ToArray());
        Assert.Contains("VerificationSecret", error.Message, StringComparison.Ordinal);
    }

    private static ReadOnlySpan<byte> Key(string dataDirectory, string? secret)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Court:Documents:VerificationSecret"] = secret }).Build();
        var database = new DatabaseSettings { DataDirectory = dataDirectory };
        return new VerificationKey(configuration, database, new SharedKeys(new ConnectionFactory(database), database, TimeProvider.System)).Key;
    }
}
