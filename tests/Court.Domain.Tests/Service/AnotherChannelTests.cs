using Court.Domain.Service;
using static Court.Domain.Tests.Service.Facts;

namespace Court.Domain.Tests.Service;

/// <summary>A service that came to no service needs another channel until the document is ordered to the recipient again.</summary>
public sealed class AnotherChannelTests
{
    private static ServiceState TheSummons(ServiceFile file) => file.ServiceById(SummonsByExpress.ServiceId)!;

    private static ServiceFile Reported(params CarrierEvent[] events) =>
        events.Aggregate(SummonsSent, (file, e) => file.Evolve(new CarrierEventRecorded(CaseId, e, e.OccurredAt)));

    private static CarrierEvent Returned(ReturnReason reason, string id = "r1") => Carrier(id, CarrierEventKind.Returned, Day(1, 9)) with { ReturnReason = reason };

    public static TheoryData<string> Failures => ["addressee-unknown", "addressee-gone", "other", "attempts-exhausted", "signer-not-allowed"];

    private static ServiceFile FailedBy(string failure) => failure switch
    {
        "addressee-unknown" => Reported(Returned(ReturnReason.AddresseeUnknown)),
        "addressee-gone" => Reported(Returned(ReturnReason.AddresseeGone)),
        "other" => Reported(Returned(ReturnReason.Other)),
        "attempts-exhausted" => Reported(
            Carrier("a1", CarrierEventKind.AttemptFailed, Day(1, 6, 11)),
            Carrier("a2", CarrierEventKind.AttemptFailed, Day(1, 7, 11)),
            Carrier("a3", CarrierEventKind.AttemptFailed, Day(1, 8, 11)),
            Carrier("c1", CarrierEventKind.ContactAttempted, Day(1, 8, 12)) with { ContactReached = false },
            Returned(ReturnReason.NotDelivered)),
        _ => Reported(Carrier("d1", CarrierEventKind.Delivered, Day(1, 7)) with { SignerName = "邻居 孙某", Relationship = SignerRelationship.Other }),
    };

    [Theory]
    [MemberData(nameof(Failures))]
    public void Given_a_failed_express_then_it_needs_another_channel(string failure)
    {
        var file = FailedBy(failure);

        Assert.Equal(ServiceOutcome.NotServed, file.RecordOf(TheSummons(file)).Outcome);
        Assert.True(file.NeedsAnotherChannel(TheSummons(file)));
    }

    [Theory]
    [MemberData(nameof(Failures))]
    public void Given_a_failed_express_when_the_document_is_served_by_another_channel_then_it_needs_none(string failure)
    {
        var failed = FailedBy(failure);
        var decision = When(failed, new ServiceCommand.Serve(Zhang.PartyId, ServiceChannel.Platform, [Summons], null, null, null), Day(1, 9, 15));

        var again = Assert.IsType<ServiceOrdered>(Assert.Single(decision.Events));
        Assert.Equal("doc-summons:p-zhang:2", again.ServiceId);
        var file = failed.Evolve(again);
        Assert.False(file.NeedsAnotherChannel(TheSummons(file)));
        Assert.False(file.NeedsAnotherChannel(file.ServiceById(again.ServiceId)!)); // the new one is on its way
    }

    [Fact]
    public void A_new_service_ordered_in_the_same_instant_still_follows_the_failed_one()
    {
        var failed = FailedBy("addressee-unknown");
        var file = failed.Evolve(SummonsByExpress with { ServiceId = "doc-summons:p-zhang:2", Channel = ServiceChannel.Direct, Waybill = null, At = SummonsByExpress.At });

        Assert.False(file.NeedsAnotherChannel(TheSummons(file)));
    }

    [Theory]
    [InlineData(ReturnReason.RefusedToSign)]
    [InlineData(ReturnReason.MovedWithoutNotice)]
    [InlineData(ReturnReason.WrongAddress)]
    public void A_return_that_binds_the_recipient_is_service_and_needs_no_other_channel(ReturnReason reason)
    {
        var file = Reported(Returned(reason));

        Assert.Equal(ServiceOutcome.Served, file.RecordOf(TheSummons(file)).Outcome);
        Assert.False(file.NeedsAnotherChannel(TheSummons(file)));
    }

    [Fact]
    public void A_service_still_on_its_way_needs_no_other_channel() =>
        Assert.False(SummonsSent.NeedsAnotherChannel(TheSummons(SummonsSent)));

    [Fact]
    public void A_late_signature_dated_before_the_return_makes_it_served_after_all()
    {
        var file = Reported(Returned(ReturnReason.AddresseeUnknown), Carrier("d1", CarrierEventKind.Delivered, Day(1, 7)) with { SignerName = "张三", Relationship = SignerRelationship.Recipient });

        Assert.False(file.NeedsAnotherChannel(TheSummons(file)));
    }
}
