using Court.Application.Common;
using Court.Application.EventStore;
using Court.Application.Projections;
using Court.Domain.Common;
using Court.Domain.Documents;

namespace Court.Application.Documents;

/// <summary>
/// The documents capability's service, for slices that issue documents (notices, letters, rulings) and for the
/// documents endpoints. Issuing takes the next gap-free number of the series by appending to the series stream at
/// its expected version, retrying when another issuer took that number first.
/// </summary>
public sealed class DocumentIssuer(IEventStore store, IReadModels readModels, EventTypeRegistry registry, ICallerContext caller, TimeProvider clock, IVerificationKey key, Workflows.WorkflowExecution execution)
{
    private const int MaxAttempts = 200;

    public static string SeriesStreamId(DocumentSeriesKey series) => DocumentSeries.StreamPrefix + series.Id;

    public static string LifecycleStreamId(DocumentNumber number) => DocumentLifecycle.StreamPrefix + number.LifecycleId;

    /// <summary>
    /// Issues a document: assigns its number, content hash and verification code. Idempotent by
    /// <see cref="DocumentToIssue.DocumentId"/>. Throws <see cref="DomainException"/> for invalid content.
    /// </summary>
    public async Task<IssuedDocument> IssueAsync(DocumentToIssue request, CancellationToken cancellationToken = default)
    {
        var court = IssuingCourts.Find(request.CourtCode)
            ?? throw new DomainException(DomainError.Invalid("documents.court", $"cannot issue for unknown court '{request.CourtCode}'"));
        if (string.IsNullOrWhiteSpace(request.SourceStreamId))
        {
            throw new DomainException(DomainError.Invalid("documents.source-stream", "cannot issue a document that belongs to no stream"));
        }

        var command = new IssueDocument(request.DocumentId ?? execution.NewId(), request.Kind, court.Code, request.SourceStreamId, request.Content, caller.UserId);
        for (var attempt = 1; ; attempt++)
        {
            var now = clock.GetUtcNow();
            var series = DocumentSeriesKey.For(court, request.Kind, now);
            var streamId = SeriesStreamId(series);

            // Only the last event matters: the state is the last serial taken.
            var last = await store.ReadStreamAsync(streamId, ReadDirection.Backwards, long.MaxValue, 1, cancellationToken);
            var state = last is [var head] && registry.Deserialize(head) is { } e ? DocumentSeries.Initial.Evolve(e) : DocumentSeries.Initial;
            var version = last is [var h] ? h.Version : -1;
            var events = DocumentSeries.Issue(state, series, command, now).ThrowIfError();
            var metadata = new EventMetadata(caller.CorrelationId, caller.CausationId, caller.UserId, caller.Agency, now);
            var data = events.Select(ev => registry.ToEventData(ev, metadata, command.DocumentId)).ToList();
            try
            {
                await store.AppendToStreamAsync(streamId, version < 0 ? ExpectedVersion.NoStream : ExpectedVersion.Exactly(version), data, cancellationToken);
                var issued = (DocumentIssued)events[0];
                return await FindAsync(issued.Number, cancellationToken)
                    ?? throw new InvalidOperationException($"Document {issued.Number} was appended but cannot be read back.");
            }
            catch (WrongExpectedVersionException) when (attempt < MaxAttempts)
            {
                // Someone took this number first: take the next one.
                await Task.Delay(TimeSpan.FromMilliseconds(Random.Shared.Next(1, 5 + Math.Min(attempt, 20))), cancellationToken);
            }
            catch (DuplicateEventIdException)
            {
                // This document id was issued before (a retried request): answer with that document.
                return await FindByIdAsync(command.DocumentId, cancellationToken)
                    ?? throw new InvalidOperationException($"Document {command.DocumentId} is stored but its number is not indexed yet.");
            }
        }
    }

    /// <summary>Reads a document by its number (typed loosely is fine); null when there is no such document.</summary>
    public async Task<IssuedDocument?> FindAsync(string number, CancellationToken cancellationToken = default)
    {
        if (DocumentNumber.TryParse(number) is not { } parsed)
        {
            return null;
        }

        var found = await store.ReadStreamAsync(SeriesStreamId(parsed.Series), ReadDirection.Forwards, parsed.Serial - 1L, 1, cancellationToken);
        if (found is not [var recorded] || recorded.Version != parsed.Serial - 1L || registry.Deserialize(recorded) is not DocumentIssued issued)
        {
            return null;
        }

        var lifecycle = await store.ReadStreamAsync(LifecycleStreamId(parsed), cancellationToken: cancellationToken);
        DocumentStatusChange? change = null;
        var status = DocumentStatus.InForce;
        foreach (var e in lifecycle.Select(registry.Deserialize))
        {
            (status, change) = e switch
            {
                DocumentExecuted x => (DocumentStatus.Executed, new DocumentStatusChange(DocumentStatus.Executed, x.ExecutedBy, x.ExecutedAt, x.Reference)),
                DocumentRevoked x => (DocumentStatus.Revoked, new DocumentStatusChange(DocumentStatus.Revoked, x.RevokedBy, x.RevokedAt, x.Reason)),
                _ => (status, change),
            };
        }

        var intact = string.Equals(DocumentHash.Compute(issued.Kind, issued.CourtCode, issued.IssuedAt, issued.Content), issued.ContentHash, StringComparison.Ordinal)
            && string.Equals(issued.Number, parsed.ToString(), StringComparison.Ordinal);
        return new IssuedDocument(
            issued.DocumentId,
            issued.Number,
            issued.Kind,
            parsed.Court,
            issued.SourceStreamId,
            issued.Content,
            issued.ContentHash,
            intact,
            VerificationCode.Compute(key.Key, issued.Number, issued.ContentHash),
            status,
            issued.IssuedBy,
            issued.IssuedAt,
            change,
            lifecycle.Count == 0 ? -1 : lifecycle[^1].Version);
    }

