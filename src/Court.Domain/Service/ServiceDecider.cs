using Court.Domain.Common;
using Court.Domain.Fees;
using Court.Domain.Identifiers;

namespace Court.Domain.Service;

/// <summary>Pure decisions on a service file: (file, command, context) → events or the rule broken.</summary>
public static class ServiceDecider
{
    /// <summary>CPL Art. 165 and the SPC interpretation: the evidence period in small claims is at most 7 days.</summary>
    public const int SmallClaimsMaxEvidenceDays = 7;

    /// <summary>Carrier clocks drift; a report up to this far ahead of ours is believed.</summary>
    private static readonly TimeSpan ClockTolerance = TimeSpan.FromMinutes(10);

    public static Decision Decide(ServiceFile file, ServiceCommand command, ServiceContext context) => (file.File, command) switch
    {
        (null, ServiceCommand.OpenFile open) => Open(open, context),
        ({ } opened, ServiceCommand.OpenFile open) => opened.CaseId == open.CaseId && opened.Procedure == open.Procedure
            ? Decision.Nothing
            : DomainError.Conflict("service.file-exists", $"案件 {opened.CaseNumber} 已按{ProcedureZh(opened.Procedure)}建立送达档案。", $"Case {opened.CaseNumber} already has a service file under {opened.Procedure} procedure."),
        (null, _) => DomainError.NotFound("service.file-not-found", "本案尚未建立送达档案。", "This case has no service file yet."),
        (_, ServiceCommand.RegisterParty register) => RegisterParty(file, register.Party, context),
        (_, ServiceCommand.AppointAgent appoint) => AppointAgent(file, appoint.Agent, context),
        (_, ServiceCommand.EndAgentAuthority end) => EndAgentAuthority(file, end, context),
        (_, ServiceCommand.ConfirmAddress confirm) => ConfirmAddress(file, confirm, context),
        (_, ServiceCommand.Serve serve) => Serve(file, serve, context),
        (_, ServiceCommand.RecordCarrierEvent record) => RecordCarrierEvent(file, record.Event, context),
        (_, ServiceCommand.RecordHandDelivery hand) => RecordHandDelivery(file, hand, context),
        (_, ServiceCommand.RecordPublication publication) => RecordPublication(file, publication, context),
        (_, ServiceCommand.RecordDeemedService deemed) => RecordDeemedService(file, deemed, context),
        (_, ServiceCommand.RecordPeriodDone done) => RecordPeriodDone(file, done, context),
        (_, ServiceCommand.RecordCertificate certificate) => RecordCertificate(file, certificate, context),
        (_, ServiceCommand.CloseFile close) => string.IsNullOrWhiteSpace(close.Reason)
            ? DomainError.Invalid("service.close-reason-required", "请写明结束送达的原因。", "Say why the service file is closed.") with { Field = "reason" }
            : Decision.Emit(new ServiceFileClosed(file.File!.CaseId, close.Reason.Trim(), context.By, context.Now)),
        (_, var other) => new DomainError("service.command-unknown", $"Cannot {other.GetType().Name} on a service file.") { MessageZh = $"送达档案不能执行 {other.GetType().Name}。" },
    };

    private static Decision Open(ServiceCommand.OpenFile open, ServiceContext context)
    {
        if (string.IsNullOrWhiteSpace(open.CaseId) || string.IsNullOrWhiteSpace(open.CourtName))
        {
            return DomainError.Invalid("service.file-incomplete", "送达档案须写明案件和送达法院。", "A service file names its case and the serving court.");
        }

        var number = CaseNumber.Parse(open.CaseNumber);
        if (number.Error is { } error)
        {
            return error;
        }

        return Decision.Emit(new ServiceFileOpened(open.CaseId, number.Value.Value, open.CourtName.Trim(), open.CourtAddress.Trim(), open.CourtPhone.Trim(), open.Procedure, context.By, context.Now));
    }

