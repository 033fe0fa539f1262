using Court.Domain.Service;
using static Court.Domain.Tests.Service.Facts;

namespace Court.Domain.Tests.Service;

public sealed class WhoMaySignTests
{
    private static ServiceRecord SignedBy(Recipient recipient, string signer, SignerRelationship relationship, string? idNumber = null) =>
        ServiceRecord.OfJudicialExpress(
            [Carrier("e1", CarrierEventKind.Accepted, Day(1, 6, 11)), Carrier("e2", CarrierEventKind.Delivered, Day(1, 7, 15)) with { SignerName = signer, Relationship = relationship, SignerIdNumber = idNumber }],
            recipient);

    [Theory]
    [InlineData("张三", SignerRelationship.Recipient)]
    [InlineData("张父", SignerRelationship.LegalRepresentative)]
    [InlineData("张父", SignerRelationship.Guardian)]
    [InlineData("李明", SignerRelationship.LitigationAgent)]
    [InlineData("王五", SignerRelationship.DesignatedReceiver)]
    [InlineData("张妻", SignerRelationship.CohabitingFamilyMember)]
    public void A_person_is_served_by_the_signature_of(string signer, SignerRelationship relationship)
    {
        var record = SignedBy(ZhangRecipient, signer, relationship);

        Assert.Equal((ServiceOutcome.Served, ServiceRule.Signature, new DateOnly(2025, 1, 7)), (record.Outcome, record.Rule!.Value, record.ServedOn!.Value));
    }

    [Theory]
    [InlineData("刘总", SignerRelationship.LegalRepresentative)]
    [InlineData("刘总", SignerRelationship.OrganisationHead)]
    [InlineData("办公室 陈某", SignerRelationship.OrganisationOffice)]
    [InlineData("收发室 周某", SignerRelationship.MailRoom)]
    [InlineData("值班室 吴某", SignerRelationship.DutyRoom)]
    public void An_organisation_is_served_by_the_signature_of(string signer, SignerRelationship relationship) =>
        Assert.Equal(ServiceOutcome.Served, SignedBy(LenderRecipient, signer, relationship).Outcome);

    [Theory]
    [InlineData("李四", SignerRelationship.Recipient, SignerProblem.NotTheRecipient)]
    [InlineData("陈律师", SignerRelationship.LitigationAgent, SignerProblem.NotARegisteredAgent)]
    [InlineData("赵六", SignerRelationship.DesignatedReceiver, SignerProblem.NotTheDesignatedReceiver)]
    [InlineData("收发室 周某", SignerRelationship.MailRoom, SignerProblem.WrongKindOfRecipient)]
    [InlineData("邻居 孙某", SignerRelationship.Other, SignerProblem.NotAllowed)]
    [InlineData("重庆某某小额贷款有限公司", SignerRelationship.CohabitingFamilyMember, SignerProblem.OtherParty)]
    public void A_signature_by_anyone_else_is_not_service(string signer, SignerRelationship relationship, SignerProblem problem)
    {
        var record = SignedBy(ZhangRecipient, signer, relationship);

        Assert.Equal((ServiceOutcome.NotServed, ServiceFailure.SignerNotEligible, problem), (record.Outcome, record.Failure!.Value, record.SignerProblem!.Value));
        Assert.Null(record.ServedOn);
    }

    [Fact]
    public void A_family_member_cannot_sign_for_an_organisation() =>
        Assert.Equal(SignerProblem.WrongKindOfRecipient, SignedBy(LenderRecipient, "某某", SignerRelationship.CohabitingFamilyMember).SignerProblem);

    [Fact]
    public void The_other_party_is_recognised_by_its_id_number_even_under_another_name() =>
        Assert.Equal(SignerProblem.OtherParty, SignedBy(LenderRecipient, "张老三", SignerRelationship.OrganisationOffice, "500116199001011234").SignerProblem);
}

