using System.Globalization;
using System.Text;
using Court.Application.Auditing;
using Court.Application.Projections;
using Mediator;

namespace Court.Web.Endpoints;

/// <summary>The read-audit trail for the system administrator: who read which case file, document, archive, when.</summary>
public static class AuditEndpoints
{
    private const string CsvHeader = "at,user,agency,kind,record,stream,via,event_id\r\n";

    public static IEndpointRouteBuilder MapAuditEndpoints(this IEndpointRouteBuilder app)
    {
        var audit = app.MapGroup("/api/audit").WithTags("Audit");

        audit.MapGet("/reads", async (string? user, string? stream, string? kind, DateTimeOffset? from, DateTimeOffset? to, string? format, [AsParameters] PageParameters page, IMediator mediator, CancellationToken ct) =>
            {
                var csv = string.Equals(format, "csv", StringComparison.OrdinalIgnoreCase);
                var query = new ListReads(user, stream, kind, from, to, csv ? page with { Limit = page.Limit ?? PageRequest.MaxLimit } : page);
                var first = await mediator.Send(query, ct);
                if (!csv)
                {
                    return Results.Ok(first);
                }

                // The export runs from the page asked for to the end, a page at a time: memory stays one page.
                return Results.Stream(
                    async body =>
                    {
                        await body.WriteAsync(Encoding.UTF8.GetPreamble(), ct);
                        await body.WriteAsync(Encoding.UTF8.GetBytes(CsvHeader), ct);
                        for (var current = first; ; current = await mediator.Send(query with { Page = query.Page! with { Limit = PageRequest.MaxLimit, After = current.Next } }, ct))
                        {
                            await body.WriteAsync(Encoding.UTF8.GetBytes(CsvRows(current.Items)), ct);
                            if (current.Next is null)
                            {
                                break;
                            }
                        }
                    },
                    "text/csv; charset=utf-8",
                    "reads.csv");
            })
            .WithName("ListReads")
            .WithSummary("The read-audit trail, newest first: who read which case file, document (data, page or PDF), archive or service file, when and through which request (format=csv exports all of it). The system administrator only.")
            .WithDescription("Filters: user, stream (the case stream, e.g. bankruptcy-case-…), kind (bankruptcy-case, case-timeline, release-request, asset, notice, document, archive, service-file, waybill, government-debt-case, small-claims-case), from (inclusive) and to (exclusive) as ISO 8601 times; q searches user, agency, record and stream; follow next with after.")
            .Produces(StatusCodes.Status200OK, contentType: "text/csv")
            .Produces<Page<ReadEntry>>()
            .ProducesValidationProblem();

        return app;
    }

    internal static string CsvRows(IEnumerable<ReadEntry> reads)
    {
        var csv = new StringBuilder();
        foreach (var r in reads)
        {
            string?[] row = [r.At.ToOffset(Court.Domain.Common.CourtTime.Offset).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture), r.User, r.Agency, r.Kind, r.Subject, r.Stream, r.Via, r.EventId];
            csv.AppendJoin(',', row.Select(Cell)).Append("\r\n");
        }

        return csv.ToString();
    }

    private static string Cell(string? value)
    {
        var s = value ?? "";
        if (s.Length > 0 && s[0] is '=' or '+' or '-' or '@' or '\t' or '\r')
        {
            s = "'" + s; // no formulas from recorded text in a spreadsheet
        }

        return s.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? "\"" + s.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : s;
    }
}
