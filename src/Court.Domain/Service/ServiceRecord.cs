using Court.Domain.Fees;

namespace Court.Domain.Service;

public enum ServiceOutcome
{
    /// <summary>Nothing final yet (in transit, refused and on its way back, or a public notice still running).</summary>
    Pending,
    Served,

    /// <summary>No service: the clerk must choose another channel.</summary>
    NotServed,
}

/// <summary>The rule that fixed the service date, named on the certificate.</summary>
public enum ServiceRule
{
    /// <summary>The signing date on the receipt.</summary>
    Signature,

    /// <summary>Returned after the recipient refused to sign: the return date.</summary>
    ReturnAfterRefusal,

    /// <summary>Returned because the confirmed address was wrong: the return date.</summary>
    ReturnWrongAddress,

    /// <summary>Returned because the recipient moved without telling the court: the return date.</summary>
    ReturnMoved,

    /// <summary>Electronic service: the day it reached the recipient's system.</summary>
    ReachedSystem,

    /// <summary>Left at the residence after refusal, witnessed or recorded.</summary>
    LeftAfterRefusal,

    /// <summary>Public notice: deemed served 30 days after publication (CPL Art. 95).</summary>
    PublicNoticeDeemed,
}

/// <summary>Why a service failed.</summary>
public enum ServiceFailure
{
    SignerNotEligible,

    /// <summary>Returned as undeliverable after the attempts and the phone contact the rules require.</summary>
    ReturnedUndeliverable,

    /// <summary>Returned as undeliverable without 3 attempts in 5 days and a failed phone contact: the carrier broke the rules.</summary>
    ReturnedWithoutDiligence,

    /// <summary>Returned for a wrong address that the recipient never confirmed.</summary>
    ReturnedWrongUnconfirmedAddress,
    ReturnedAddresseeUnknown,
    ReturnedAddresseeGone,
    ReturnedOther,
    Bounced,
}

