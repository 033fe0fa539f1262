using Court.Domain.Common;
using Court.Domain.Fees;
using Court.Domain.Service;
using static Court.Domain.Tests.Bankruptcy.Spec;
using static Court.Domain.Tests.Service.Facts;

namespace Court.Domain.Tests.Service;

public sealed class PartiesAndAddressesTests
{
    [Fact]
    public void A_person_is_registered_with_a_valid_resident_id_number_stored_in_canonical_form() =>
        Then(When(Given<ServiceFile>(Opened()), new ServiceCommand.RegisterParty(Zhang with { IdNumber = "５００１１６１９９００１０１１２３４" })),
            new PartyRegistered(CaseId, Zhang, Clerk, Now));

    [Fact]
    public void A_person_with_a_bad_resident_id_number_is_refused_naming_the_check() =>
        ThenError(When(Given<ServiceFile>(Opened()), new ServiceCommand.RegisterParty(Zhang with { IdNumber = "500116199001011235" })), "resident-id.check", ErrorKind.Validation);

    [Fact]
    public void An_organisation_is_identified_by_its_credit_code() =>
        ThenError(When(Given<ServiceFile>(Opened()), new ServiceCommand.RegisterParty(Lender with { IdNumber = "500116199001011234" })), "credit-code.check", ErrorKind.Validation);

    [Fact]
    public void Registering_the_same_party_again_yields_nothing() =>
        ThenNothing(When(File(), new ServiceCommand.RegisterParty(Zhang)));

    [Fact]
    public void An_agent_needs_a_valid_lawyer_licence_number() =>
        ThenError(When(File(), new ServiceCommand.AppointAgent(Li with { AgentId = "a-2", LicenceNumber = "1500120091012345" })), "lawyer-licence.length", ErrorKind.Validation);

    [Fact]
    public void An_agents_law_firm_licence_is_checked_as_a_law_practice_bodys_credit_code_and_stored_with_the_day_he_was_registered()
    {
        ThenError(When(File(), new ServiceCommand.AppointAgent(Li with { AgentId = "a-2", LawFirmLicence = "91500116MA5U5X7A8B" })), "law-firm-licence.not-a-law-firm", ErrorKind.Validation);
        var appointed = Li with { AgentId = "a-2", LawFirmLicence = "31500000MD0123456T", AppointedOn = new DateOnly(2025, 1, 6) };
        Then(When(File(), new ServiceCommand.AppointAgent(appointed with { LawFirmLicence = "31500000md0123456t", AppointedOn = null })), new AgentAppointed(CaseId, appointed, Clerk, Now));
    }

    [Fact]
    public void Registering_the_same_agent_again_on_a_later_day_yields_nothing() =>
        ThenNothing(When(File(), new ServiceCommand.AppointAgent(Li)));

    [Fact]
    public void The_first_address_confirmation_is_confirmed_and_a_later_one_is_a_dated_change()
    {
        var file = Given<ServiceFile>(Registered()[..4]);
        Then(When(file, new ServiceCommand.ConfirmAddress(Zhang.PartyId, ZhangAddress)), new AddressConfirmed(CaseId, Zhang.PartyId, ZhangAddress, Clerk, Now));

        var moved = ZhangAddress with { PostalAddress = "重庆市江津区德感街道1号", SignedOn = new DateOnly(2025, 1, 5) };
        Then(When(File(), new ServiceCommand.ConfirmAddress(Zhang.PartyId, moved)), new AddressChanged(CaseId, Zhang.PartyId, moved, Clerk, Now));
    }

    [Fact]
    public void The_confirmation_binds_from_its_signing_date_until_a_later_change()
    {
        var moved = ZhangAddress with { PostalAddress = "重庆市江津区德感街道1号", SignedOn = new DateOnly(2025, 1, 5) };
        var file = File().Evolve(new AddressChanged(CaseId, Zhang.PartyId, moved, Clerk, Now));

        Assert.Equal(ZhangAddress.PostalAddress, file.AddressInForce(Zhang.PartyId, new DateOnly(2025, 1, 4))!.PostalAddress);
        Assert.Equal(moved.PostalAddress, file.AddressInForce(Zhang.PartyId, new DateOnly(2025, 1, 5))!.PostalAddress);
        Assert.Null(file.AddressInForce(Zhang.PartyId, new DateOnly(2025, 1, 1)));
    }

    [Fact]
    public void A_change_cannot_be_dated_before_the_confirmation_it_replaces() =>
        ThenError(When(File(), new ServiceCommand.ConfirmAddress(Zhang.PartyId, ZhangAddress with { Phone = "13900000000", SignedOn = new DateOnly(2025, 1, 1) })), "service.address-change-backdated", ErrorKind.Conflict);

