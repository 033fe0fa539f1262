using System.Security.Cryptography;
using Court.Infrastructure.Persistence;
using Microsoft.IdentityModel.Tokens;

namespace Court.Web.Auth;

/// <summary>
/// The HMAC key that signs bearer tokens: from configuration when given; otherwise generated once and shared through
/// the database on PostgreSQL (<see cref="SharedKeys"/>), or kept in <c>{data}/keys/token-signing.key</c> on SQLite,
/// so tokens survive a restart and every node accepts every node's tokens.
/// </summary>
public sealed class SigningKeyProvider
{
    public const string SharedName = "token-signing";

    public SigningKeyProvider(AuthSettings settings, DatabaseSettings database, SharedKeys shared)
    {
        var file = Path.Combine(database.DataDirectory, "keys", "token-signing.key");
        var bytes = !string.IsNullOrWhiteSpace(settings.SigningKey) ? Convert.FromBase64String(settings.SigningKey)
            : shared.InDatabase ? Convert.FromBase64String(shared.GetOrCreate(SharedName, file, () => Convert.ToBase64String(RandomNumberGenerator.GetBytes(64))))
            : LoadOrCreate(file);
        if (bytes.Length < 32)
        {
            throw new InvalidOperationException("Court:Auth:SigningKey must be base64 of at least 32 bytes.");
        }

        Key = new SymmetricSecurityKey(bytes) { KeyId = Convert.ToHexStringLower(SHA256.HashData(bytes))[..16] };
    }

    public SymmetricSecurityKey Key { get; }

    private static byte[] LoadOrCreate(string path)
    {
        if (File.Exists(path))
        {
            return Convert.FromBase64String(File.ReadAllText(path).Trim());
        }

        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var bytes = RandomNumberGenerator.GetBytes(64);
        var temp = path + ".tmp";
        File.WriteAllText(temp, Convert.ToBase64String(bytes));
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(temp, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }

        try
        {
            // Two processes starting at once: the first one's key wins, the second reads it.
            File.Move(temp, path, overwrite: false);
        }
        catch (IOException)
        {
            File.Delete(temp);
            return Convert.FromBase64String(File.ReadAllText(path).Trim());
        }

        return bytes;
    }
}
