using System.Globalization;
using Court.Application.Bankruptcy;
using Court.Application.Common;
using Court.Application.EventStore;
using Court.Application.Pipeline;
using Court.Application.Projections;
using Court.Domain.Common;
using Court.Domain.Identifiers;
using Court.Domain.Service;
using FluentValidation;
using Mediator;

namespace Court.Application.Service;

/// <summary>
/// A carrier report that names only its waybill (or message reference): the webhook's and the batch file's command.
/// The reference finds the case; the report is then recorded there, once per carrier event id.
/// </summary>
public sealed record ReceiveCarrierEvent(
    string? EventId,
    string? Carrier,
    string? Reference,
    string? Kind,
    DateTimeOffset? OccurredAt,
    string? Note = null,
    string? ReturnReason = null,
    string? SignerName = null,
    string? Relationship = null,
    string? SignerIdNumber = null,
    bool? ContactReached = null) : ICommand<CarrierEventReceipt>, ICarrierReportFields
{
    public static ReceiveCarrierEvent From(CarrierReport r) =>
        new(r.EventId, r.Carrier, r.Reference, r.Kind, r.OccurredAt, r.Note, r.ReturnReason, r.SignerName, r.Relationship, r.SignerIdNumber, r.ContactReached);
}

/// <summary>
/// What became of one report: <c>accepted</c> (stored now) or <c>duplicate</c> (the same event was stored before: nothing
/// changed), with the case and the service outcome after it.
/// </summary>
public sealed record CarrierEventReceipt(string Status, string EventId, string Reference, string CaseId, string CaseNumber, long Version);

public sealed class ReceiveCarrierEventValidator : CarrierReportRules<ReceiveCarrierEvent>;

public sealed class ReceiveCarrierEventHandler(IReadModels readModels, ISender sender, ICallerContext caller) : ICommandHandler<ReceiveCarrierEvent, CarrierEventReceipt>
{
    public async ValueTask<CarrierEventReceipt> Handle(ReceiveCarrierEvent command, CancellationToken cancellationToken)
    {
        var report = CarrierReport.From(command);
        var reported = report.ToEvent();
        if (caller.IsInRole(Roles.CarrierOperator) && !caller.IsInRole(Roles.System) && !string.Equals(caller.Agency, reported.Carrier, StringComparison.Ordinal))
        {
            throw new ForbiddenException($"A carrier reports its own events only: you sign in for {caller.Agency}, the event names {reported.Carrier}.");
        }

        var reference = await readModels.GetAsync<ServiceReferenceView>(reported.Reference, cancellationToken);
        if (reference is null || (reference.Express && reference.Carrier != reported.Carrier))
        {
            throw new DomainException(DomainError.NotFound("carrier-event.reference-unknown", $"No service of this court goes by {reported.Reference} with {reported.Carrier}.") with
            {
                Field = "reference",
                MessageZh = $"本院没有以 {reported.Reference} 交 {reported.Carrier} 投递的送达。",
            });
        }

        var file = await readModels.GetAsync<ServiceFileView>(reference.CaseId, cancellationToken);
        if (file?.CarrierEvents.FirstOrDefault(e => e.CarrierEventId == reported.CarrierEventId) is { } stored && stored == reported)
        {
            return new CarrierEventReceipt("duplicate", reported.CarrierEventId, reported.Reference, reference.CaseId, reference.CaseNumber, file.Version);
        }

        var changed = await sender.Send(new RecordCarrierEvent(reference.CaseId, report), cancellationToken);
        return new CarrierEventReceipt("accepted", reported.CarrierEventId, reported.Reference, reference.CaseId, reference.CaseNumber, changed.Version);
    }
}

/// <summary>
/// The carrier's daily file (CSV, UTF-8, a header row; see docs/service.md). Each row is recorded on its own, so one bad
/// row never loses the others; the report says per row what became of it. <see cref="Carrier"/> defaults to the
/// caller's agency.
/// </summary>
public sealed record ImportCarrierBatch(string? Carrier, [property: MultiLine] string? Csv) : ICommand<CarrierBatchReport>;

public sealed record CarrierBatchRow(int Line, string? EventId, string? Reference, string Status, string? Code, string? Reason);

