using System.Collections;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Mvc;

namespace Court.Web.Infrastructure;

/// <summary>
/// A request the endpoint could not even read — malformed JSON, an unknown enum value, a wrong type, an impossible
/// date, a route or query value that is not what the parameter needs, the wrong content type, a body too large — as a
/// problem that names the field and says what was expected, in the caller's language, without the server's type names.
/// </summary>
public static partial class RequestProblems
{
    public static ProblemDetails From(HttpContext http, BadHttpRequestException bad)
    {
        switch (bad.StatusCode)
        {
            case StatusCodes.Status413PayloadTooLarge:
                return new ProblemDetails
                {
                    Status = bad.StatusCode,
                    Title = Localized.Say("请求内容过大。", "The request body is too large."),
                    Detail = EndpointOf(http)?.Metadata.GetMetadata<IRequestSizeLimitMetadata>()?.MaxRequestBodySize is { } limit
                        ? Localized.Say($"此处的请求内容最多 {limit / 1024} KB。", $"A request body here is at most {limit / 1024} KB.")
                        : null,
                    Type = "urn:court:error:body-too-large",
                };
            case StatusCodes.Status415UnsupportedMediaType:
                return UnsupportedMediaType();
        }

        if (bad.InnerException is JsonException json)
        {
            return Invalid(FieldOf(json.Path), Expected(http, json));
        }

        if (BindFailure().Match(bad.Message) is { Success: true } bind)
        {
            var (zh, en) = Describe(bind.Groups["type"].Value);
            return Invalid(bind.Groups["name"].Value, Localized.Say($"的值无效，应为{zh}。", $"is not valid: expected {en}."));
        }

        if (MissingParameter().Match(bad.Message) is { Success: true } missing)
        {
            return Invalid(missing.Groups["name"].Value, Localized.Say("必须提供。", "is required."));
        }

        if (bad.Message.StartsWith("Implicit body inferred", StringComparison.Ordinal) || bad.Message.Contains("body was provided", StringComparison.Ordinal))
        {
            return Invalid("body", Localized.Say("缺少：请以 JSON 发送请求内容。", "is missing: send a JSON body."));
        }

        return new ProblemDetails { Status = bad.StatusCode, Title = Localized.Say("无法读取请求。", "The request could not be read.") };
    }

    /// <summary>The endpoint that failed: the exception handler has already cleared it from the context.</summary>
    private static Endpoint? EndpointOf(HttpContext http) =>
        http.Features.Get<Microsoft.AspNetCore.Diagnostics.IExceptionHandlerFeature>()?.Endpoint ?? http.GetEndpoint();

    public static ProblemDetails UnsupportedMediaType() => new()
    {
        Status = StatusCodes.Status415UnsupportedMediaType,
        Title = Localized.Say("不支持该内容类型。", "This content type is not accepted."),
        Detail = Localized.Say("请求内容须为 JSON，Content-Type: application/json。", "Send the body as JSON with Content-Type: application/json."),
        Type = "urn:court:error:unsupported-media-type",
    };

    private static HttpValidationProblemDetails Invalid(string field, string message) =>
        new(new Dictionary<string, string[]> { [field] = [Localized.IsEnglish ? $"'{field}' {message}" : $"“{field}”{message}"] })
        {
            Status = StatusCodes.Status400BadRequest,
            Title = Localized.Say("请求有误。", "The request is not valid."),
            Type = "urn:court:error:validation",
        };

    /// <summary><c>$.actions[0].dueOn</c> → <c>actions[0].dueOn</c>; the whole body when the path is the root.</summary>
    private static string FieldOf(string? path)
    {
        var field = (path ?? "$").TrimStart('$').TrimStart('.');
        return field.Length == 0 ? "body" : field;
    }

