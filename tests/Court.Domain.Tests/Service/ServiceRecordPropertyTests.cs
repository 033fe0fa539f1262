using System.Text.Json;
using System.Text.Json.Serialization;
using Court.Domain.Service;
using CsCheck;
using static Court.Domain.Tests.Service.Facts;

namespace Court.Domain.Tests.Service;

/// <summary>Carrier events come late, twice and out of order: the record depends only on the set of events.</summary>
public sealed class ServiceRecordPropertyTests
{
    private static readonly JsonSerializerOptions Json = new() { Converters = { new JsonStringEnumConverter() } };

    private static readonly string[] Signers = ["张三", "李明", "王五", "张妻", "邻居", "重庆某某小额贷款有限公司"];

    /// <summary>A plausible, messy history of one waybill: up to 12 distinct reports, at times within two weeks of dispatch.</summary>
    private static readonly Gen<CarrierEvent[]> Histories =
        Gen.Select(
            Gen.Enum<CarrierEventKind>().Where(k => k is not (CarrierEventKind.ReachedSystem or CarrierEventKind.Bounced)),
            Gen.Int[0, 14 * 24 * 60],
            Gen.OneOf(Signers.Select(Gen.Const).ToArray()),
            Gen.Enum<SignerRelationship>(),
            Gen.Enum<ReturnReason>(),
            Gen.Bool,
            (kind, minutes, signer, relationship, reason, reached) => (kind, minutes, signer, relationship, reason, reached))
        .Array[0, 12]
        .Select(drafts => drafts.Select((d, i) => Carrier($"ems-{i}", d.kind, Now.AddMinutes(d.minutes)) with
        {
            SignerName = d.kind == CarrierEventKind.Delivered ? d.signer : null,
            Relationship = d.kind == CarrierEventKind.Delivered ? d.relationship : null,
            ReturnReason = d.kind == CarrierEventKind.Returned ? d.reason : null,
            ContactReached = d.kind == CarrierEventKind.ContactAttempted ? d.reached : null,
        }).ToArray());

    /// <summary>The history, shuffled, with some of its reports delivered again.</summary>
    private static readonly Gen<(CarrierEvent[] History, CarrierEvent[] Arrived)> Arrivals =
        Histories.SelectMany(history => Gen.Int[0, Math.Max(0, history.Length - 1)].Array[0, history.Length == 0 ? 0 : 6]
            .SelectMany(repeats => Gen.Shuffle(history.Concat(repeats.Select(i => history[i])).ToArray()))
            .Select(arrived => (history, arrived)));

    [Fact]
    public void Any_order_and_any_duplication_of_the_same_events_gives_the_same_record() =>
        Arrivals.Sample((history, arrived) =>
            Show(ServiceRecord.OfJudicialExpress(arrived, ZhangRecipient)) == Show(ServiceRecord.OfJudicialExpress(history.OrderBy(e => e.OccurredAt), ZhangRecipient)));

    [Fact]
    public void Events_recorded_through_the_file_in_arrival_order_give_the_record_of_the_carriers_order() =>
        Arrivals.Sample((history, arrived) =>
        {
            var file = arrived.Aggregate(SummonsSent, (state, e) =>
            {
                var decision = When(state, new ServiceCommand.RecordCarrierEvent(e), Now.AddDays(15));
                return decision.Events.Aggregate(state, (s, recorded) => s.Evolve(recorded));
            });
            var expected = ServiceRecord.OfJudicialExpress(history.Where(IsComplete), ZhangRecipient);
            return Show(file.RecordOf(file.Services.Single())) == Show(expected);
        });

    [Fact]
    public void The_duplicates_a_carrier_sends_are_stored_once() =>
        Arrivals.Sample((history, arrived) =>
        {
            var file = arrived.Aggregate(SummonsSent, (state, e) =>
                When(state, new ServiceCommand.RecordCarrierEvent(e), Now.AddDays(15)).Events.Aggregate(state, (s, recorded) => s.Evolve(recorded)));
            return file.CarrierEvents.Count == history.Count(IsComplete);
        });

    /// <summary>The file refuses reports that lack what their kind needs (a delivery without a signer, say); generated histories contain none.</summary>
    private static bool IsComplete(CarrierEvent e) => e.Kind is not CarrierEventKind.Delivered || e.SignerName is not null;

    private static string Show(ServiceRecord record) => JsonSerializer.Serialize(record, Json);
}