/// <summary>
/// What a service came to, worked out from everything reported about it. For court express and electronic service
/// it is a function of the <em>set</em> of carrier events: they are deduplicated by the carrier's event id and ordered
/// by the carrier's time, so events that arrive late, twice or out of order give the same record.
/// </summary>
public sealed record ServiceRecord(
    ServiceOutcome Outcome,
    DateTimeOffset? ServedAt,
    DateOnly? ServedOn,
    ServiceRule? Rule,
    ServiceFailure? Failure,
    SignerProblem? SignerProblem,
    string? SignerName,
    SignerRelationship? Relationship,
    CarrierEvent? LastEvent,
    int FailedAttempts,
    bool Contacted,
    IReadOnlyList<CarrierEvent> Events,
    IReadOnlyList<string> Warnings)
{
    public static ServiceRecord Nothing { get; } = new(ServiceOutcome.Pending, null, null, null, null, null, null, null, null, 0, false, [], []);

    /// <summary>The carrier's events as one ordered, duplicate-free list: one event per id (the same reports twice are one), by carrier time.</summary>
    public static IReadOnlyList<CarrierEvent> Canonical(IEnumerable<CarrierEvent> events) =>
        [.. events
            .GroupBy(e => e.CarrierEventId, StringComparer.Ordinal)
            .Select(g => g.OrderBy(e => e.OccurredAt).ThenBy(e => e.ToString(), StringComparer.Ordinal).First())
            .OrderBy(e => e.OccurredAt)
            .ThenBy(e => e.CarrierEventId, StringComparer.Ordinal)];

    /// <summary>Court express: the first delivery or return, in carrier time, decides.</summary>
    public static ServiceRecord OfJudicialExpress(IEnumerable<CarrierEvent> reported, Recipient recipient)
    {
        var events = Canonical(reported);
        var record = Nothing with
        {
            Events = events,
            LastEvent = events.Count > 0 ? events[^1] : null,
            FailedAttempts = events.Count(e => e.Kind == CarrierEventKind.AttemptFailed),
            Contacted = events.Any(e => e.Kind == CarrierEventKind.ContactAttempted),
        };
        var terminals = events.Where(e => e.Kind is CarrierEventKind.Delivered or CarrierEventKind.Returned).ToList();
        if (terminals.Count == 0)
        {
            return record;
        }

        var first = terminals[0];
        var warnings = terminals.Skip(1).Select(e => $"{e.Kind} at {e.OccurredAt:yyyy-MM-dd HH:mm} after {first.Kind} at {first.OccurredAt:yyyy-MM-dd HH:mm}: the first decides; check the receipt.").ToList();
        record = record with { Warnings = warnings };
        if (first.Kind == CarrierEventKind.Delivered)
        {
            var problem = JudicialExpressRules.CheckSigner(recipient, first.SignerName, first.Relationship, first.SignerIdNumber);
            return problem is null
                ? Served(record, first, ServiceRule.Signature) with { SignerName = first.SignerName, Relationship = first.Relationship }
                : Failed(record, ServiceFailure.SignerNotEligible) with { SignerProblem = problem, SignerName = first.SignerName, Relationship = first.Relationship };
        }

        var before = events.TakeWhile(e => !ReferenceEquals(e, first)).ToList();
        return first.ReturnReason switch
        {
            ReturnReason.RefusedToSign => Served(record, first, ServiceRule.ReturnAfterRefusal),
            ReturnReason.MovedWithoutNotice => Served(record, first, ServiceRule.ReturnMoved),
            ReturnReason.WrongAddress when recipient.AddressConfirmedByRecipient => Served(record, first, ServiceRule.ReturnWrongAddress),
            ReturnReason.WrongAddress => Failed(record, ServiceFailure.ReturnedWrongUnconfirmedAddress),
            ReturnReason.NotDelivered => Failed(record, JudicialExpressRules.DiligenceMet(before) ? ServiceFailure.ReturnedUndeliverable : ServiceFailure.ReturnedWithoutDiligence),
            ReturnReason.AddresseeUnknown => Failed(record, ServiceFailure.ReturnedAddresseeUnknown),
            ReturnReason.AddresseeGone => Failed(record, ServiceFailure.ReturnedAddresseeGone),
            _ => Failed(record, ServiceFailure.ReturnedOther),
        };
    }

    /// <summary>Electronic service is served when it reaches the recipient's system (CPL Art. 90); a bounce with no arrival is no service.</summary>
    public static ServiceRecord OfElectronic(IEnumerable<CarrierEvent> reported)
    {
        var events = Canonical(reported);
        var record = Nothing with { Events = events, LastEvent = events.Count > 0 ? events[^1] : null };
        if (events.FirstOrDefault(e => e.Kind == CarrierEventKind.ReachedSystem) is { } reached)
        {
            return Served(record, reached, ServiceRule.ReachedSystem);
        }

        return events.Any(e => e.Kind == CarrierEventKind.Bounced) ? Failed(record, ServiceFailure.Bounced) : record;
    }

    /// <summary>Direct, entrusted or forwarded service, or service left after refusal, as the receipt or the record of refusal shows.</summary>
    public static ServiceRecord OfHandDelivery(HandDelivery? delivery, Recipient recipient)
    {
        if (delivery is null)
        {
            return Nothing;
        }

        var at = new DateTimeOffset(delivery.ServedOn.ToDateTime(TimeOnly.MinValue), ChinaTime.Offset);
        if (delivery.LeftAfterRefusal)
        {
            return Nothing with { Outcome = ServiceOutcome.Served, ServedAt = at, ServedOn = delivery.ServedOn, Rule = ServiceRule.LeftAfterRefusal, SignerName = delivery.SignerName, Relationship = delivery.Relationship };
        }

        var problem = JudicialExpressRules.CheckSigner(recipient, delivery.SignerName, delivery.Relationship, null);
        return problem is null
            ? Nothing with { Outcome = ServiceOutcome.Served, ServedAt = at, ServedOn = delivery.ServedOn, Rule = ServiceRule.Signature, SignerName = delivery.SignerName, Relationship = delivery.Relationship }
            : Nothing with { Outcome = ServiceOutcome.NotServed, Failure = ServiceFailure.SignerNotEligible, SignerProblem = problem, SignerName = delivery.SignerName, Relationship = delivery.Relationship };
    }

    /// <summary>
    /// A public notice is served on its deemed date once the file has recorded it (its period's timer fired); until then it
    /// is running, whatever the day: the record changes by an event, never by the time it is read.
    /// </summary>
    public static ServiceRecord OfPublicNotice(DateOnly? deemedServedOn)
    {
        if (deemedServedOn is not { } servedOn)
        {
            return Nothing;
        }

        var at = new DateTimeOffset(servedOn.ToDateTime(TimeOnly.MinValue), ChinaTime.Offset);
        return Nothing with { Outcome = ServiceOutcome.Served, ServedAt = at, ServedOn = servedOn, Rule = ServiceRule.PublicNoticeDeemed };
    }

    private static ServiceRecord Served(ServiceRecord record, CarrierEvent by, ServiceRule rule) =>
        record with { Outcome = ServiceOutcome.Served, ServedAt = by.OccurredAt, ServedOn = ChinaTime.DateOf(by.OccurredAt), Rule = rule };

    private static ServiceRecord Failed(ServiceRecord record, ServiceFailure failure) =>
        record with { Outcome = ServiceOutcome.NotServed, Failure = failure };
}

/// <summary>A receipt signed in hand, or the record of leaving it after refusal (witnesses or a video reference).</summary>
public sealed record HandDelivery(string SignerName, SignerRelationship? Relationship, DateOnly ServedOn, bool LeftAfterRefusal, IReadOnlyList<string> Witnesses, string? VideoReference);

/// <summary>A public notice and the day it counts as served.</summary>
public sealed record Publication(DateOnly PublishedOn, string Medium, DateOnly DeemedServedOn);
