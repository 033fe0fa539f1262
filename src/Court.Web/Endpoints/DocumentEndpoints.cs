using System.Globalization;
using System.Threading.RateLimiting;
using Court.Application.Common;
using Court.Application.Documents;
using Court.Application.Documents.Issuing;
using Court.Application.Documents.Listing;
using Court.Application.Documents.MarkingExecuted;
using Court.Application.Documents.Reading;
using Court.Application.Documents.Revoking;
using Court.Application.Documents.Verifying;
using Court.Application.Projections;
using Court.Web.Infrastructure;
using Court.Web.Ui;
using Mediator;
using Microsoft.AspNetCore.Mvc;

namespace Court.Web.Endpoints;

public static class DocumentEndpoints
{
    /// <summary>The public verification's rate-limit policy: a fixed window per client IP.</summary>
    public const string VerifyPolicy = "documents-verify";

    /// <summary>
    /// The web side of documents: the navigation entry, and rate limiting for the anonymous verification endpoints
    /// (<c>Court:Documents:Verify:PermitLimit</c> per <c>WindowSeconds</c>, per client IP); a refusal is a 429 problem.
    /// </summary>
    public static IServiceCollection AddDocumentsWeb(this IServiceCollection services)
    {
        services.AddNavEntry(new NavEntry("/Documents", "法律文书", "Documents", [Roles.Clerk, Roles.Judge, Roles.AgencyOfficer], Order: 350));
        services.AddNavEntry(new NavEntry("/verify/agent", "律师身份核验", "Check a lawyer", [Roles.AgencyOfficer], Order: 360));
        services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.OnRejected = async (context, cancellationToken) =>
            {
                var http = context.HttpContext;
                if (context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter))
                {
                    http.Response.Headers.RetryAfter = ((int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
                }

                http.Response.StatusCode = StatusCodes.Status429TooManyRequests;
                if (!http.Request.Path.StartsWithSegments("/api"))
                {
                    http.Response.ContentType = "text/html; charset=utf-8";
                    await http.Response.WriteAsync(TooManyRequestsPage, cancellationToken);
                    return;
                }

                await http.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
                {
                    HttpContext = http,
                    ProblemDetails = new ProblemDetails { Status = StatusCodes.Status429TooManyRequests, Title = "Too many requests. Try again later." },
                });
            };
            options.AddPolicy(VerifyPolicy, http => RateLimitPartition.GetFixedWindowLimiter(
                http.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                _ =>
                {
                    // Read when a client's window is first made, so test hosts and reloaded settings apply.
                    var settings = http.RequestServices.GetRequiredService<IConfiguration>();
                    return new FixedWindowRateLimiterOptions
                    {
                        PermitLimit = settings.GetValue("Court:Documents:Verify:PermitLimit", 20),
                        Window = TimeSpan.FromSeconds(settings.GetValue("Court:Documents:Verify:WindowSeconds", 60)),
                        QueueLimit = 0,
                    };
                }));
        });
        return services;
    }

    private const string TooManyRequestsPage =
        "<!DOCTYPE html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\"><title>请稍后再试 · Too many requests</title></head>" +
        "<body><h1>查询过于频繁，请稍后再试。</h1><p lang=\"en\">Too many requests. Please try again later.</p><p><a href=\"/verify\">返回文书核验 · Back</a></p></body></html>";

    public static IEndpointRouteBuilder MapDocumentEndpoints(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/documents").WithTags("Documents");

        api.MapPost("/", async (IssueDocumentByHand command, HttpContext http, IMediator mediator, CancellationToken ct) =>
        {
            var document = await mediator.Send(command, ct);
            http.SetETag(document.Version);
            return Results.Created($"/api/documents/{Uri.EscapeDataString(document.Number)}", document);
        })
        .WithName("IssueDocument")
        .Produces<IssuedDocument>(StatusCodes.Status201Created)
        .AnswersETag()
        .WithSummary("A clerk or judge issues a document by hand; the number, hash and verification code are assigned. Send a documentId to make retries safe.");

        api.MapGet("/{number}", async (string number, HttpContext http, IMediator mediator, CancellationToken ct) =>
        {
            var document = await mediator.Send(new GetDocument(number), ct);
            http.SetETag(document.Version);
            return Results.Ok(document);
        })
        .WithName("GetDocument")
        .Produces<IssuedDocument>()
        .AnswersETag()
        .WithSummary("A document by its number (URL-encoded) or its id, with its content, status and verification code. Court staff and the addressee only.");

        api.MapGet("/{number}/document.pdf", async (string number, HttpContext http, IMediator mediator, CancellationToken ct) =>
            Pdf(await mediator.Send(new GetDocument(number), ct), http))
            .WithName("GetDocumentPdf")
            .AnswersETag()
            .Produces(StatusCodes.Status200OK, contentType: "application/pdf")
            .WithSummary("The document (by number or id) as an A4 PDF with its verification code and QR code. Court staff and the addressee only.");

        app.MapGet("/documents/{number}", async (string number, HttpContext http, IMediator mediator, IDocumentRenderer renderer, CancellationToken ct) =>
        {
            var document = await mediator.Send(new GetDocument(number), ct);
            http.SetETag(document.Version);
            return Results.Content(renderer.RenderHtml(document, VerificationLinks.For(PublicBase(http), document)), "text/html; charset=utf-8");
        })
        .WithName("GetDocumentPage")
        .AnswersETag()
        .ExcludeFromDescription();

        api.MapGet("/", async (string stream, [AsParameters] PageParameters page, IMediator mediator, CancellationToken ct) => Results.Ok(await mediator.Send(new ListDocuments(stream, page), ct)))
            .WithName("ListDocuments")
            .WithSummary("The documents that belong to a stream, oldest first, paged.")
            .WithDescription("Issue time, then number (sort=issued, -issued for newest first); q searches the number, case number, title and addressee; follow next with after. Court staff see their court's, an agency the documents addressed to it.")
            .Produces<Page<DocumentRecord>>();

        api.MapPost("/{number}/execute", async (string number, ExecuteBody? body, HttpContext http, IMediator mediator, CancellationToken ct) =>
        {
            var document = await mediator.Send(new MarkDocumentExecuted(number, body?.Reference, http.IfMatch()), ct);
            http.SetETag(document.Version);
            return Results.Ok(document);
        })
        .WithName("MarkDocumentExecuted")
        .Produces<IssuedDocument>()
        .TakesIfMatch()
        .WithSummary("The addressee carried the document out (its registration reference). Repeating it changes nothing; a revoked document gives 409.");

        api.MapPost("/{number}/revoke", async (string number, RevokeBody body, HttpContext http, IMediator mediator, CancellationToken ct) =>
        {
            var document = await mediator.Send(new RevokeDocument(number, body.Reason ?? "", http.IfMatch()), ct);
            http.SetETag(document.Version);
            return Results.Ok(document);
        })
        .WithName("RevokeDocument")
        .Produces<IssuedDocument>()
        .TakesIfMatch()
        .WithSummary("A judge revokes the document; verification then answers \"revoked\".");

        app.MapGet("/api/verify", async (string? number, string? code, HttpContext http, IMediator mediator, CancellationToken ct) =>
        {
            http.Response.Headers.CacheControl = "no-store";
            return Results.Ok(await mediator.Send(new VerifyDocument(number ?? "", code ?? ""), ct));
        })
        .AllowAnonymous()
        .RequireRateLimiting(VerifyPolicy)
        .WithTags("Verification")
        .Produces<VerificationResult>()
        .AddOpenApiOperationTransformer((operation, _, _) =>
        {
            // Examples for integrators: a genuine answer, and the one answer for every other case.
            if (operation.Responses?.TryGetValue("200", out var ok) == true && ok.Content?.TryGetValue("application/json", out var media) == true)
            {
                media.Examples = new Dictionary<string, Microsoft.OpenApi.IOpenApiExample>
                {
                    ["genuine"] = new Microsoft.OpenApi.OpenApiExample
                    {
                        Summary = "Genuine and in force",
                        Value = System.Text.Json.Nodes.JsonNode.Parse("""{"genuine":true,"number":"江津法协执字〔2022〕第0001号","status":"InForce","court":"重庆市江津区人民法院","issuedOn":"2022-03-10"}"""),
                    },
                    ["not-genuine"] = new Microsoft.OpenApi.OpenApiExample
                    {
                        Summary = "Unknown number, wrong code or altered content",
                        Value = System.Text.Json.Nodes.JsonNode.Parse("""{"genuine":false,"number":null,"status":null,"court":null,"issuedOn":null}"""),
                    },
                };
            }

            return Task.CompletedTask;
        })
        .WithName("VerifyDocument")
        .WithSummary("Public, no sign-in, rate-limited per client IP: whether the document is genuine, its status, issuing court and date — nothing else.");

        app.MapGet("/api/verify/agent", async (string? licence, string? caseNumber, string? document, HttpContext http, IMediator mediator, CancellationToken ct) =>
        {
            http.Response.Headers.CacheControl = "no-store";
            return Results.Ok(await mediator.Send(new Court.Application.Service.AgentDocuments.CheckAgentOfRecord(licence, caseNumber, document), ct));
        })
        .AllowAnonymous()
        .RequireRateLimiting(VerifyPolicy)
        .WithTags("Verification")
        .Produces<Court.Domain.Service.AgentCheckAnswer>()
        .ProducesValidationProblem()
        .WithName("CheckAgentOfRecord")
        .WithSummary("Rate-limited like /api/verify: whether the document (number, for a signed-in registry officer or court staff; else its verification code) names this lawyer licence as a party's agent of record in this case, and whether it is in force (not revoked, the authority not ended). Nothing else: every other answer is {agentOfRecord:false, inForce:false}.");

        return app;
    }

    /// <summary>
    /// The document as an inline PDF response (with ETag): for other capabilities' endpoints that serve a document they
    /// own, e.g. <c>GET /api/notices/{id}/document.pdf</c>. Authorize the caller for it first.
    /// </summary>
    public static IResult Pdf(IssuedDocument document, HttpContext http)
    {
        var renderer = http.RequestServices.GetRequiredService<IDocumentRenderer>();
        var pdf = renderer.RenderPdf(document, VerificationLinks.For(PublicBase(http), document));
        http.SetETag(document.Version);
        http.Response.Headers.ContentDisposition = $"inline; filename=\"document.pdf\"; filename*=UTF-8''{Uri.EscapeDataString(document.Number)}.pdf";
        return Results.File(pdf, "application/pdf");
    }

    /// <summary>Where the public verification page lives: <c>Court:PublicBaseUrl</c>, else this request's own origin.</summary>
    public static Uri PublicBase(HttpContext http)
    {
        var configured = http.RequestServices.GetRequiredService<IConfiguration>()["Court:PublicBaseUrl"];
        return !string.IsNullOrWhiteSpace(configured) && Uri.TryCreate(configured, UriKind.Absolute, out var uri)
            ? uri
            : new Uri($"{http.Request.Scheme}://{http.Request.Host}{http.Request.PathBase}/");
    }

    public sealed record ExecuteBody(string? Reference);

    public sealed record RevokeBody(string? Reason);
}
