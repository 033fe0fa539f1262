using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Court.Application.Common;
using Court.Application.Documents;
using Court.Application.EventStore;
using Court.Application.Pipeline;
using Court.Domain.Documents;
using FluentValidation;
using Mediator;

namespace Court.Application.Archives.Exporting;

/// <summary>
/// A stream's archive: a zip of its events as stored, the events of the documents issued in it, a manifest of their
/// hash chains, a README and a verifier. Court staff only.
/// </summary>
public sealed record ExportArchive(string StreamId) : IQuery<ArchiveFile>, Auditing.IAuditedRead<ArchiveFile>
{
    Auditing.ReadSubject Auditing.IAuditedRead<ArchiveFile>.AuditedAs(ArchiveFile response) => new(Auditing.ReadSubject.Archive, StreamId, StreamId);
}

public sealed record ArchiveFile(string FileName, byte[] Content);

public sealed class ExportArchiveValidator : AbstractValidator<ExportArchive>
{
    public ExportArchiveValidator() => RuleFor(q => q.StreamId).NotEmpty().MaximumLength(200);
}

public sealed class ArchiveRule(IServiceProvider services) : IAuthorizationRule<ExportArchive>, IAuthorizationRule<Verifying.VerifyStreamChain>
{
    // The export carries case content: court staff who may read the stream's case. The chain check reveals no
    // content: the system administrator too, for any stream.
    public async ValueTask<AuthorizationOutcome> EvaluateAsync(ExportArchive message, ICallerContext caller, CancellationToken cancellationToken)
    {
        var byRole = Access.RolesOnly(caller, Roles.Clerk, Roles.Judge);
        return byRole != AuthorizationOutcome.Allowed
            ? byRole
            : await StreamReaders.EvaluateAsync(services, message.StreamId, caller, cancellationToken) ?? AuthorizationOutcome.Allowed;
    }

    public ValueTask<AuthorizationOutcome> EvaluateAsync(Verifying.VerifyStreamChain message, ICallerContext caller, CancellationToken cancellationToken) =>
        ValueTask.FromResult(Access.RolesOnly(caller, Roles.Clerk, Roles.Judge, Roles.SystemAdministrator));
}

public sealed class ExportArchiveHandler(IEventStore store, DocumentIssuer documents, ICallerContext caller, TimeProvider clock) : IQueryHandler<ExportArchive, ArchiveFile>
{
    private static readonly JsonSerializerOptions Indented = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public async ValueTask<ArchiveFile> Handle(ExportArchive query, CancellationToken cancellationToken)
    {
        var main = await store.ReadStreamAsync(query.StreamId, cancellationToken: cancellationToken);
        if (main.Count == 0)
        {
            throw new ResourceNotFoundException($"No stream '{query.StreamId}'.");
        }

        var streams = new List<ArchiveStream> { Complete(query.StreamId, main) };
        foreach (var record in await documents.ListAsync(query.StreamId, cancellationToken))
        {
            if (DocumentNumber.TryParse(record.Number) is not { } number)
            {
                continue;
            }

            // The issuance is one event of the court-wide numbering series: export it alone, with the hash before it.
            var seriesId = DocumentIssuer.SeriesStreamId(number.Series);
            var at = number.Serial - 1L;
            var window = await store.ReadStreamAsync(seriesId, ReadDirection.Forwards, Math.Max(at - 1, 0), at == 0 ? 1 : 2, cancellationToken);
            if (window.Count > 0 && window[^1] is { } issued && issued.Version == at)
            {
                streams.Add(new ArchiveStream(seriesId, at, at == 0 ? "" : window[0].Hash, false, [issued]));
            }

            var lifecycleId = DocumentIssuer.LifecycleStreamId(number);
            var lifecycle = await store.ReadStreamAsync(lifecycleId, cancellationToken: cancellationToken);
            if (lifecycle.Count > 0)
            {
                streams.Add(Complete(lifecycleId, lifecycle));
            }
        }

        var report = await store.VerifyAsync(query.StreamId, cancellationToken);
        var events = streams.SelectMany(s => s.Events).Select(e => new
        {
            e.StreamId,
            e.Version,
            e.Position,
            EventId = e.EventId.ToString("D"),
            e.Type,
            RecordedAt = e.RecordedAt.ToUnixTimeMilliseconds(),
            RecordedAtUtc = e.RecordedAt.UtcDateTime.ToString("O", System.Globalization.CultureInfo.InvariantCulture),
            e.Data,
            e.Metadata,
            e.Hash,
        }).ToList();
        var eventsJson = JsonSerializer.SerializeToUtf8Bytes(events, Indented);
        var manifest = new
        {
            Format = "court-archive-v1",
            StreamId = query.StreamId,
            ExportedAt = clock.GetUtcNow(),
            ExportedBy = caller.UserId,
            HashAlgorithm = "sha256(previousHash \\n streamId \\n version \\n eventId \\n type \\n recordedAt \\n data \\n metadata), UTF-8, lower-case hex; see README.md",
            VerifiedAtExport = new { report.IsIntact, report.EventsChecked, BrokenAt = report.FirstBrokenLink },
            Files = new Dictionary<string, string> { ["events.json"] = Convert.ToHexStringLower(SHA256.HashData(eventsJson)) },
            Streams = streams.Select(s => new
            {
                s.StreamId,
                s.FromVersion,
                s.PreviousHash,
                HeadVersion = s.Events[^1].Version,
                HeadHash = s.Events[^1].Hash,
                s.Complete,
                Events = s.Events.Select(e => new { e.Version, EventId = e.EventId.ToString("D"), e.Type, e.Hash }),
            }),
        };

        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            Add(zip, "README.md", Encoding.UTF8.GetBytes(ArchiveFiles.Readme));
            Add(zip, "manifest.json", JsonSerializer.SerializeToUtf8Bytes(manifest, Indented));
            Add(zip, "events.json", eventsJson);
            Add(zip, "verify.py", Encoding.UTF8.GetBytes(ArchiveFiles.Verifier));
        }

        var safeName = new string([.. query.StreamId.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' ? c : '_')]);
        return new ArchiveFile($"archive-{safeName}.zip", buffer.ToArray());
    }

    private static ArchiveStream Complete(string streamId, IReadOnlyList<RecordedEvent> events) =>
        new(streamId, events[0].Version, "", events[0].Version == 0, events);

    private static void Add(ZipArchive zip, string name, byte[] content)
    {
        var entry = zip.CreateEntry(name, CompressionLevel.Optimal);
        using var stream = entry.Open();
        stream.Write(content);
    }

    private sealed record ArchiveStream(string StreamId, long FromVersion, string PreviousHash, bool Complete, IReadOnlyList<RecordedEvent> Events);
}