public sealed record CarrierBatchReport(int Rows, int Accepted, int Duplicates, int Refused, IReadOnlyList<CarrierBatchRow> Results);

public sealed class ImportCarrierBatchValidator : AbstractValidator<ImportCarrierBatch>
{
    public const int MaxRows = 10_000;

    public ImportCarrierBatchValidator()
    {
        RuleFor(x => x.Csv).NotEmpty();
        RuleFor(x => x.Carrier).OptionalText(60);
    }
}

public sealed class ImportCarrierBatchHandler(ISender sender, ICallerContext caller, ServiceSettings settings, AggregateStore store) : ICommandHandler<ImportCarrierBatch, CarrierBatchReport>
{
    /// <summary>The columns of the daily file, in any order; <c>event_id</c>, <c>waybill</c>, <c>kind</c> and <c>occurred_at</c> are required.</summary>
    public static readonly string[] RequiredColumns = ["event_id", "waybill", "kind", "occurred_at"];

    public static readonly string[] Columns = ["event_id", "waybill", "kind", "occurred_at", "signer_name", "relationship", "signer_id_number", "return_reason", "contact_reached", "note"];

    public async ValueTask<CarrierBatchReport> Handle(ImportCarrierBatch command, CancellationToken cancellationToken)
    {
        var carrier = string.IsNullOrWhiteSpace(command.Carrier) ? caller.Agency ?? settings.ExpressCarrier : command.Carrier.Trim();
        var lines = Csv.Parse(command.Csv!);
        if (lines.Count == 0)
        {
            throw new DomainException(DomainError.Invalid("carrier-batch.empty", "The file has no header row.") with { Field = "csv" });
        }

        var header = lines[0].Fields.Select(h => h.Trim().ToLowerInvariant()).ToList();
        var missing = RequiredColumns.Where(c => !header.Contains(c)).ToList();
        if (missing.Count > 0)
        {
            throw new DomainException(DomainError.Invalid("carrier-batch.header", $"The header lacks {string.Join(", ", missing)}; the columns are {string.Join(",", Columns)}.") with { Field = "csv" });
        }

        if (lines.Count - 1 > ImportCarrierBatchValidator.MaxRows)
        {
            throw new DomainException(DomainError.Invalid("carrier-batch.too-long", $"A file holds at most {ImportCarrierBatchValidator.MaxRows} rows; split it.") with { Field = "csv" });
        }

        var results = new List<CarrierBatchRow>();
        var validator = new CarrierReportValidator();
        foreach (var line in lines.Skip(1))
        {
            if (line.Fields.All(string.IsNullOrWhiteSpace))
            {
                continue;
            }

            string? Get(string column) => header.IndexOf(column) is var i and >= 0 && i < line.Fields.Count && !string.IsNullOrWhiteSpace(line.Fields[i]) ? line.Fields[i].Trim() : null;
            var eventId = Get("event_id");
            var waybill = Get("waybill");
            if (line.Fields.Count != header.Count)
            {
                results.Add(new CarrierBatchRow(line.Number, eventId, waybill, "refused", "carrier-batch.columns", $"The row has {line.Fields.Count} fields, the header {header.Count}."));
                continue;
            }

            var occurred = Get("occurred_at");
            DateTimeOffset? at = DateTimeOffset.TryParse(occurred, CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed) ? parsed : null;
            if (occurred is not null && at is null)
            {
                results.Add(new CarrierBatchRow(line.Number, eventId, waybill, "refused", "occurredAt", $"occurred_at '{occurred}' is not an ISO 8601 time with offset."));
                continue;
            }

            var contact = Get("contact_reached");
            bool? reached = contact is null ? null : contact is "true" or "1" or "yes" ? true : contact is "false" or "0" or "no" ? false : null;
            var report = new CarrierReport(eventId, carrier, waybill, Get("kind"), at, Get("note"), Get("return_reason"), Get("signer_name"), Get("relationship"), Get("signer_id_number"), reached);
            var invalid = validator.Validate(report);
            if (!invalid.IsValid)
            {
                var first = invalid.Errors[0];
                results.Add(new CarrierBatchRow(line.Number, eventId, waybill, "refused", System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(first.PropertyName), string.Join(" ", invalid.Errors.Select(e => e.ErrorMessage))));
                continue;
            }

            // The postal carrier's file names judicial-express waybills only, so a number failing its S10 check is a typing
            // or scanning error to report as such, not a service the court does not know.
            if (WaybillNumber.Parse(waybill).Error is { } badWaybill)
            {
                results.Add(new CarrierBatchRow(line.Number, eventId, waybill, "refused", "waybill", badWaybill.MessageIn(CultureInfo.CurrentUICulture)));
                continue;
            }

            results.Add(await RecordAsync(line.Number, report, cancellationToken));
        }

        var refused = results.Where(r => r.Status == "refused").Select(r => new RefusedCarrierRow(r.Line, r.EventId, r.Reference, r.Code ?? "refused", r.Reason ?? "")).ToList();
        if (refused.Count > 0)
        {
            var id = store.NewId().ToString("N");
            await store.AppendAsync(CarrierRefusalView.StreamPrefix + id, ExpectedVersion.NoStream, [new CarrierBatchRefusalsRecorded(id, carrier, results.Count, refused, caller.UserId, store.Clock.GetUtcNow())], cancellationToken: cancellationToken);
        }

        return new CarrierBatchReport(results.Count, results.Count(r => r.Status == "accepted"), results.Count(r => r.Status == "duplicate"), refused.Count, results);
    }

