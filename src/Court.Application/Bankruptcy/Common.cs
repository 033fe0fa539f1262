using System.Text.Json.Serialization;

namespace Court.Application.Bankruptcy;

/// <summary>What a bankruptcy write answers: the id it acted on and its stream's version after the write (the new ETag).</summary>
public sealed record Changed(string Id, long Version);

/// <summary>A write that honours If-Match: the endpoint copies the header's version here; a stale one is a 412.</summary>
public abstract record ConditionalWrite
{
    [JsonIgnore]
    public long? IfMatch { get; init; }
}
