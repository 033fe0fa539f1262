using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.OpenApi;

namespace Court.Web.Infrastructure;

/// <summary>
/// What the OpenAPI document says about every operation beyond its body and its own answers (decision 0130): the
/// headers the host's layers take and answer, and the statuses they can answer, each worked out from the same rule
/// or endpoint metadata that makes the layer act, so the document is what the host does.
/// </summary>
public static class OpenApiContract
{
    public const string ProblemSchema = "ProblemDetails";

    public static void Configure(OpenApiOptions options)
    {
        options.AddOperationTransformer((operation, context, _) =>
        {
            Describe(operation, context);
            return Task.CompletedTask;
        });
        options.AddSchemaTransformer((schema, context, _) =>
        {
            NameEnum(schema, context.JsonTypeInfo.Type);
            return Task.CompletedTask;
        });
    }

    /// <summary>
    /// An enum is a named string type whose values are its members, nothing else: the host writes enums as strings,
    /// and a nullable property says so itself (oneOf null and the enum). Left as generated (no type, null among the
    /// values when some property is nullable) a client generator makes the enum an empty class (decision 0130).
    /// </summary>
    private static void NameEnum(OpenApiSchema schema, Type type)
    {
        if ((Nullable.GetUnderlyingType(type) ?? type).IsEnum && schema.Enum is { Count: > 0 } values)
        {
            schema.Type = JsonSchemaType.String;
            schema.Enum = values.Where(v => v is not null).ToList();
        }
    }

    private static void Describe(OpenApiOperation operation, OpenApiOperationTransformerContext context)
    {
        var description = context.Description;
        var metadata = description.ActionDescriptor.EndpointMetadata;
        var method = description.HttpMethod ?? "GET";
        var path = new PathString("/" + description.RelativePath);
        var hasBody = operation.RequestBody is not null;
        operation.Responses ??= [];
        var problem = new OpenApiSchemaReference(ProblemSchema, context.Document);

        if (!metadata.OfType<IAllowAnonymous>().Any())
        {
            // Authentication and the role or resource check (AuthorizationBehavior) run before anything else.
            AddProblem(operation, StatusCodes.Status401Unauthorized, "Not signed in, or the bearer token is expired, forged or its account locked.", problem)
                .Headers!["WWW-Authenticate"] = Header("How to authenticate: Bearer, with error=\"invalid_token\" for a token that was refused.");
            AddProblem(operation, StatusCodes.Status403Forbidden, "The caller's role or agency may not do this.", problem);
        }

        if (hasBody || (operation.Parameters?.Any(p => p.In == ParameterLocation.Query) ?? false))
        {
            // RequestProblems: a body or parameter that cannot be read names the field and what it expected.
            AddProblem(operation, StatusCodes.Status400BadRequest, "The request cannot be read or breaks an input rule; errors names each field.", problem);
        }

        if (hasBody)
        {
            AddProblem(operation, StatusCodes.Status415UnsupportedMediaType, "The body is not application/json.", problem);
        }

        if (metadata.OfType<IRequestSizeLimitMetadata>().LastOrDefault()?.MaxRequestBodySize is { } limit && hasBody)
        {
            AddProblem(operation, StatusCodes.Status413PayloadTooLarge, $"The body is larger than {limit.ToString(CultureInfo.InvariantCulture)} bytes.", problem);
        }

        if (metadata.OfType<IfMatchDeclared>().Any())
        {
            Parameter(operation, EntityTags.Header, "The ETag this API answered for the record (\"3\", or W/\"3\"), or * for \"the record exists\". Without it the write does not check the version.");
            AddProblem(operation, StatusCodes.Status412PreconditionFailed, "If-Match names a version the record no longer has: read it again.", problem);
            AddProblem(operation, StatusCodes.Status400BadRequest, "If-Match is not a tag this API issues (a negative or unquoted version, a list of tags).", problem);
        }

        if (IdempotencyMiddleware.Covers(method, path))
        {
            Parameter(operation, IdempotencyMiddleware.Header, "A key (at most 200 characters) that makes a retry safe: the same key with the same body replays the first answer.");
            AddProblem(operation, StatusCodes.Status409Conflict, "A request with this Idempotency-Key is still running (Retry-After), or the write conflicts with the record's state.", problem)
                .Headers!["Retry-After"] = Header("Seconds until the first request with the key should be done.", JsonSchemaType.Integer);
            AddProblem(operation, StatusCodes.Status422UnprocessableEntity, "This Idempotency-Key was used with another body, or a rule of the process refuses the write.", problem);
        }

        if (path.StartsWithSegments("/api") && method is "POST" or "PUT" or "PATCH" or "DELETE" && path != "/api/auth/token")
        {
            // Every command goes through the domain: a record in another state answers 409, a rule of the process 422.
            AddProblem(operation, StatusCodes.Status409Conflict, "The write conflicts with the record's state.", problem);
            AddProblem(operation, StatusCodes.Status422UnprocessableEntity, "A rule of the process refuses the write; errors names the field.", problem);
        }

        if (path.StartsWithSegments("/api") && description.RelativePath?.Contains('{', StringComparison.Ordinal) == true)
        {
            // A route naming a record answers 404 when there is none the caller may see (decision 0007).
            AddProblem(operation, StatusCodes.Status404NotFound, "No such record, or none the caller may see.", problem);
        }

        if (metadata.OfType<EnableRateLimitingAttribute>().Any() || metadata.OfType<ThrottledSignIn>().Any())
        {
            AddProblem(operation, StatusCodes.Status429TooManyRequests, "Too many requests from this client (or, for sign-in, at this account).", problem)
                .Headers!["Retry-After"] = Header("Seconds to wait before trying again.", JsonSchemaType.Integer);
        }

        if (path.StartsWithSegments("/api"))
        {
            AddProblem(operation, StatusCodes.Status503ServiceUnavailable, "The store is unavailable (disk full, database restarting); nothing was applied.", problem)
                .Headers!["Retry-After"] = Header("Seconds to wait before trying again.", JsonSchemaType.Integer);
        }

        foreach (var status in operation.Responses.Keys.Where(s => s[0] is '4' or '5').ToList())
        {
            AddProblem(operation, int.Parse(status, CultureInfo.InvariantCulture), "", problem);
        }

        foreach (var file in metadata.OfType<IProducesResponseTypeMetadata>().Where(p => p.StatusCode is >= 200 and < 300 && (p.Type is null || p.Type == typeof(void))))
        {
            // A file answer (PDF, CSV, ZIP) has no JSON type, and the description keeps one answer per status: without
            // this the document declares no body, or loses the JSON one it shares a status with, and a generated client
            // can read neither.
            var key = file.StatusCode.ToString(CultureInfo.InvariantCulture);
            if (!operation.Responses.TryGetValue(key, out var existing))
            {
                operation.Responses[key] = existing = new OpenApiResponse { Description = "OK" };
            }

            if (existing is OpenApiResponse answer)
            {
                answer.Content ??= new Dictionary<string, OpenApiMediaType>();
                foreach (var contentType in file.ContentTypes)
                {
                    answer.Content.TryAdd(contentType, new() { Schema = new OpenApiSchema { Type = JsonSchemaType.String, Format = "binary" } });
                }
            }
        }

        foreach (var (status, response) in operation.Responses)
        {
            if (status.StartsWith('2') && response is OpenApiResponse answer)
            {
                answer.Headers ??= new Dictionary<string, IOpenApiHeader>();
                if (status == "201")
                {
                    answer.Headers.TryAdd("Location", Header("Where the created record is read."));
                }

                if (metadata.OfType<ETagDeclared>().Any())
                {
                    answer.Headers.TryAdd("ETag", Header("The record's version as a strong tag (\"3\"); send it back as If-Match. Absent while the record does not exist yet."));
                }

                if (IdempotencyMiddleware.Covers(method, path))
                {
                    answer.Headers.TryAdd("Idempotent-Replayed", Header("true when this is the stored answer to an earlier request with the same Idempotency-Key.", JsonSchemaType.Boolean));
                }
            }
        }
    }