public sealed class ReturnTests
{
    private static ServiceRecord Returned(ReturnReason reason, Recipient? recipient = null, params CarrierEvent[] before) =>
        ServiceRecord.OfJudicialExpress([.. before, Carrier("ret", CarrierEventKind.Returned, Day(1, 13, 16)) with { ReturnReason = reason }], recipient ?? ZhangRecipient);

    [Theory]
    [InlineData(ReturnReason.RefusedToSign, ServiceRule.ReturnAfterRefusal)]
    [InlineData(ReturnReason.MovedWithoutNotice, ServiceRule.ReturnMoved)]
    [InlineData(ReturnReason.WrongAddress, ServiceRule.ReturnWrongAddress)]
    public void A_return_the_recipient_caused_makes_the_return_date_the_service_date(ReturnReason reason, ServiceRule rule)
    {
        var record = Returned(reason);

        Assert.Equal((ServiceOutcome.Served, rule, new DateOnly(2025, 1, 13)), (record.Outcome, record.Rule!.Value, record.ServedOn!.Value));
    }

    [Fact]
    public void A_wrong_address_the_recipient_never_confirmed_is_no_service() =>
        Assert.Equal(ServiceFailure.ReturnedWrongUnconfirmedAddress, Returned(ReturnReason.WrongAddress, ZhangRecipient with { AddressConfirmedByRecipient = false }).Failure);

    [Theory]
    [InlineData(ReturnReason.AddresseeUnknown, ServiceFailure.ReturnedAddresseeUnknown)]
    [InlineData(ReturnReason.AddresseeGone, ServiceFailure.ReturnedAddresseeGone)]
    [InlineData(ReturnReason.Other, ServiceFailure.ReturnedOther)]
    public void Any_other_return_is_no_service_and_needs_another_channel(ReturnReason reason, ServiceFailure failure)
    {
        var record = Returned(reason);

        Assert.Equal((ServiceOutcome.NotServed, failure), (record.Outcome, record.Failure!.Value));
        Assert.Null(record.ServedOn);
    }

    private static readonly CarrierEvent[] ThreeAttemptsAndAFailedCall =
    [
        Carrier("a1", CarrierEventKind.AttemptFailed, Day(1, 7)),
        Carrier("a2", CarrierEventKind.AttemptFailed, Day(1, 9)),
        Carrier("c1", CarrierEventKind.ContactAttempted, Day(1, 9, 11)) with { ContactReached = false },
        Carrier("a3", CarrierEventKind.AttemptFailed, Day(1, 11)),
    ];

    [Fact]
    public void An_undeliverable_return_after_three_attempts_in_five_days_and_a_failed_call_is_a_proper_return()
    {
        var record = Returned(ReturnReason.NotDelivered, null, ThreeAttemptsAndAFailedCall);

        Assert.Equal((ServiceOutcome.NotServed, ServiceFailure.ReturnedUndeliverable, 3, true), (record.Outcome, record.Failure!.Value, record.FailedAttempts, record.Contacted));
    }

    [Fact]
    public void An_undeliverable_return_with_only_two_attempts_breaks_the_rules() =>
        Assert.Equal(ServiceFailure.ReturnedWithoutDiligence, Returned(ReturnReason.NotDelivered, null, [.. ThreeAttemptsAndAFailedCall.Where(e => e.CarrierEventId != "a3")]).Failure);

    [Fact]
    public void Three_attempts_spread_over_more_than_five_days_are_not_enough() =>
        Assert.Equal(ServiceFailure.ReturnedWithoutDiligence, Returned(ReturnReason.NotDelivered, null, [.. ThreeAttemptsAndAFailedCall.Where(e => e.CarrierEventId != "a3"), Carrier("a3", CarrierEventKind.AttemptFailed, Day(1, 12))]).Failure);

