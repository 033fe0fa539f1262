using Court.Application.Archives.Exporting;
using Court.Application.Archives.Verifying;
using Mediator;

namespace Court.Web.Endpoints;

public static class ArchiveEndpoints
{
    public static IEndpointRouteBuilder MapArchiveEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/archives").WithTags("Archives");

        group.MapGet("/{streamId}/export", async (string streamId, IMediator mediator, CancellationToken ct) =>
        {
            var archive = await mediator.Send(new ExportArchive(streamId), ct);
            return Results.File(archive.Content, "application/zip", archive.FileName);
        })
        .WithName("ExportArchive")
        .Produces(StatusCodes.Status200OK, contentType: "application/zip")
        .WithSummary("A zip of the stream's events (and its documents'), a manifest of their hash chains, a README and verify.py that anyone can run. Court staff.");

        group.MapGet("/verify", async (IMediator mediator, CancellationToken ct) => Results.Ok(await mediator.Send(new VerifyLog(), ct)))
            .WithName("VerifyLog")
            .WithSummary("Walks every stream's hash chain in the whole log: events and streams checked, and the first break of each broken stream. The system administrator.");

        group.MapGet("/{streamId}/verify", async (string streamId, IMediator mediator, CancellationToken ct) =>
            Results.Ok(await mediator.Send(new VerifyStreamChain(streamId), ct)))
            .WithName("VerifyStreamChain")
            .WithSummary("Walks the stream's hash chain in the live log: intact or the first broken link, and the head hash to compare with an archive. Court staff.");

        return app;
    }
}