    private static Decision RegisterParty(ServiceFile file, Party party, ServiceContext context)
    {
        if (string.IsNullOrWhiteSpace(party.PartyId) || string.IsNullOrWhiteSpace(party.Name))
        {
            return DomainError.Invalid("service.party-name-required", "当事人须有编号和姓名（名称）。", "A party has an id and a name.");
        }

        var id = party.Kind == PartyKind.Person ? Validated(ResidentIdNumber.Parse(party.IdNumber), n => n.Value) : Validated(CreditCode.Parse(party.IdNumber), c => c.Value);
        if (id.Error is { } error)
        {
            return error;
        }

        var registered = party with { Name = party.Name.Trim(), IdNumber = id.Value! };
        return file.PartyById(party.PartyId) switch
        {
            null => Decision.Emit(new PartyRegistered(file.File!.CaseId, registered, context.By, context.Now)),
            var same when same == registered => Decision.Nothing,
            var other => DomainError.Conflict("service.party-exists", $"当事人 {party.PartyId} 已登记为 {other.Name}。", $"Party {party.PartyId} is already registered as {other.Name}."),
        };
    }

    private static Decision AppointAgent(ServiceFile file, Agent agent, ServiceContext context)
    {
        if (file.PartyById(agent.PartyId) is null)
        {
            return DomainError.NotFound("service.party-not-found", $"本案没有当事人 {agent.PartyId}。", $"The case has no party {agent.PartyId}.") with { Field = "partyId" };
        }

        if (string.IsNullOrWhiteSpace(agent.Name) || string.IsNullOrWhiteSpace(agent.LawFirm))
        {
            return DomainError.Invalid("service.agent-incomplete", "诉讼代理人须写明姓名和所在律师事务所。", "An agent has a name and a law firm.");
        }

        var licence = LawyerLicenceNumber.Parse(agent.LicenceNumber);
        if (licence.Error is { } error)
        {
            return error;
        }

        string? firmLicence = null;
        if (!string.IsNullOrWhiteSpace(agent.LawFirmLicence))
        {
            var firm = LawFirmLicenceNumber.Parse(agent.LawFirmLicence);
            if (firm.Error is { } firmError)
            {
                return firmError with { Field = "lawFirmLicence" };
            }

            firmLicence = firm.Value.Value;
        }

        var appointed = agent with { Name = agent.Name.Trim(), LawFirm = agent.LawFirm.Trim(), LicenceNumber = licence.Value.Value, LawFirmLicence = firmLicence, AppointedOn = context.Today };
        return file.Agents.FirstOrDefault(a => a.AgentId == agent.AgentId) switch
        {
            null => Decision.Emit(new AgentAppointed(file.File!.CaseId, appointed, context.By, context.Now)),
            var same when same with { AppointedOn = null } == appointed with { AppointedOn = null } => Decision.Nothing,
            _ => DomainError.Conflict("service.agent-exists", $"诉讼代理人 {agent.AgentId} 已按其他信息登记。", $"Agent {agent.AgentId} is already appointed with other details."),
        };
    }

    private static Decision EndAgentAuthority(ServiceFile file, ServiceCommand.EndAgentAuthority end, ServiceContext context)
    {
        if (file.Agents.FirstOrDefault(a => a.AgentId == end.AgentId) is not { } agent)
        {
            return DomainError.NotFound("service.agent-not-found", $"本案没有登记诉讼代理人 {end.AgentId}。", $"The case has no agent {end.AgentId}.") with { Field = "agentId" };
        }

        if (file.EndedAgents.ContainsKey(agent.AgentId))
        {
            return Decision.Nothing;
        }

        if (string.IsNullOrWhiteSpace(end.Reason))
        {
            return DomainError.Invalid("service.agent-end-reason-required", "请写明委托终止的原因（如当事人解除委托、律师辞去委托）。", "Say why the authority ended (the party revoked it, the lawyer withdrew).") with { Field = "reason" };
        }

        if (end.EndedOn > context.Today)
        {
            return DomainError.Invalid("service.agent-end-in-future", "委托终止日期不能晚于今天：尚未发生的终止不能登记。", "The authority cannot be recorded as ending on a future date.") with { Field = "endedOn" };
        }

        if (agent.AppointedOn is { } appointed && end.EndedOn < appointed)
        {
            return DomainError.Invalid("service.agent-end-before-appointment", $"委托终止日期不能早于登记日期 {appointed:yyyy-MM-dd}。", $"The authority cannot end before the agent was registered on {appointed:yyyy-MM-dd}.") with { Field = "endedOn" };
        }

        return Decision.Emit(new AgentAuthorityEnded(file.File!.CaseId, agent.AgentId, end.EndedOn, end.Reason.Trim(), context.By, context.Now));
    }