    [Fact]
    public void Without_trying_to_reach_the_recipient_by_phone_the_return_breaks_the_rules() =>
        Assert.Equal(ServiceFailure.ReturnedWithoutDiligence, Returned(ReturnReason.NotDelivered, null, [.. ThreeAttemptsAndAFailedCall.Where(e => e.Kind != CarrierEventKind.ContactAttempted)]).Failure);

    [Fact]
    public void A_call_that_reached_the_recipient_does_not_justify_a_return_for_non_delivery() =>
        Assert.Equal(ServiceFailure.ReturnedWithoutDiligence, Returned(ReturnReason.NotDelivered, null, [.. ThreeAttemptsAndAFailedCall.Select(e => e.Kind == CarrierEventKind.ContactAttempted ? e with { ContactReached = true } : e)]).Failure);

    [Fact]
    public void Attempts_reported_after_the_return_do_not_count_for_it() =>
        Assert.Equal(ServiceFailure.ReturnedWithoutDiligence, Returned(ReturnReason.NotDelivered, null, [.. ThreeAttemptsAndAFailedCall.Where(e => e.CarrierEventId != "a3"), Carrier("a3", CarrierEventKind.AttemptFailed, Day(1, 14))]).Failure);

    [Fact]
    public void A_refusal_at_the_door_waits_for_the_return_which_gives_the_service_date()
    {
        var refused = Carrier("r1", CarrierEventKind.Refused, Day(1, 8));
        Assert.Equal(ServiceOutcome.Pending, ServiceRecord.OfJudicialExpress([refused], ZhangRecipient).Outcome);
        Assert.Equal(new DateOnly(2025, 1, 13), Returned(ReturnReason.RefusedToSign, null, refused).ServedOn);
    }

    [Fact]
    public void A_signed_receipt_for_an_item_also_reported_returned_keeps_the_first_and_warns()
    {
        var record = ServiceRecord.OfJudicialExpress(
            [Carrier("d", CarrierEventKind.Delivered, Day(1, 8)) with { SignerName = "张三", Relationship = SignerRelationship.Recipient }, Carrier("ret", CarrierEventKind.Returned, Day(1, 13)) with { ReturnReason = ReturnReason.AddresseeUnknown }],
            ZhangRecipient);

        Assert.Equal((ServiceOutcome.Served, new DateOnly(2025, 1, 8)), (record.Outcome, record.ServedOn!.Value));
        Assert.Single(record.Warnings);
    }

    [Fact]
    public void Nothing_reported_yet_is_pending_not_failed() =>
        Assert.Equal((ServiceOutcome.Pending, (ServiceFailure?)null), (ServiceRecord.OfJudicialExpress([], ZhangRecipient).Outcome, ServiceRecord.OfJudicialExpress([], ZhangRecipient).Failure));
}

public sealed class ElectronicServiceTests
{
    private const string Reference = "doc-summons:p-zhang:1";

    [Fact]
    public void Electronic_service_is_served_when_it_reaches_the_recipients_system_not_when_read()
    {
        var record = ServiceRecord.OfElectronic([Carrier("m1", CarrierEventKind.ReachedSystem, Day(1, 6, 23), Reference)]);

        Assert.Equal((ServiceOutcome.Served, ServiceRule.ReachedSystem, new DateOnly(2025, 1, 6)), (record.Outcome, record.Rule!.Value, record.ServedOn!.Value));
    }

    [Fact]
    public void A_bounce_with_no_arrival_is_no_service() =>
        Assert.Equal(ServiceFailure.Bounced, ServiceRecord.OfElectronic([Carrier("m1", CarrierEventKind.Bounced, Day(1, 6), Reference)]).Failure);

    [Fact]
    public void The_service_date_is_the_china_date_of_arrival() =>
        Assert.Equal(new DateOnly(2025, 1, 7), ServiceRecord.OfElectronic([Carrier("m1", CarrierEventKind.ReachedSystem, new DateTimeOffset(2025, 1, 6, 16, 30, 0, TimeSpan.Zero), Reference)]).ServedOn);
}
