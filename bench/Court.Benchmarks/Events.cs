using Court.Domain.Common;

namespace Court.Benchmarks;

// The benchmark's events: registered, so the rebuild deserializes every one of them as a real projection would.

[EventType("bench.release-requested.v1")]
public sealed record ReleaseRequested(string CaseId, string AssetId, string Description, string Agency, long AmountFen, string RequestedBy, string Reason) : IDomainEvent;

[EventType("bench.asset-listed.v1")]
public sealed record AssetListed(string CaseId, string AssetId, string Description, string Agency, long AmountFen, string RequestedBy, string Reason) : IDomainEvent;

[EventType("bench.notice-addressed.v1")]
public sealed record NoticeAddressed(string CaseId, string AssetId, string Description, string Agency, long AmountFen, string RequestedBy, string Reason) : IDomainEvent;