    private static Decision ConfirmAddress(ServiceFile file, ServiceCommand.ConfirmAddress confirm, ServiceContext context)
    {
        var c = confirm.Confirmation;
        if (file.PartyById(confirm.PartyId) is null)
        {
            return DomainError.NotFound("service.party-not-found", $"本案没有当事人 {confirm.PartyId}。", $"The case has no party {confirm.PartyId}.") with { Field = "partyId" };
        }

        if (string.IsNullOrWhiteSpace(c.PostalAddress) || string.IsNullOrWhiteSpace(c.Phone))
        {
            return DomainError.Invalid("service.address-incomplete", "送达地址确认书须写明邮寄地址和电话号码。", "An address confirmation gives a postal address and a phone number.");
        }

        if (c.SignedOn > context.Today)
        {
            return DomainError.Invalid("service.address-signed-in-future", "送达地址确认书的签署日期不能晚于今天。", "An address confirmation cannot be signed on a future date.") with { Field = "signedOn" };
        }

        var latest = file.LatestAddress(confirm.PartyId);
        if (latest is not null && Same(latest, c))
        {
            return Decision.Nothing;
        }

        if (latest is not null && c.SignedOn < latest.SignedOn)
        {
            return DomainError.Conflict("service.address-change-backdated", $"当事人 {latest.SignedOn:yyyy-MM-dd} 签署的确认书在变更前有效，变更日期不能早于该日。", $"The party's confirmation of {latest.SignedOn:yyyy-MM-dd} binds until a later one; a change cannot be dated before it.") with { Field = "signedOn" };
        }

        var caseId = file.File!.CaseId;
        return latest is null
            ? Decision.Emit(new AddressConfirmed(caseId, confirm.PartyId, c, context.By, context.Now))
            : Decision.Emit(new AddressChanged(caseId, confirm.PartyId, c, context.By, context.Now));
    }

