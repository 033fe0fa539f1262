using System.Globalization;
using Court.Application.Bankruptcy.OpeningCase;
using Mediator;

namespace Court.Web.Endpoints;

/// <summary>The bankruptcy API: the contract the agencies' systems integrate with. Paths are fixed by issue 5.</summary>
public static class BankruptcyEndpoints
{
    public static IEndpointRouteBuilder MapBankruptcyEndpoints(this IEndpointRouteBuilder app)
    {
        var cases = app.MapGroup("/api/bankruptcy-cases").WithTags("Bankruptcy cases");

        cases.MapPost("", async (OpenBankruptcyCase body, IMediator mediator, HttpContext http, CancellationToken ct) =>
            {
                var opened = await mediator.Send(body, ct);
                http.SetETag(opened.Version);
                return opened.Created
                    ? Results.Created($"/api/bankruptcy-cases/{opened.Id}", opened)
                    : Results.Ok(opened);
            })
            .WithName("OpenBankruptcyCase")
            .WithSummary("Register an accepted bankruptcy case and its appointed administrator")
            .WithDescription("The case number is validated and stored in canonical form; its id is derived from it, so registering the same case again with the same details answers 200 with the same id and writes nothing.")
            .Produces<OpenedBankruptcyCase>(StatusCodes.Status201Created)
            .Produces<OpenedBankruptcyCase>(StatusCodes.Status200OK)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status409Conflict);

        return app;
    }

    /// <summary>ETag = the stream version, so a client can send it back as If-Match.</summary>
    internal static void SetETag(this HttpContext http, long version) =>
        http.Response.Headers.ETag = $"\"{version.ToString(CultureInfo.InvariantCulture)}\"";

    /// <summary>The If-Match version, or null when absent or "*". A value that is not a version is a 400.</summary>
    internal static long? IfMatch(this HttpContext http)
    {
        var raw = http.Request.Headers.IfMatch.ToString().Trim();
        if (raw.Length == 0 || raw == "*")
        {
            return null;
        }

        var tag = raw.StartsWith("W/", StringComparison.Ordinal) ? raw[2..] : raw;
        return long.TryParse(tag.Trim('"'), NumberStyles.None, CultureInfo.InvariantCulture, out var version)
            ? version
            : throw new BadHttpRequestException($"If-Match must be an ETag this API issued, like \"3\"; '{raw}' is not one.");
    }
}