    [Fact]
    public void Confirming_the_same_address_again_yields_nothing() =>
        ThenNothing(When(File(), new ServiceCommand.ConfirmAddress(Zhang.PartyId, ZhangAddress with { ElectronicConsent = [.. ZhangAddress.ElectronicConsent.Reverse()] })));
}

public sealed class OrderingServiceTests
{
    private static ServiceCommand.Serve Express(params ServedDocument[] documents) =>
        new(Zhang.PartyId, ServiceChannel.JudicialExpress, documents.Length == 0 ? [Summons] : documents, Waybill, null, null);

    [Fact]
    public void Court_express_sends_the_document_to_the_confirmed_address_under_its_waybill() =>
        Then(When(File(), Express()), SummonsByExpress);

    [Fact]
    public void Several_documents_in_one_envelope_are_one_service_each_sharing_the_waybill()
    {
        var notice = new ServedDocument("doc-evidence", "举证通知书", ServedDocumentKind.EvidenceNotice, null, null, 7);
        var decision = When(File(), Express(Summons, notice));

        Assert.Equal(["doc-summons:p-zhang:1", "doc-evidence:p-zhang:1"], decision.Events.Cast<ServiceOrdered>().Select(e => e.ServiceId));
        Assert.All(decision.Events.Cast<ServiceOrdered>(), e => Assert.Equal(Waybill, e.Waybill));
    }

    [Fact]
    public void A_waybill_with_a_wrong_check_digit_is_refused() =>
        ThenError(When(File(), Express() with { Waybill = "EA123456784CN" }), "waybill.check", ErrorKind.Validation);

    [Fact]
    public void One_waybill_never_goes_to_two_recipients() =>
        ThenError(When(SummonsSent, new ServiceCommand.Serve(Lender.PartyId, ServiceChannel.JudicialExpress, [Summons], Waybill, "重庆市江津区1号", "023-1")), "service.waybill-in-use", ErrorKind.Conflict);

    [Fact]
    public void Without_a_confirmed_address_court_express_needs_the_address_from_the_filing()
    {
        ThenError(When(File(), new ServiceCommand.Serve(Lender.PartyId, ServiceChannel.JudicialExpress, [Summons], OtherWaybill, null, null)), "service.address-missing", ErrorKind.Validation);

        var ordered = (ServiceOrdered)When(File(), new ServiceCommand.Serve(Lender.PartyId, ServiceChannel.JudicialExpress, [Summons], OtherWaybill, "重庆市江津区1号", "023-1")).Events.Single();
        Assert.False(ordered.Recipient.AddressConfirmedByRecipient);
    }

    [Fact]
    public void Electronic_service_goes_to_the_confirmed_electronic_address_for_a_consented_kind()
    {
        var ordered = (ServiceOrdered)When(File(), new ServiceCommand.Serve(Zhang.PartyId, ServiceChannel.Sms, [Summons], null, null, null)).Events.Single();
        Assert.Equal(new DeliveryAddress(null, null, "13800000000"), ordered.Address);
    }

    [Fact]
    public void Electronic_service_of_a_kind_the_recipient_did_not_consent_to_is_refused() =>
        ThenError(When(File(), new ServiceCommand.Serve(Zhang.PartyId, ServiceChannel.Email, [Judgment], null, null, null)), "service.no-consent");

    [Fact]
    public void Electronic_service_without_any_address_confirmation_is_refused() =>
        ThenError(When(File(), new ServiceCommand.Serve(Lender.PartyId, ServiceChannel.Platform, [Summons], null, null, null)), "service.no-consent");

    [Theory]
    [InlineData(Procedure.SmallClaims)]
    [InlineData(Procedure.Simple)]
    public void Public_notice_is_refused_in_simple_and_small_claims_procedure(Procedure procedure) =>
        ThenError(When(File(procedure), new ServiceCommand.Serve(Zhang.PartyId, ServiceChannel.PublicNotice, [Summons], null, null, null)), "service.public-notice-refused");

    [Fact]
    public void Public_notice_is_allowed_in_ordinary_procedure() =>
        Assert.IsType<ServiceOrdered>(When(File(Procedure.Ordinary), new ServiceCommand.Serve(Zhang.PartyId, ServiceChannel.PublicNotice, [Summons], null, null, null)).Events.Single());

    [Fact]
    public void An_evidence_notice_carries_the_period_the_court_set_at_most_seven_days_in_small_claims()
    {
        ThenError(When(File(), Express(new ServedDocument("d", "举证通知书", ServedDocumentKind.EvidenceNotice, null, null))), "service.evidence-days-required", ErrorKind.Validation);
        ThenError(When(File(), Express(new ServedDocument("d", "举证通知书", ServedDocumentKind.EvidenceNotice, null, null, 10))), "service.evidence-days-too-long", ErrorKind.Validation);
    }