    private static Decision Serve(ServiceFile file, ServiceCommand.Serve serve, ServiceContext context)
    {
        var opened = file.File!;
        if (file.PartyById(serve.RecipientPartyId) is not { } party)
        {
            return DomainError.NotFound("service.party-not-found", $"本案没有当事人 {serve.RecipientPartyId}。", $"The case has no party {serve.RecipientPartyId}.") with { Field = "recipientPartyId" };
        }

        if (serve.Documents.Count == 0)
        {
            return DomainError.Invalid("service.documents-required", "请至少列明一份送达文书。", "Name at least one document to serve.") with { Field = "documents" };
        }

        if (serve.Documents.FirstOrDefault(d => d.Kind == ServedDocumentKind.EvidenceNotice && d.EvidenceDays is not > 0) is { } noDays)
        {
            return DomainError.Invalid("service.evidence-days-required", $"举证通知书《{noDays.Title}》须写明法院指定的举证期限（天数）。", $"The evidence notice '{noDays.Title}' needs the evidence period the court set, in days.") with { Field = "evidenceDays" };
        }

        if (opened.Procedure == Procedure.SmallClaims && serve.Documents.FirstOrDefault(d => d.EvidenceDays > SmallClaimsMaxEvidenceDays) is { } tooLong)
        {
            return DomainError.Invalid("service.evidence-days-too-long", $"小额诉讼程序的举证期限不超过 {SmallClaimsMaxEvidenceDays} 日，不能为 {tooLong.EvidenceDays} 日。", $"In small-claims procedure the evidence period is at most {SmallClaimsMaxEvidenceDays} days, not {tooLong.EvidenceDays}.") with { Field = "evidenceDays" };
        }

        if (serve.Channel == ServiceChannel.PublicNotice && opened.Procedure is Procedure.Simple or Procedure.SmallClaims)
        {
            return new DomainError("service.public-notice-refused", $"Public-notice service is not allowed in {(opened.Procedure == Procedure.Simple ? "simple" : "small-claims")} procedure (SPC Interpretation Arts. 140 and 275): convert the case to ordinary procedure first.")
            {
                Field = "channel",
                MessageZh = $"{(opened.Procedure == Procedure.Simple ? "简易" : "小额诉讼")}程序不适用公告送达（《民事诉讼法解释》第一百四十条、第二百七十五条）：请先转为普通程序。",
            };
        }

        var confirmation = file.AddressInForce(party.PartyId, context.Today);
        var address = AddressFor(serve, confirmation);
        if (address.Error is { } addressError)
        {
            return addressError;
        }

        string? waybill = null;
        if (serve.Channel == ServiceChannel.JudicialExpress)
        {
            var parsed = WaybillNumber.Parse(serve.Waybill);
            if (parsed.Error is { } waybillError)
            {
                return waybillError;
            }

            waybill = parsed.Value.Value;
            if (file.Services.FirstOrDefault(s => s.Ordered.Waybill == waybill && s.Ordered.Recipient.PartyId != party.PartyId) is { } other)
            {
                return DomainError.Conflict("service.waybill-in-use", $"邮件号 {waybill} 已用于向{other.Ordered.Recipient.Name}送达；一个邮件只寄给一名受送达人。", $"Waybill {waybill} already carries documents to {other.Ordered.Recipient.Name}; one envelope goes to one recipient.") with { Field = "waybill" };
            }

            if (file.CarrierEvents.Any(e => e.Reference == waybill) && !serve.Documents.All(d => Running(file, d, party.PartyId, context) is { Ordered.Waybill: var w } && w == waybill))
            {
                return DomainError.Conflict("service.waybill-dispatched", $"邮件 {waybill} 已交寄；其他文书请另行封装。", $"Waybill {waybill} is already with the carrier; put further documents in a new envelope.") with { Field = "waybill" };
            }
        }
        else if (serve.Waybill is not null)
        {
            return DomainError.Invalid("service.waybill-not-express", "只有法院专递才有邮件号。", "Only court express carries a waybill.") with { Field = "waybill" };
        }

        var recipient = new Recipient(
            party.PartyId,
            party.Kind,
            party.Name,
            [.. file.Agents.Where(a => a.PartyId == party.PartyId && file.IsOfRecord(a, context.Today)).Select(a => a.Name)],
            confirmation?.DesignatedReceiver,
            [.. file.Parties.Where(p => p.Role != party.Role).Select(p => new OtherParty(p.Name, p.IdNumber))],
            AddressConfirmedByRecipient: confirmation is not null && serve.PostalAddress is null);

        var events = new List<IDomainEvent>();
        foreach (var document in serve.Documents)
        {
            var earlier = file.Services.Where(s => s.Ordered.Document.DocumentId == document.DocumentId && s.Ordered.Recipient.PartyId == party.PartyId).ToList();
            if (earlier.FirstOrDefault(s => file.RecordOf(s).Outcome == ServiceOutcome.Served) is { } served)
            {
                return DomainError.Conflict("service.already-served", $"《{document.Title}》已于 {file.RecordOf(served).ServedOn:yyyy-MM-dd} 送达{party.Name}；同一文书对同一受送达人只送达一次。", $"{party.Name} was already served '{document.Title}' on {file.RecordOf(served).ServedOn:yyyy-MM-dd}; a document is served on a recipient once.") with { Field = "documents" };
            }

            if (earlier.FirstOrDefault(s => file.RecordOf(s).Outcome == ServiceOutcome.Pending) is { } running)
            {
                if (running.Ordered.Channel == serve.Channel && running.Ordered.Waybill == waybill)
                {
                    continue;
                }

                return DomainError.Conflict("service.already-running", $"《{document.Title}》正以{running.Ordered.Channel.NameZh()}向{party.Name}送达；该次送达未成功后方可另行选择送达方式。", $"'{document.Title}' is already on its way to {party.Name} by {running.Ordered.Channel}; choose another channel only once that service has failed.") with { Field = "channel" };
            }

            var serviceId = $"{document.DocumentId}:{party.PartyId}:{earlier.Count + 1}";
            events.Add(new ServiceOrdered(opened.CaseId, serviceId, document, recipient, serve.Channel, waybill, address.Value, context.By, context.Now));
        }

        return Decision.Emit([.. events]);
    }

