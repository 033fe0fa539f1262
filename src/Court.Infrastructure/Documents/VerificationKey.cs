using System.Security.Cryptography;
using System.Text;
using Court.Application.Documents;
using Court.Infrastructure.Persistence;
using Microsoft.Extensions.Configuration;

namespace Court.Infrastructure.Documents;

/// <summary>
/// The verification codes' secret: <c>Court:Documents:VerificationSecret</c> when configured (base64 of at least 32
/// bytes, or a passphrase of at least 32 characters), else a random 32-byte key generated on first use in the data
/// folder (<c>document-verification.key</c>) and kept there on SQLite, or in the database on PostgreSQL, shared by
/// every node (<see cref="SharedKeys"/>, decision 0113).
/// </summary>
public sealed class VerificationKey : IVerificationKey
{
    public const string FileName = "document-verification.key";

    private readonly Lazy<byte[]> key;

    public const string SharedName = "document-verification";

    public VerificationKey(IConfiguration configuration, DatabaseSettings database, SharedKeys shared)
    {
        var configured = configuration["Court:Documents:VerificationSecret"];
        var path = configuration["Court:Documents:VerificationKeyFile"] ?? Path.Combine(database.DataDirectory, FileName);
        key = new Lazy<byte[]>(() =>
        {
            if (!string.IsNullOrWhiteSpace(configured))
            {
                return FromConfiguration(configured);
            }

            if (shared.InDatabase)
            {
                return Check(Convert.FromBase64String(shared.GetOrCreate(SharedName, path, () => Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)))), SharedName);
            }

            return LoadOrCreate(path);
        });
    }

    public ReadOnlySpan<byte> Key => key.Value;

    public static byte[] FromConfiguration(string configured)
    {
        Span<byte> buffer = stackalloc byte[configured.Length];
        if (Convert.TryFromBase64String(configured, buffer, out var written) && written >= 32)
        {
            return buffer[..written].ToArray();
        }

        return configured.Length >= 32
            ? Encoding.UTF8.GetBytes(configured)
            : throw new InvalidOperationException("Court:Documents:VerificationSecret is too short: give base64 of 32 random bytes or at least 32 characters.");
    }

    /// <summary>Reads the key file, or creates it atomically (write aside, then move into place) so two starting processes agree.</summary>
    public static byte[] LoadOrCreate(string path)
    {
        if (File.Exists(path))
        {
            return Read(path);
        }

        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        var temp = path + "." + Guid.NewGuid().ToString("N") + ".tmp";
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        using (var stream = new FileStream(temp, options))
        using (var writer = new StreamWriter(stream))
        {
            writer.Write(Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)));
            writer.Flush();
            stream.Flush(flushToDisk: true);
        }

        try
        {
            File.Move(temp, path, overwrite: false);
        }
        catch (IOException) when (File.Exists(path))
        {
            // Another process made it first: use theirs.
            File.Delete(temp);
        }

        return Read(path);
    }

    private static byte[] Read(string path) => Check(Convert.FromBase64String(File.ReadAllText(path).Trim()), path);

    private static byte[] Check(byte[] bytes, string where) =>
        bytes.Length >= 32 ? bytes : throw new InvalidOperationException($"The verification key in {where} is shorter than 32 bytes.");
}
