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
    public static string Compute(string previousHash, string streamId, long version, Guid eventId, string type, long recordedAt, string data, string metadata)
    {
        var text = string.Join(
            '\n',
            previousHash,
            streamId,
            version.ToString(CultureInfo.InvariantCulture),
            eventId.ToString("D"),
            type,
            recordedAt.ToString(CultureInfo.InvariantCulture),
            data,
            metadata);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
    }
}