    private static (DeliveryAddress Value, DomainError? Error) AddressFor(ServiceCommand.Serve serve, AddressConfirmation? confirmation)
    {
        var channel = serve.Channel;
        if (channel.IsElectronic())
        {
            if (confirmation is null)
            {
                return (null!, new DomainError("service.no-consent", "Electronic service needs the recipient's address confirmation with consent to it; there is none.") { Field = "channel", MessageZh = "电子送达须经受送达人在送达地址确认书中同意；本案没有其确认书。" });
            }

            if (serve.Documents.FirstOrDefault(d => !confirmation.ConsentsTo(d.Kind)) is { } refused)
            {
                return (null!, new DomainError("service.no-consent", $"The recipient consented to electronic service of {string.Join(", ", confirmation.ElectronicConsent)} only, not of '{refused.Title}' ({refused.Kind}). Serve it by court express or in person.") { Field = "channel", MessageZh = $"受送达人未同意以电子方式送达《{refused.Title}》，请以法院专递或直接送达。" });
            }

            var electronic = channel switch
            {
                ServiceChannel.Sms => confirmation.Phone,
                ServiceChannel.Email => confirmation.Email,
                _ => confirmation.PlatformAccount,
            };
            return string.IsNullOrWhiteSpace(electronic)
                ? (null!, new DomainError("service.electronic-address-missing", $"The recipient's confirmation gives no address for {channel}.") { Field = "channel", MessageZh = $"受送达人的确认书未写明{channel.NameZh()}的地址。" })
                : (new DeliveryAddress(null, null, electronic.Trim()), null);
        }

        if (channel != ServiceChannel.JudicialExpress)
        {
            return (new DeliveryAddress(confirmation?.PostalAddress, confirmation?.Phone, null), null);
        }

        var postal = serve.PostalAddress ?? confirmation?.PostalAddress;
        var phone = serve.Phone ?? confirmation?.Phone;
        return string.IsNullOrWhiteSpace(postal) || string.IsNullOrWhiteSpace(phone)
            ? (null!, DomainError.Invalid("service.address-missing", "法院专递须有邮寄地址和电话：受送达人未确认地址，请填写起诉状所载地址。", "Court express needs a postal address and phone: the recipient has confirmed none, so give the address from the filing.") with { Field = "postalAddress" })
            : (new DeliveryAddress(postal.Trim(), phone.Trim(), null), null);
    }

