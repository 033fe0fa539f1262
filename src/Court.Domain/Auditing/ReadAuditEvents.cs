using Court.Domain.Common;

namespace Court.Domain.Auditing;

/// <summary>
/// Someone read a confidential record: a case file, a document (as data, page or PDF), an archive, a service file.
/// Who and when are the event's metadata (user, agency, time); this says what and through which door.
/// </summary>
/// <param name="Kind">What sort of record: "bankruptcy-case", "document", "archive", … (<c>ReadSubject</c>'s kinds).</param>
/// <param name="Id">The record's id or number as the caller named it.</param>
/// <param name="Stream">The case stream the record belongs to, when there is one: the filter "who read this case".</param>
/// <param name="Via">The request it came through (method and path), when there was one.</param>
[EventType("auditing.record-read.v1")]
public sealed record RecordRead(string Kind, string Id, string? Stream, string? Via) : IDomainEvent;