    private static OpenApiResponse AddProblem(OpenApiOperation operation, int status, string description, IOpenApiSchema problem)
    {
        var key = status.ToString(CultureInfo.InvariantCulture);
        if (operation.Responses!.TryGetValue(key, out var existing) && existing is OpenApiResponse declared)
        {
            // An endpoint's own Produces(status) declares no body: every refusal is a problem details document.
            declared.Headers ??= new Dictionary<string, IOpenApiHeader>();
            declared.Content ??= new Dictionary<string, OpenApiMediaType>();
            declared.Content.Remove("application/json");
            declared.Content.TryAdd("application/problem+json", new() { Schema = problem });
            return declared;
        }

        var response = new OpenApiResponse
        {
            Description = description,
            Headers = new Dictionary<string, IOpenApiHeader>(),
            Content = new Dictionary<string, OpenApiMediaType> { ["application/problem+json"] = new() { Schema = problem } },
        };
        operation.Responses[key] = response;
        return response;
    }

    private static void Parameter(OpenApiOperation operation, string name, string description)
    {
        operation.Parameters ??= [];
        if (!operation.Parameters.Any(p => p.In == ParameterLocation.Header && string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase)))
        {
            operation.Parameters.Add(new OpenApiParameter { Name = name, In = ParameterLocation.Header, Required = false, Description = description, Schema = new OpenApiSchema { Type = JsonSchemaType.String } });
        }
    }

    private static OpenApiHeader Header(string description, JsonSchemaType type = JsonSchemaType.String) =>
        new() { Description = description, Schema = new OpenApiSchema { Type = type } };
}

/// <summary>Endpoint metadata: the endpoint counts failed sign-ins and answers 429 with Retry-After (SignInThrottle).</summary>
public sealed class ThrottledSignIn
{
    public static readonly ThrottledSignIn Instance = new();

    private ThrottledSignIn()
    {
    }
}