    private static Decision RecordCarrierEvent(ServiceFile file, CarrierEvent reported, ServiceContext context)
    {
        if (string.IsNullOrWhiteSpace(reported.CarrierEventId))
        {
            return DomainError.Invalid("carrier-event.id-required", "邮件轨迹须带承运方的事件编号。", "A carrier event carries the carrier's event id.") with { Field = "eventId" };
        }

        var services = file.Services.Where(s => s.Reference == reported.Reference).ToList();
        if (services.Count == 0)
        {
            return DomainError.NotFound("carrier-event.reference-unknown", $"本案没有编号为 {reported.Reference} 的送达。", $"No service in this case goes by {reported.Reference}.") with { Field = "reference" };
        }

        if (file.CarrierEvents.FirstOrDefault(e => e.CarrierEventId == reported.CarrierEventId) is { } stored)
        {
            return stored == reported
                ? Decision.Nothing
                : DomainError.Conflict("carrier-event.id-reused", $"事件 {reported.CarrierEventId} 已以不同内容报送（{stored.OccurredAt.ToOffset(ChinaTime.Offset):yyyy-MM-dd HH:mm}）。", $"Carrier event {reported.CarrierEventId} was already reported with other content ({stored.Kind} at {stored.OccurredAt:O}).") with { Field = "eventId" };
        }

        var electronic = services[0].Ordered.Channel.IsElectronic();
        if (electronic != reported.Kind is CarrierEventKind.ReachedSystem or CarrierEventKind.Bounced)
        {
            return DomainError.Invalid("carrier-event.kind", $"该类轨迹不适用于{services[0].Ordered.Channel.NameZh()}。", $"{reported.Kind} does not apply to a {services[0].Ordered.Channel} service.") with { Field = "kind" };
        }

        if (reported.OccurredAt > context.Now + ClockTolerance)
        {
            return DomainError.Invalid("carrier-event.time", $"事件时间 {reported.OccurredAt.ToOffset(ChinaTime.Offset):yyyy-MM-dd HH:mm} 晚于当前时间。", $"The event's time {reported.OccurredAt:O} is in the future.") with { Field = "occurredAt" };
        }

        if (reported.OccurredAt < services.Min(s => s.Ordered.At) - ClockTolerance)
        {
            return DomainError.Invalid("carrier-event.time", $"事件时间 {reported.OccurredAt.ToOffset(ChinaTime.Offset):yyyy-MM-dd HH:mm} 早于邮件单开具时间。", $"The event's time {reported.OccurredAt:O} is before the waybill was issued.") with { Field = "occurredAt" };
        }

        return reported.Kind switch
        {
            CarrierEventKind.Delivered when string.IsNullOrWhiteSpace(reported.SignerName) || reported.Relationship is null =>
                DomainError.Invalid("carrier-event.signer", "妥投须写明签收人及其与受送达人的关系。", "A delivery names who signed and their relationship to the recipient.") with { Field = "signerName" },
            CarrierEventKind.Returned when reported.ReturnReason is null =>
                DomainError.Invalid("carrier-event.return-reason", "退回须写明原因。", "A return gives its reason.") with { Field = "returnReason" },
            CarrierEventKind.ContactAttempted when reported.ContactReached is null =>
                DomainError.Invalid("carrier-event.contact-reached", "电话联系须写明是否联系上受送达人。", "A contact attempt says whether the recipient was reached.") with { Field = "contactReached" },
            _ => Decision.Emit(new CarrierEventRecorded(file.File!.CaseId, reported, context.Now)),
        };
    }

    private static Decision RecordHandDelivery(ServiceFile file, ServiceCommand.RecordHandDelivery hand, ServiceContext context)
    {
        if (file.ServiceById(hand.ServiceId) is not { } service)
        {
            return DomainError.NotFound("service.not-found", $"本案没有送达 {hand.ServiceId}。", $"The case has no service {hand.ServiceId}.");
        }

        var channel = service.Ordered.Channel;
        if (!channel.IsByHand())
        {
            return new DomainError("service.not-by-hand", $"A {channel} service is recorded from its carrier or its publication, not by hand.") { MessageZh = $"{channel.NameZh()}依邮件轨迹或公告登记，不能登记送达回证。" };
        }

        var delivery = hand.Delivery with { LeftAfterRefusal = channel == ServiceChannel.LeftAfterRefusal };
        if (delivery.LeftAfterRefusal && delivery.Witnesses.Count == 0 && string.IsNullOrWhiteSpace(delivery.VideoReference))
        {
            return DomainError.Invalid("service.refusal-unrecorded", "留置送达须有见证人，或以拍照、录像等方式记录（民事诉讼法第八十九条）。", "Leaving a document after refusal needs witnesses or a photo or video record of it (CPL Art. 89).") with { Field = "witnesses" };
        }

        if (string.IsNullOrWhiteSpace(delivery.SignerName))
        {
            return DomainError.Invalid("service.signer-required", "请写明签收人（或拒收人）。", "Name who received the document (or who refused it).") with { Field = "signerName" };
        }

        if (delivery.ServedOn > context.Today || delivery.ServedOn < ChinaTime.DateOf(service.Ordered.At))
        {
            return DomainError.Invalid("service.served-on", $"送达日期应在交付送达之日（{ChinaTime.DateOf(service.Ordered.At):yyyy-MM-dd}）与今天之间。", $"The service date lies between the order ({ChinaTime.DateOf(service.Ordered.At):yyyy-MM-dd}) and today.") with { Field = "servedOn" };
        }

        return service.Hand switch
        {
            null => Decision.Emit(new HandDeliveryRecorded(file.File!.CaseId, service.ServiceId, delivery, context.By, context.Now)),
            var same when Same(same, delivery) => Decision.Nothing,
            _ => DomainError.Conflict("service.already-recorded", "该次送达的回证已登记。", "This service's receipt is already recorded."),
        };
    }