    [Fact]
    public void Serving_the_same_document_again_while_it_is_on_its_way_by_the_same_envelope_yields_nothing() =>
        ThenNothing(When(SummonsSent, Express()));

    [Fact]
    public void A_second_channel_is_refused_while_the_first_service_is_still_running() =>
        ThenError(When(SummonsSent, new ServiceCommand.Serve(Zhang.PartyId, ServiceChannel.Sms, [Summons], null, null, null)), "service.already-running", ErrorKind.Conflict);

    [Fact]
    public void A_recipient_is_never_served_the_same_document_twice()
    {
        var served = SummonsSent.Evolve(new CarrierEventRecorded(CaseId, Carrier("e1", CarrierEventKind.Delivered, Day(1, 7)) with { SignerName = "张三", Relationship = SignerRelationship.Recipient }, Day(1, 7)));

        ThenError(When(served, new ServiceCommand.Serve(Zhang.PartyId, ServiceChannel.Sms, [Summons], null, null, null), Day(1, 8)), "service.already-served", ErrorKind.Conflict);
    }

    [Fact]
    public void After_a_failed_service_the_clerk_may_choose_another_channel()
    {
        var returned = SummonsSent.Evolve(new CarrierEventRecorded(CaseId, Carrier("e1", CarrierEventKind.Returned, Day(1, 7)) with { ReturnReason = ReturnReason.AddresseeUnknown }, Day(1, 7)));

        var retry = (ServiceOrdered)When(returned, new ServiceCommand.Serve(Zhang.PartyId, ServiceChannel.Sms, [Summons], null, null, null), Day(1, 8)).Events.Single();
        Assert.Equal(("doc-summons:p-zhang:2", ServiceChannel.Sms), (retry.ServiceId, retry.Channel));
    }

    [Fact]
    public void A_proxy_signer_who_is_the_other_party_is_known_from_the_order() =>
        Assert.Equal([new OtherParty(Lender.Name, Lender.IdNumber)], SummonsByExpress.Recipient.OtherSide);
}

public sealed class RecordingTests
{
    [Fact]
    public void A_carrier_event_is_stored_once_per_carrier_event_id()
    {
        var accepted = Carrier("e1", CarrierEventKind.Accepted, Day(1, 6, 11));
        Then(When(SummonsSent, new ServiceCommand.RecordCarrierEvent(accepted), Day(1, 6, 12)), new CarrierEventRecorded(CaseId, accepted, Day(1, 6, 12)));

        var stored = SummonsSent.Evolve(new CarrierEventRecorded(CaseId, accepted, Day(1, 6, 12)));
        ThenNothing(When(stored, new ServiceCommand.RecordCarrierEvent(accepted), Day(1, 7)));
        ThenError(When(stored, new ServiceCommand.RecordCarrierEvent(accepted with { Kind = CarrierEventKind.Refused }), Day(1, 7)), "carrier-event.id-reused", ErrorKind.Conflict);
    }

    [Fact]
    public void A_carrier_event_for_a_waybill_the_case_does_not_have_is_not_found() =>
        ThenError(When(SummonsSent, new ServiceCommand.RecordCarrierEvent(Carrier("e1", CarrierEventKind.Accepted, Day(1, 6, 11), OtherWaybill)), Day(1, 7)), "carrier-event.reference-unknown", ErrorKind.NotFound);

    [Theory]
    [InlineData(CarrierEventKind.Delivered, "carrier-event.signer")]
    [InlineData(CarrierEventKind.Returned, "carrier-event.return-reason")]
    [InlineData(CarrierEventKind.ContactAttempted, "carrier-event.contact-reached")]
    [InlineData(CarrierEventKind.ReachedSystem, "carrier-event.kind")]
    public void A_carrier_event_missing_what_its_kind_needs_is_refused(CarrierEventKind kind, string code) =>
        ThenError(When(SummonsSent, new ServiceCommand.RecordCarrierEvent(Carrier("e1", kind, Day(1, 6, 11))), Day(1, 7)), code, ErrorKind.Validation);

    [Fact]
    public void A_carrier_event_from_the_future_is_refused() =>
        ThenError(When(SummonsSent, new ServiceCommand.RecordCarrierEvent(Carrier("e1", CarrierEventKind.Accepted, Day(1, 9))), Day(1, 7)), "carrier-event.time", ErrorKind.Validation);

