using System.Security.Cryptography;
using System.Text;
using Court.Application.Documents;
using Court.Infrastructure.Persistence;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;

namespace Court.Infrastructure.Documents;

/// <summary>
/// The verification codes' secret: <c>Court:Documents:VerificationSecret</c> when configured (base64 of at least 32
/// bytes, or a passphrase of at least 32 characters), else a random 32-byte key generated on first use in the data
/// folder (<c>document-verification.key</c>) and kept there. Several web nodes must share one configured secret.
/// </summary>
public sealed partial class VerificationKey : IVerificationKey
{
    public const string FileName = "document-verification.key";

    private readonly Lazy<byte[]> key;

    public VerificationKey(IConfiguration configuration, DatabaseSettings database, ILogger<VerificationKey> logger)
    {
        var configured = configuration["Court:Documents:VerificationSecret"];
        var path = configuration["Court:Documents:VerificationKeyFile"] ?? Path.Combine(database.DataDirectory, FileName);
        key = new Lazy<byte[]>(() =>
        {
            if (!string.IsNullOrWhiteSpace(configured))
            {
                return FromConfiguration(configured);
            }

            if (database.Provider == DatabaseProvider.PostgreSql)
            {
                LogNodeLocalKey(logger, path);
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

    private static byte[] Read(string path)
    {
        var bytes = Convert.FromBase64String(File.ReadAllText(path).Trim());
        return bytes.Length >= 32 ? bytes : throw new InvalidOperationException($"The verification key in {path} is shorter than 32 bytes.");
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Court:Documents:VerificationSecret is not set: using the node-local key {Path}. Every web node must share one secret, or codes issued on one node fail on another.")]
    private static partial void LogNodeLocalKey(ILogger logger, string path);
}
