using System.Security.Cryptography;
using System.Text;

namespace Court.Application.Documents;

/// <summary>The server secret the verification codes are keyed with. Never leaves the server; see docs/decisions/.</summary>
public interface IVerificationKey
{
    ReadOnlySpan<byte> Key { get; }
}

/// <summary>
/// "One document, one code": HMAC-SHA256(secret, number + "\n" + content hash), its first 80 bits written as
/// 16 Crockford base-32 characters (no I, L, O, U: nothing to misread), shown as XXXX-XXXX-XXXX-XXXX.
/// </summary>
public static class VerificationCode
{
    private const string Alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

    public static string Compute(ReadOnlySpan<byte> key, string number, string contentHash)
    {
        var mac = HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(number + "\n" + contentHash));
        var b = new StringBuilder(19);
        ulong buffer = 0;
        var bits = 0;
        var written = 0;
        foreach (var octet in mac.AsSpan(0, 10))
        {
            buffer = (buffer << 8) | octet;
            bits += 8;
            while (bits >= 5)
            {
                bits -= 5;
                if (written is 4 or 8 or 12)
                {
                    b.Append('-');
                }

                b.Append(Alphabet[(int)((buffer >> bits) & 31)]);
                written++;
            }
        }

        return b.ToString();
    }

    /// <summary>The code as a person may type it, reduced to the 16 characters: case, spaces and dashes ignored, I/L read as 1 and O as 0.</summary>
    public static string? Normalize(string? typed)
    {
        if (typed is null || typed.Length > 40)
        {
            return null;
        }

        var b = new StringBuilder(16);
        foreach (var ch in typed.ToUpperInvariant())
        {
            var c = ch switch
            {
                'I' or 'L' => '1',
                'O' => '0',
                _ => ch,
            };
            if (c is '-' or ' ' or '\u3000')
            {
                continue;
            }

            if (!Alphabet.Contains(c, StringComparison.Ordinal))
            {
                return null;
            }

            b.Append(c);
        }

        return b.Length == 16 ? b.ToString() : null;
    }

    /// <summary>Constant-time comparison of a typed code with the expected one.</summary>
    public static bool Matches(string expected, string? typed)
    {
        var a = Normalize(expected);
        var t = Normalize(typed);
        return a is not null && t is not null && CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(a), Encoding.ASCII.GetBytes(t));
    }
}