    private static Decision RecordPublication(ServiceFile file, ServiceCommand.RecordPublication publication, ServiceContext context)
    {
        if (file.ServiceById(publication.ServiceId) is not { } service)
        {
            return DomainError.NotFound("service.not-found", $"本案没有送达 {publication.ServiceId}。", $"The case has no service {publication.ServiceId}.");
        }

        if (service.Ordered.Channel != ServiceChannel.PublicNotice)
        {
            return new DomainError("service.not-public-notice", $"A {service.Ordered.Channel} service has no publication.") { MessageZh = $"{service.Ordered.Channel.NameZh()}没有公告。" };
        }

        if (publication.PublishedOn > context.Today || string.IsNullOrWhiteSpace(publication.Medium))
        {
            return DomainError.Invalid("service.publication", "公告须写明刊登媒体，刊登日期不能晚于今天。", "A publication names its medium and a date that is not in the future.") with { Field = publication.PublishedOn > context.Today ? "publishedOn" : "medium" };
        }

        // Art. 95's thirty days is a period like any other: counted from the next day, a holiday at the end moves it.
        var published = new Publication(publication.PublishedOn, publication.Medium.Trim(), context.Calendar.EndOfCalendarDayPeriod(publication.PublishedOn, publication.NoticeDays));
        return service.Publication switch
        {
            null => Decision.Emit(new PublicationRecorded(file.File!.CaseId, service.ServiceId, published, context.By, context.Now)),
            var same when same == published => Decision.Nothing,
            _ => DomainError.Conflict("service.already-published", $"该公告已于 {service.Publication.PublishedOn:yyyy-MM-dd} 刊登。", $"The notice was already published on {service.Publication.PublishedOn:yyyy-MM-dd}."),
        };
    }

    private static Decision RecordPeriodDone(ServiceFile file, ServiceCommand.RecordPeriodDone done, ServiceContext context)
    {
        if (file.ServiceById(done.ServiceId) is not { } service)
        {
            return DomainError.NotFound("service.not-found", $"本案没有送达 {done.ServiceId}。", $"The case has no service {done.ServiceId}.");
        }

        // Only the kinds matter here: whether this document starts that period at all.
        if (file.RecordOf(service).ServedOn is not { } servedOn
            || !ServicePeriods.From(service.Ordered.Document, servedOn, context.Calendar, ServicePeriodLengths.Statutory).Any(p => p.Kind == done.Period))
        {
            return DomainError.Conflict("service.period-not-running", $"送达 {done.ServiceId} 尚未送达，或其文书不引起该期间，无从登记完成。", $"No {done.Period} period runs from service {done.ServiceId}: it is not served, or its document starts no such period.") with { Field = "period" };
        }

        if (done.DoneOn > context.Today || done.DoneOn < servedOn)
        {
            return DomainError.Invalid("service.period-done-on", $"完成日期应在送达日 {servedOn:yyyy-MM-dd} 与今天之间，而不是 {done.DoneOn:yyyy-MM-dd}。", $"The act was done between the service date {servedOn:yyyy-MM-dd} and today, not on {done.DoneOn:yyyy-MM-dd}.") with { Field = "doneOn" };
        }

        return service.PeriodsDone?.FirstOrDefault(p => p.Period == done.Period) switch
        {
            null => Decision.Emit(new PeriodActDone(file.File!.CaseId, service.ServiceId, done.Period, done.DoneOn, context.By, context.Now)),
            { } same when same.DoneOn == done.DoneOn => Decision.Nothing,
            { } other => DomainError.Conflict("service.period-already-done", $"该期间事项已登记于 {other.DoneOn:yyyy-MM-dd} 完成。", $"The act was already recorded as done on {other.DoneOn:yyyy-MM-dd}.") with { Field = "period" },
        };
    }