    private static string Expected(HttpContext http, JsonException json)
    {
        // The reader's own errors (a missing brace, a stray comma) are about the text, not a value.
        if (json.InnerException?.GetType().Name == "JsonReaderException" || json.Message.StartsWith('\'') || json.Message.StartsWith("Expected", StringComparison.Ordinal))
        {
            var (line, position) = ((json.LineNumber ?? 0) + 1, (json.BytePositionInLine ?? 0) + 1);
            return Localized.Say($"不是有效的 JSON（第 {line} 行第 {position} 字节）。", $"is not valid JSON (line {line}, byte {position}).");
        }

        var type = TypeAt(EndpointOf(http)?.Metadata.GetMetadata<IAcceptsMetadata>()?.RequestType, json.Path);
        var (zh, en) = type is null ? ("另一种类型的值", "a value of another type") : Describe(type);
        return Localized.Say($"的值无效，应为{zh}。", $"is not valid: expected {en}.");
    }

    /// <summary>The declared type at a JSON path of the body, or null when the path cannot be followed.</summary>
    private static Type? TypeAt(Type? body, string? path)
    {
        if (body is null || string.IsNullOrEmpty(path))
        {
            return body;
        }

        var type = body;
        foreach (Match segment in PathSegment().Matches(path))
        {
            if (segment.Groups["index"].Success)
            {
                type = ElementOf(type);
            }
            else
            {
                var name = segment.Groups["name"].Value;
                type = type?.GetProperties(BindingFlags.Public | BindingFlags.Instance)
                    .FirstOrDefault(p => string.Equals(p.GetCustomAttribute<JsonPropertyNameAttribute>()?.Name ?? p.Name, name, StringComparison.OrdinalIgnoreCase))?.PropertyType;
            }

            if (type is null)
            {
                return null;
            }
        }

        return type;
    }

    private static Type? ElementOf(Type type) =>
        type.IsArray ? type.GetElementType()
        : type.IsGenericType && typeof(IEnumerable).IsAssignableFrom(type) ? type.GetGenericArguments()[^1]
        : null;

    private static (string Zh, string En) Describe(Type type)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        if (type.IsEnum)
        {
            var names = Enum.GetNames(type);
            return ($"以下之一：{string.Join("、", names)}", $"one of {string.Join(", ", names)}");
        }

        return type switch
        {
            _ when type == typeof(string) => ("字符串", "a string"),
            _ when type == typeof(DateOnly) => ("yyyy-MM-dd 格式的真实日期", "a real date as yyyy-MM-dd"),
            _ when type == typeof(DateTimeOffset) || type == typeof(DateTime) => ("ISO 8601 日期时间（如 2022-04-20T09:30:00+08:00）", "an ISO 8601 date and time such as 2022-04-20T09:30:00+08:00"),
            _ when type == typeof(bool) => ("true 或 false", "true or false"),
            _ when type == typeof(Guid) => ("UUID", "a UUID"),
            _ when type == typeof(int) || type == typeof(long) || type == typeof(short) || type == typeof(byte) => ("整数", "an integer"),
            _ when type == typeof(decimal) || type == typeof(double) || type == typeof(float) => ("数字", "a number"),
            _ when ElementOf(type) is not null => ("数组", "an array"),
            _ => ("JSON 对象", "a JSON object"),
        };
    }

    /// <summary>A route or query value, from the framework's message, e.g. <c>Failed to bind parameter "DateOnly on" from "2022-02-30".</c></summary>
    private static (string Zh, string En) Describe(string typeName) =>
        typeName.Replace("Nullable<", "", StringComparison.Ordinal).TrimEnd('?', '>').Split('.')[^1] switch
        {
            "DateOnly" => Describe(typeof(DateOnly)),
            "DateTimeOffset" or "DateTime" => Describe(typeof(DateTimeOffset)),
            "int" or "long" or "Int32" or "Int64" or "short" => Describe(typeof(long)),
            "decimal" or "double" => Describe(typeof(decimal)),
            "bool" or "Boolean" => Describe(typeof(bool)),
            "Guid" => Describe(typeof(Guid)),
            _ => ("其他格式的值", "a value in another form"),
        };

    [GeneratedRegex("""parameter "(?<type>[^"\s]+) (?<name>[^"\s]+)" from""")]
    private static partial Regex BindFailure();

    [GeneratedRegex("""Required parameter "(?<type>[^"\s]+) (?<name>[^"\s]+)" was not provided""")]
    private static partial Regex MissingParameter();

    [GeneratedRegex(@"\.(?<name>[^.\[]+)|\[(?<index>\d+)\]|\['(?<name>[^']+)'\]")]
    private static partial Regex PathSegment();
}