    private async Task<CarrierBatchRow> RecordAsync(int line, CarrierReport report, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                var receipt = await sender.Send(ReceiveCarrierEvent.From(report), cancellationToken);
                return new CarrierBatchRow(line, report.EventId, report.Reference, receipt.Status, null, null);
            }
            catch (DomainException e)
            {
                return new CarrierBatchRow(line, report.EventId, report.Reference, "refused", e.Error.Code, e.Error.MessageIn(CultureInfo.CurrentUICulture));
            }
            catch (Workflows.WorkflowTriggerNotPermittedException e)
            {
                return new CarrierBatchRow(line, report.EventId, report.Reference, "refused", "workflow.trigger-not-permitted", e.Message);
            }
            catch (ForbiddenException e)
            {
                return new CarrierBatchRow(line, report.EventId, report.Reference, "refused", "forbidden", e.Message);
            }
            catch (ResourceNotFoundException)
            {
                return new CarrierBatchRow(line, report.EventId, report.Reference, "refused", "carrier-event.reference-unknown", $"No service of this court goes by {report.Reference}.");
            }
            catch (WrongExpectedVersionException) when (attempt < 3)
            {
                // Someone wrote the same case meanwhile (the webhook, a clerk): read again and retry.
            }
        }
    }
}

/// <summary>RFC 4180 CSV: commas, double-quoted fields with doubled quotes, CRLF or LF; each record with its line number.</summary>
public static class Csv
{
    public sealed record Line(int Number, IReadOnlyList<string> Fields);

    public static IReadOnlyList<Line> Parse(string text)
    {
        var lines = new List<Line>();
        var fields = new List<string>();
        var field = new System.Text.StringBuilder();
        var quoted = false;
        var lineNumber = 1;
        var start = 1;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    if (c == '\n')
                    {
                        lineNumber++;
                    }

                    field.Append(c);
                }

                continue;
            }

            switch (c)
            {
                case '"' when field.Length == 0:
                    quoted = true;
                    break;
                case ',':
                    fields.Add(field.ToString());
                    field.Clear();
                    break;
                case '\r':
                    break;
                case '\n':
                    fields.Add(field.ToString());
                    field.Clear();
                    lines.Add(new Line(start, fields));
                    fields = [];
                    lineNumber++;
                    start = lineNumber;
                    break;
                default:
                    field.Append(c);
                    break;
            }
        }

        if (field.Length > 0 || fields.Count > 0)
        {
            fields.Add(field.ToString());
            lines.Add(new Line(start, fields));
        }

        // A byte-order mark on the header is the spreadsheet's, not a column name.
        if (lines.Count > 0 && lines[0].Fields.Count > 0 && lines[0].Fields[0].StartsWith('\uFEFF'))
        {
            lines[0] = lines[0] with { Fields = [lines[0].Fields[0][1..], .. lines[0].Fields.Skip(1)] };
        }

        return lines;
    }
}