    private static Decision RecordDeemedService(ServiceFile file, ServiceCommand.RecordDeemedService deemed, ServiceContext context)
    {
        if (file.ServiceById(deemed.ServiceId) is not { Publication: { } publication } service || service.Ordered.Channel != ServiceChannel.PublicNotice)
        {
            return DomainError.NotFound("service.not-found", $"本案没有已刊登的公告 {deemed.ServiceId}。", $"The case has no published notice {deemed.ServiceId}.");
        }

        if (deemed.ServedOn <= publication.PublishedOn)
        {
            return DomainError.Invalid("service.deemed-before-publication", $"{publication.PublishedOn:yyyy-MM-dd} 刊登的公告不能视为于 {deemed.ServedOn:yyyy-MM-dd} 送达。", $"A notice published on {publication.PublishedOn:yyyy-MM-dd} cannot be served on {deemed.ServedOn:yyyy-MM-dd}.");
        }

        return service.DeemedServedOn switch
        {
            null => Decision.Emit(new PublicNoticeDeemedServed(file.File!.CaseId, service.ServiceId, deemed.ServedOn, context.By, context.Now)),
            var same when same == deemed.ServedOn => Decision.Nothing,
            var other => DomainError.Conflict("service.already-deemed-served", $"该公告已于 {other:yyyy-MM-dd} 视为送达。", $"The notice was already deemed served on {other:yyyy-MM-dd}."),
        };
    }

    private static Decision RecordCertificate(ServiceFile file, ServiceCommand.RecordCertificate certificate, ServiceContext context)
    {
        if (file.ServiceById(certificate.ServiceId) is not { } service)
        {
            return DomainError.NotFound("service.not-found", $"本案没有送达 {certificate.ServiceId}。", $"The case has no service {certificate.ServiceId}.");
        }

        if (service.CertificateNumber is not null)
        {
            return Decision.Nothing;
        }

        return file.RecordOf(service).Outcome == ServiceOutcome.Served
            ? Decision.Emit(new ServiceCertificateIssued(file.File!.CaseId, service.ServiceId, certificate.DocumentId, certificate.DocumentNumber, context.Now))
            : new DomainError("service.not-served", "A certificate of service is issued once the service is complete.") { MessageZh = "送达完成后方能出具送达回证。" };
    }

    private static string ProcedureZh(Procedure procedure) => procedure switch
    {
        Procedure.Simple => "简易程序",
        Procedure.SmallClaims => "小额诉讼程序",
        _ => "普通程序",
    };

    private static (string? Value, DomainError? Error) Validated<T>(Parsed<T> parsed, Func<T, string> canonical)
        where T : notnull =>
        parsed.Error is { } error ? (null, error) : (canonical(parsed.Value), null);

    private static ServiceState? Running(ServiceFile file, ServedDocument document, string partyId, ServiceContext context) =>
        file.Services.FirstOrDefault(s => s.Ordered.Document.DocumentId == document.DocumentId && s.Ordered.Recipient.PartyId == partyId && file.RecordOf(s).Outcome == ServiceOutcome.Pending);

    private static bool Same(AddressConfirmation a, AddressConfirmation b) =>
        a with { ElectronicConsent = [] } == b with { ElectronicConsent = [] } && a.ElectronicConsent.Order().SequenceEqual(b.ElectronicConsent.Order());

    private static bool Same(HandDelivery a, HandDelivery b) =>
        a with { Witnesses = [] } == b with { Witnesses = [] } && a.Witnesses.SequenceEqual(b.Witnesses);
}
