using System.Security.Cryptography;
using System.Text;

namespace Court.Domain.Common;

/// <summary>
/// A Guid that is a function of a name: the same name always gives the same id, so a step repeated after a crash
/// (issuing a document, appending a follow-up's events) is recognised as the one already done.
/// </summary>
public static class DeterministicGuid
{
    /// <summary>The first 16 bytes of SHA-256 over the UTF-8 <paramref name="name"/> (e.g. "court:bankruptcy:letter:…"); stored ids depend on this layout.</summary>
    public static Guid From(string name)
    {
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(Encoding.UTF8.GetBytes(name), hash);
        return new Guid(hash[..16]);
    }
}
