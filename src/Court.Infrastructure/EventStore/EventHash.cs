using System.Buffers;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Court.Infrastructure.EventStore;

/// <summary>
/// The per-stream hash chain: each event's hash covers the previous event's hash and everything stored about
/// this one, so changing, removing or reordering any event breaks every later link.
/// </summary>
public static class EventHash
{
    /// <summary>
    /// SHA-256, as lower-case hex, of the UTF-8 text: previous hash, stream id, version, event id ("D" format), type,
    /// recorded-at (Unix milliseconds), data and metadata, joined by '\n'.
    /// </summary>
    public static string Compute(string previousHash, string streamId, long version, Guid eventId, string type, long recordedAt, string data, string metadata)
    {
        // Written straight into a rented buffer: this runs for every appended event on the writer's hot path.
        var length = previousHash.Length + streamId.Length + type.Length + data.Length + metadata.Length + 20 + 36 + 20 + 7;
        var chars = ArrayPool<char>.Shared.Rent(length);
        var bytes = ArrayPool<byte>.Shared.Rent(Encoding.UTF8.GetMaxByteCount(length));
        try
        {
            var at = 0;
            Append(chars, ref at, previousHash);
            Append(chars, ref at, streamId);
            version.TryFormat(chars.AsSpan(at), out var written, provider: CultureInfo.InvariantCulture);
            at += written;
            chars[at++] = '\n';
            eventId.TryFormat(chars.AsSpan(at), out written, "D");
            at += written;
            chars[at++] = '\n';
            Append(chars, ref at, type);
            recordedAt.TryFormat(chars.AsSpan(at), out written, provider: CultureInfo.InvariantCulture);
            at += written;
            chars[at++] = '\n';
            Append(chars, ref at, data);
            metadata.AsSpan().CopyTo(chars.AsSpan(at));
            at += metadata.Length;

            var count = Encoding.UTF8.GetBytes(chars, 0, at, bytes, 0);
            Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
            SHA256.HashData(bytes.AsSpan(0, count), hash);
            return Convert.ToHexStringLower(hash);
        }
        finally
        {
            ArrayPool<char>.Shared.Return(chars);
            ArrayPool<byte>.Shared.Return(bytes);
        }
    }

    private static void Append(char[] chars, ref int at, string text)
    {
        text.AsSpan().CopyTo(chars.AsSpan(at));
        at += text.Length;
        chars[at++] = '\n';
    }
}
