using System.Globalization;

namespace Court.Web.Infrastructure;

/// <summary>
/// ETag and If-Match, one rule for every endpoint. An ETag is a record's stream version as a strong tag, <c>"3"</c>;
/// a record that does not exist yet (version -1) has none. If-Match takes that tag, weak or strong (<c>W/"3"</c>
/// matches too: the version is the same), or <c>*</c>, which asks only that the record exist — every write already
/// answers 404 for one that does not — so it checks no version. Anything else (a negative or unquoted version, a
/// list of tags) is a 400 naming the header.
/// </summary>
/// <remarks>
/// An endpoint that answers an ETag says so with <see cref="AnswersETag{TBuilder}"/>, one that reads If-Match with
/// <see cref="TakesIfMatch{TBuilder}"/>, and the OpenAPI document declares the headers from that (OpenApiContract).
/// Reading or writing them on an endpoint that did not declare them throws, so the document cannot drift from what
/// the endpoints do: the first test of such an endpoint fails.
/// </remarks>
public static class EntityTags
{
    public const string Header = "If-Match";

    /// <summary>Declares that the endpoint's successful answers carry the record's ETag.</summary>
    public static TBuilder AnswersETag<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder => builder.WithMetadata(ETagDeclared.Instance);

    /// <summary>Declares that the endpoint takes If-Match (and answers 412 for a stale one, and the new ETag).</summary>
    public static TBuilder TakesIfMatch<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder => builder.WithMetadata(ETagDeclared.Instance, IfMatchDeclared.Instance);

    public static void SetETag(this HttpContext http, long version)
    {
        Require<ETagDeclared>(http, "ETag", nameof(AnswersETag));
        if (version >= 0)
        {
            http.Response.Headers.ETag = $"\"{version.ToString(CultureInfo.InvariantCulture)}\"";
        }
    }

    /// <summary>The version If-Match asks for; null when the header is absent or <c>*</c>.</summary>
    public static long? IfMatch(this HttpContext http)
    {
        Require<IfMatchDeclared>(http, Header, nameof(TakesIfMatch));
        var raw = http.Request.Headers.IfMatch.ToString().Trim();
        if (raw.Length == 0 || raw == "*")
        {
            return null;
        }

        var tag = raw.StartsWith("W/", StringComparison.Ordinal) ? raw[2..] : raw;
        return tag.Length > 2 && tag[0] == '"' && tag[^1] == '"'
            && long.TryParse(tag.AsSpan(1, tag.Length - 2), NumberStyles.None, CultureInfo.InvariantCulture, out var version)
            ? version
            : throw new InvalidHeaderException(Header, Localized.Say(
                $"If-Match 须为本接口发出的 ETag（如 \"3\"）或 *；“{raw}”不是。",
                $"If-Match must be an ETag this API issued, like \"3\", or *; '{raw}' is not one."));
    }

    private static void Require<TDeclared>(HttpContext http, string header, string declaration)
        where TDeclared : class
    {
        if (http.GetEndpoint()?.Metadata.GetMetadata<TDeclared>() is null)
        {
            throw new InvalidOperationException($"{http.GetEndpoint()?.DisplayName} uses {header} without declaring it with .{declaration}().");
        }
    }
}

/// <summary>Endpoint metadata: the endpoint's successful answers carry an ETag.</summary>
public sealed class ETagDeclared
{
    public static readonly ETagDeclared Instance = new();

    private ETagDeclared()
    {
    }
}

/// <summary>Endpoint metadata: the endpoint takes If-Match.</summary>
public sealed class IfMatchDeclared
{
    public static readonly IfMatchDeclared Instance = new();

    private IfMatchDeclared()
    {
    }
}

/// <summary>A request header that is not in the form the API takes: a 400 naming the header.</summary>
public sealed class InvalidHeaderException(string header, string message) : Exception(message)
{
    public string Header { get; } = header;
}