    /// <summary>Reads a document by the id it was issued under (via the inline index, so a writer sees her own issuance).</summary>
    public async Task<IssuedDocument?> FindByIdAsync(Guid documentId, CancellationToken cancellationToken = default) =>
        await readModels.GetAsync<DocumentRecord>(DocumentRecord.IdOf(documentId), cancellationToken) is { } record
            ? await FindAsync(record.Number, cancellationToken)
            : null;

    /// <summary>A document by its id (a GUID, which no number can be) or else by its number: the one rule for both addresses.</summary>
    public Task<IssuedDocument?> FindByIdOrNumberAsync(string idOrNumber, CancellationToken cancellationToken = default) =>
        Guid.TryParse(idOrNumber, out var id) ? FindByIdAsync(id, cancellationToken) : FindAsync(idOrNumber, cancellationToken);

    /// <summary>The documents that belong to a stream (e.g. a release request's notices), oldest first.</summary>
    public async Task<IReadOnlyList<DocumentRecord>> ListAsync(string sourceStreamId, CancellationToken cancellationToken = default) =>
        [.. (await readModels.ListAsync<DocumentRecord>(sourceStreamId, cancellationToken)).OrderBy(d => d.IssuedAt).ThenBy(d => d.Number, StringComparer.Ordinal)];

    /// <summary>Records that the addressee executed the document. Executing twice changes nothing; a revoked one cannot be executed (409).</summary>
    public Task<IssuedDocument> MarkExecutedAsync(string number, string? reference, long? expectedVersion = null, CancellationToken cancellationToken = default) =>
        ChangeAsync(number, expectedVersion, (state, now) => DocumentLifecycle.MarkExecuted(state, reference, caller.UserId, now), cancellationToken);

    /// <summary>Revokes the document with a reason. Revoking twice changes nothing.</summary>
    public Task<IssuedDocument> RevokeAsync(string number, string reason, long? expectedVersion = null, CancellationToken cancellationToken = default) =>
        ChangeAsync(number, expectedVersion, (state, now) => DocumentLifecycle.Revoke(state, reason, caller.UserId, now), cancellationToken);

    /// <summary>
    /// The public check: genuine only if the number exists, its stored content still matches its stored hash, and the
    /// code is the HMAC of number and hash. A wrong code gets the same answer as an unknown number.
    /// </summary>
    public async Task<VerificationResult> VerifyAsync(string? number, string? code, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrWhiteSpace(number) || VerificationCode.Normalize(code) is null)
        {
            return VerificationResult.NotGenuine;
        }

        var document = await FindAsync(number, cancellationToken);
        if (document is null || !document.ContentIntact || !VerificationCode.Matches(document.VerificationCode, code))
        {
            return VerificationResult.NotGenuine;
        }

        return new VerificationResult(true, document.Number, document.Status, document.Court.NameZh, document.IssuedOn);
    }

    private async Task<IssuedDocument> ChangeAsync(string number, long? expectedVersion, Func<DocumentLifecycle, DateTimeOffset, Decision> decide, CancellationToken cancellationToken)
    {
        var document = await FindAsync(number, cancellationToken)
            ?? throw new DomainException(DomainError.NotFound("documents.not-found", $"no document numbered {number}"));
        var parsed = DocumentNumber.TryParse(document.Number)!;
        if (expectedVersion is { } ifMatch && ifMatch != document.Version)
        {
            throw new WrongExpectedVersionException(LifecycleStreamId(parsed), ExpectedVersion.Exactly(Math.Max(ifMatch, 0)), document.Version);
        }

        var state = new DocumentLifecycle(document.Id, document.Number, document.Status);
        var now = clock.GetUtcNow();
        var events = decide(state, now).ThrowIfError();
        if (events.Count == 0)
        {
            return document;
        }

        var metadata = new EventMetadata(caller.CorrelationId, caller.CausationId, caller.UserId, caller.Agency, now);
        await store.AppendToStreamAsync(
            LifecycleStreamId(parsed),
            document.Version < 0 ? ExpectedVersion.NoStream : ExpectedVersion.Exactly(document.Version),
            [.. events.Select(e => registry.ToEventData(e, metadata))],
            cancellationToken);
        return (await FindAsync(document.Number, cancellationToken))!;
    }
}