    [Fact]
    public void Leaving_a_document_after_refusal_needs_witnesses_or_a_video_record()
    {
        var ordered = SummonsByExpress with { ServiceId = "s-left", Channel = ServiceChannel.LeftAfterRefusal, Waybill = null };
        var file = File().Evolve(ordered);

        ThenError(When(file, new ServiceCommand.RecordHandDelivery("s-left", new HandDelivery("张三", SignerRelationship.Recipient, new DateOnly(2025, 1, 6), false, [], null))), "service.refusal-unrecorded", ErrorKind.Validation);

        var delivery = new HandDelivery("张三", SignerRelationship.Recipient, new DateOnly(2025, 1, 6), true, ["村委会 刘某"], "video-001");
        var decision = When(file, new ServiceCommand.RecordHandDelivery("s-left", delivery with { LeftAfterRefusal = false }));
        var recorded = Given<ServiceFile>([.. Registered(), ordered, .. decision.Events]);
        var record = recorded.RecordOf(recorded.ServiceById("s-left")!);
        Assert.Equal((ServiceOutcome.Served, ServiceRule.LeftAfterRefusal, new DateOnly(2025, 1, 6)), (record.Outcome, record.Rule!.Value, record.ServedOn!.Value));
    }

    [Fact]
    public void Direct_service_signed_by_someone_not_allowed_to_sign_is_not_service()
    {
        var ordered = SummonsByExpress with { ServiceId = "s-direct", Channel = ServiceChannel.Direct, Waybill = null };
        var file = File().Evolve(ordered).Evolve(new HandDeliveryRecorded(CaseId, "s-direct", new HandDelivery("赵六", SignerRelationship.Other, new DateOnly(2025, 1, 6), false, [], null), Clerk, Now));

        var record = file.RecordOf(file.ServiceById("s-direct")!);
        Assert.Equal((ServiceOutcome.NotServed, ServiceFailure.SignerNotEligible), (record.Outcome, record.Failure!.Value));
    }

    [Fact]
    public void A_certificate_is_issued_only_once_the_service_is_complete()
    {
        ThenError(When(SummonsSent, new ServiceCommand.RecordCertificate(SummonsByExpress.ServiceId, "cert-1", "江津法送字〔2025〕第0001号")), "service.not-served");

        var served = SummonsSent.Evolve(new CarrierEventRecorded(CaseId, Carrier("e1", CarrierEventKind.Delivered, Day(1, 7)) with { SignerName = "张三", Relationship = SignerRelationship.Recipient }, Day(1, 7)));
        Then(When(served, new ServiceCommand.RecordCertificate(SummonsByExpress.ServiceId, "cert-1", "江津法送字〔2025〕第0001号"), Day(1, 7, 12)),
            new ServiceCertificateIssued(CaseId, SummonsByExpress.ServiceId, "cert-1", "江津法送字〔2025〕第0001号", Day(1, 7, 12)));
    }

    [Theory]
    [InlineData(ServiceChannel.Entrusted)]
    [InlineData(ServiceChannel.Forwarded)]
    public void Entrusted_or_forwarded_service_is_recorded_by_hand_and_serves_on_the_receipts_date(ServiceChannel channel)
    {
        var ordered = SummonsByExpress with { ServiceId = "s-hand", Channel = channel, Waybill = null };
        var file = File().Evolve(ordered);
        Assert.Equal(ServiceOutcome.Pending, file.RecordOf(file.ServiceById("s-hand")!).Outcome);

        var decision = When(file, new ServiceCommand.RecordHandDelivery("s-hand", new HandDelivery("张三", SignerRelationship.Recipient, new DateOnly(2025, 1, 6), false, [], null)));
        var recorded = decision.Events.Aggregate(file, (s, e) => s.Evolve(e));
        var record = recorded.RecordOf(recorded.ServiceById("s-hand")!);
        Assert.Equal((ServiceOutcome.Served, new DateOnly(2025, 1, 6)), (record.Outcome, record.ServedOn!.Value));
    }

    [Fact]
    public void The_same_document_to_two_recipients_is_two_services()
    {
        var toLender = When(SummonsSent, new ServiceCommand.Serve(Lender.PartyId, ServiceChannel.JudicialExpress, [Summons], OtherWaybill, "重庆市江津区1号", "023-1"));
        var ordered = Assert.IsType<ServiceOrdered>(Assert.Single(toLender.Events));
        Assert.Equal(("doc-summons:p-lender:1", Lender.PartyId), (ordered.ServiceId, ordered.Recipient.PartyId));
        var both = SummonsSent.Evolve(ordered);
        Assert.Equal(["doc-summons:p-zhang:1", "doc-summons:p-lender:1"], both.Services.Select(s => s.ServiceId));
    }
}
