using Court.Application.Bankruptcy.Documents;
using Court.Application.Bankruptcy.ReadModels;
using Court.Application.Common;
using Court.Application.Documents;
using Court.Application.EventStore;
using Court.Application.Projections;
using Court.Application.Workflows;
using Court.Domain.Bankruptcy;
using Court.Domain.Common;
using Court.Domain.Documents;
using Court.Domain.Identifiers;

namespace Court.Application.Bankruptcy;

/// <summary>
/// The cross-stream steps of release and disposal (docs/decisions/0006-bankruptcy-aggregate-boundaries.md): issuing
/// the documents a decision calls for, starting notices, and carrying an agency's answer back to the estate and the
/// agenda. Run by the process manager (<see cref="BankruptcyFollowUps"/>); every step looks first and does nothing
/// when already done, and every document's id derives from what it documents, so running a step again after a
/// crash completes what the first attempt left and issues nothing twice.
/// </summary>
public sealed class BankruptcyProcess(
    AggregateStore aggregates,
    WorkflowRuntime workflows,
    WorkflowCatalog catalog,
    DocumentIssuer documents,
    IPeople people,
    IReadModels reads,
    TimeProvider clock)
{
    public DateTimeOffset Now => clock.GetUtcNow();

    public async Task<Estate> EstateAsync(string estateId, CancellationToken ct)
    {
        var loaded = await aggregates.LoadAsync<Estate>(estateId, ct);
        return loaded.State.IsOpen ? loaded.State : throw new DomainException(DomainError.NotFound("estate.not-found", "There is no such bankruptcy case."));
    }

    public async Task<(Estate Estate, EstateAsset Asset)> AssetAsync(string estateId, string assetId, CancellationToken ct)
    {
        var estate = await EstateAsync(estateId, ct);
        return (estate, estate.Asset(assetId) ?? throw new DomainException(DomainError.NotFound("asset.not-found", $"The case has no asset {assetId}.")));
    }

    /// <summary>A document id derived from what it documents, so issuing it again returns the first document.</summary>
    public static Guid DocumentId(string what) => DeterministicGuid.From("court:bankruptcy:" + what);

    /// <summary>
    /// The people a case's document names: the judge who decided (<paramref name="judge"/>, a user id from the
    /// event) and the clerk who registered the case, when the user store knows him as a clerk.
    /// </summary>
    public async Task<BankruptcyDocuments.CaseStaff> StaffAsync(Estate estate, string judge, CancellationToken ct)
    {
        var found = await people.FindAsync([judge, estate.OpenedBy], ct);
        var clerk = found.GetValueOrDefault(estate.OpenedBy) is { } c && c.IsInRole(Roles.Clerk) ? c : null;
        return new BankruptcyDocuments.CaseStaff(found.GetValueOrDefault(judge) ?? Person.Unknown(judge), clerk);
    }

    /// <summary>The ruling's number in its case (（2026）渝0116破12号之一): numbered on the case stream once, read back on every retry.</summary>
    public async Task<string> RulingNumberAsync(Estate estate, string rulingId, string by, CancellationToken ct)
    {
        if (!estate.RulingIds.Contains(rulingId))
        {
            await OnEstateAsync(estate.Id!, new EstateCommand.NumberRuling(rulingId, by), ct);
            estate = await EstateAsync(estate.Id!, ct);
        }

        return RulingNumbers.For(estate.CaseNumber, estate.RulingIds.IndexOf(rulingId) + 1);
    }

    private static string CourtOf(Estate estate) => CaseNumber.Parse(estate.CaseNumber).Value.Court.Code;

    /// <summary>Runs <paramref name="action"/> again when another writer got to the stream first (follow-ups must not fail on a race).</summary>
    public static async Task<T> RetryingAsync<T>(Func<Task<T>> action)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await action();
            }
            catch (WrongExpectedVersionException) when (attempt < 5)
            {
                await Task.Delay(attempt * 10);
            }
        }
    }

    public Task<long> OnEstateAsync(string estateId, EstateCommand command, CancellationToken ct) =>
        RetryingAsync(() => aggregates.ExecuteAsync<Estate>(estateId, (s, now) => EstateDecider.Decide(s, command, now), cancellationToken: ct));

    public async Task<ReleaseRequest> RequestAsync(string requestId, CancellationToken ct) => (await aggregates.LoadAsync<ReleaseRequest>(requestId, ct)).State;

    // ---- Documents, drafted and issued by the same code -------------------------------------------------------

    /// <summary>The notice's periods as the definition new notices start under says them (the periods the notice's timers run on).</summary>
    public (DeadlineDefinition Acknowledge, DeadlineDefinition Execute) NoticePeriods()
    {
        var definition = catalog.Latest(BankruptcyWorkflows.Notice) ?? throw new InvalidOperationException($"No workflow definition '{BankruptcyWorkflows.Notice}' is loaded.");
        var initial = definition.State(definition.InitialState);
        var acknowledged = definition.From(initial.Name).Select(t => definition.State(t.To)).FirstOrDefault(s => s.Deadline is not null && !s.Final && s.Name != initial.Name);
        return (initial.Deadline ?? throw new InvalidOperationException($"{definition.Id} v{definition.Version}: the initial state has no acknowledgement deadline."),
            acknowledged?.Deadline ?? throw new InvalidOperationException($"{definition.Id} v{definition.Version}: acknowledging leads to no state with an execution deadline."));
    }

    public DocumentContent NoticeDocument(NoticeContent content)
    {
        var (acknowledge, execute) = NoticePeriods();
        return BankruptcyDocuments.Notice(content, acknowledge, execute);
    }

    public static NoticeAction LiftingActionFor(EstateAsset asset) =>
        asset.Kind is AssetKind.LandUseRight or AssetKind.Building ? NoticeAction.CancelSeizureRegistration : NoticeAction.LiftSeizure;

    public static NoticeContent NoticeContentFor(Estate estate, EstateAsset asset, string rulingId, string rulingNumber, DateOnly rulingDate, IReadOnlyList<SeizureToRelease> seizures, NoticeAction action, Disposal? sale, BankruptcyDocuments.CaseStaff staff, DateOnly issuedOn)
    {
        var court = CourtOf(estate);
        return new NoticeContent(
            court, BankruptcyDocuments.CourtName(court), estate.CaseNumber, asset.HoldingAgency, BankruptcyDocuments.AgencyName(asset.HoldingAgency),
            rulingId, rulingNumber, rulingDate, estate.DebtorName, estate.DebtorCreditCode, asset.Kind, asset.Description, asset.Identifiers,
            seizures, action, sale?.BuyerName, sale?.BuyerIdNumber, sale?.PriceFen, BankruptcyDocuments.Contact(court, staff), issuedOn);
    }

    // ---- Release ----------------------------------------------------------------------------------------------

    /// <summary>The letters of <paramref name="letters"/> as documents (to the seizing bodies or their superiors), each due by the date its event recorded.</summary>
    public async Task IssueLettersAsync(ReleaseRequest request, IEnumerable<ReleaseLetter> letters, DateOnly dueOn, string judge, CancellationToken ct)
    {
        var (estate, asset) = await AssetAsync(request.EstateId, request.AssetId, ct);
        var staff = await StaffAsync(estate, judge, ct);
        foreach (var letter in letters)
        {
            var seizure = request.Seizures.Find(s => s.Seizure.SeizureId == letter.SeizureId)!.Seizure;
            var (kind, content) = letter.Recipient == LetterRecipient.SeizingBody
                ? (DocumentKind.LetterToSeizingBody, BankruptcyDocuments.LetterToSeizingBody(estate, asset, seizure, dueOn, staff))
                : (DocumentKind.LetterToSuperior, BankruptcyDocuments.LetterToSuperior(estate, asset, seizure, letter.Addressee, dueOn, staff));
            await documents.IssueAsync(new DocumentToIssue(kind, CourtOf(estate), BankruptcyWorkflows.ReleaseStream(request.Id!), content, DocumentId("letter:" + letter.LetterId)), ct);
        }
    }

    /// <summary>The court's ruling, its assisted-enforcement notice (started as its own stream) and the notifications to the seizing bodies, for the seizures the ruling lifts.</summary>
    public async Task IssueRulingDocumentsAsync(ReleaseRequest request, LiftingRulingIssued ruled, CancellationToken ct)
    {
        var (estate, asset) = await AssetAsync(request.EstateId, request.AssetId, ct);
        var seizures = ruled.SeizureIds.Select(id => request.Seizures.Find(s => s.Seizure.SeizureId == id)!.Seizure).ToList();
        var court = CourtOf(estate);
        var stream = BankruptcyWorkflows.ReleaseStream(request.Id!);
        var staff = await StaffAsync(estate, ruled.By, ct);
        var number = await RulingNumberAsync(estate, ruled.RulingId, ruled.By, ct);
        var ruling = await documents.IssueAsync(new DocumentToIssue(DocumentKind.LiftingRuling, court, stream, BankruptcyDocuments.LiftingRuling(estate, asset, request, seizures, ruled.IssuedOn, ruled.EarlyReason, staff, number), DocumentId("ruling:" + ruled.RulingId)), ct);
        await StartNoticeAsync(estate, asset, NoticePurpose.Release, request.Id!, ruled.NoticeId, ruling, seizures, LiftingActionFor(asset), null, ruled.By, staff, ct);
        foreach (var (seizure, i) in seizures.Select((s, i) => (s, i)))
        {
            var content = BankruptcyDocuments.NotificationToSeizingBody(estate, asset, seizure, number, staff);
            await documents.IssueAsync(new DocumentToIssue(DocumentKind.OtherLetter, court, stream, content, DocumentId($"notification:{ruled.RulingId}:{i}")), ct);
        }
    }

    /// <summary>
    /// Issues the notice's document and starts its workflow, once. The acknowledgement date the notice records is the
    /// initial state's deadline in the definition it pins — the same one whose periods the document prints.
    /// </summary>
    private async Task StartNoticeAsync(Estate estate, EstateAsset asset, NoticePurpose purpose, string sourceId, string noticeId, IssuedDocument ruling, IReadOnlyList<SeizureToRelease> seizures, NoticeAction action, Disposal? sale, string by, BankruptcyDocuments.CaseStaff staff, CancellationToken ct)
    {
        if (await aggregates.LoadAsync<Notice>(noticeId, ct) is { Exists: true })
        {
            return;
        }

        var content = NoticeContentFor(estate, asset, ruling.Id.ToString("D"), ruling.Number, ruling.IssuedOn, seizures, action, sale, staff, CourtCalendar.DateOf(Now));
        var document = await documents.IssueAsync(
            new DocumentToIssue(
                action == NoticeAction.TransferToBuyer ? DocumentKind.TransferNotice : DocumentKind.AssistedEnforcementNotice,
                CourtOf(estate),
                BankruptcyWorkflows.NoticeStream(noticeId),
                NoticeDocument(content),
                Guid.Parse(noticeId)),
            ct);
        try
        {
            await workflows.StartAsync<Notice>(BankruptcyWorkflows.Notice, noticeId, (s, step) => NoticeDecider.Decide(
                s, new NoticeCommand.Issue(noticeId, purpose, sourceId, estate.Id!, asset.Id, document.Number, content, step.RequireDueOn(), by), step.Now), cancellationToken: ct);
        }
        catch (WrongExpectedVersionException)
        {
            // Another attempt started it first: the notice exists, which is all this step promised.
        }
    }

    /// <summary>Every seizure the request named is lifted: the estate learns how, and the agenda lets go.</summary>
    public async Task AfterReleaseCompletedAsync(ReleaseRequest request, string? registrationReference, string by, CancellationToken ct)
    {
        foreach (var group in request.Seizures.Where(s => s.LiftedBy is not null).GroupBy(s => s.LiftedBy!.Value))
        {
            var reference = group.Key == LiftedBy.CourtRuling ? registrationReference ?? request.RulingId ?? request.Id! : request.Id!;
            await OnEstateAsync(request.EstateId, new EstateCommand.LiftSeizures(request.AssetId, [.. group.Select(s => s.Seizure.SeizureId)], group.Key, reference, CourtCalendar.DateOf(Now), request.Id, by), ct);
        }

        await ResolveAgendaAsync(request.Id!, [AgendaReason.SeizingBodyIgnoredLetters, AgendaReason.NoticeCannotBeExecuted], "解封已完成", by, ct);
    }

    /// <summary>The case's release requests on <paramref name="assetId"/> that are not final and still ask for <paramref name="seizureId"/>.</summary>
    public async Task<IReadOnlyList<ReleaseRequest>> OpenRequestsNamingAsync(string estateId, string assetId, string seizureId, CancellationToken ct)
    {
        var view = await reads.GetAsync<CaseView>(estateId, ct);
        var open = new List<ReleaseRequest>();
        foreach (var id in view?.ReleaseRequestIds ?? [])
        {
            var request = (await aggregates.LoadAsync<ReleaseRequest>(id, ct)).State;
            if (request.AssetId == assetId && request.Step is { IsFinal: false } && request.Outstanding.Any(s => s.Seizure.SeizureId == seizureId))
            {
                open.Add(request);
            }
        }

        return open;
    }

    public Task AfterRulingDueAsync(ReleaseRequest request, string by, CancellationToken ct) => PlaceOnAgendaAsync(
        request.Id!, AgendaReason.SeizingBodyIgnoredLetters, request.EstateId, request.CaseNumber,
        string.Join("、", request.Outstanding.Select(s => s.Seizure.SeizingBody).Distinct()),
        $"{string.Join("、", request.Outstanding.Select(s => $"{s.Seizure.SeizingBody}（{s.Seizure.DocumentNumber}）").Distinct())}经函告及督促逾期未解除查封", by, ct);

    // ---- Notices ----------------------------------------------------------------------------------------------

    /// <summary>The agency executed a notice: the document is marked executed and the notice's agenda items resolved.</summary>
    public async Task AfterNoticeExecutedAsync(Notice notice, string by, CancellationToken ct)
    {
        if (await documents.FindByIdAsync(Guid.Parse(notice.Id!), ct) is { Status: DocumentStatus.InForce } document)
        {
            await documents.MarkExecutedAsync(document.Number, notice.RegistrationReference, cancellationToken: ct);
        }

        await ResolveAgendaAsync(notice.Id!, [AgendaReason.NoticeNotAcknowledged, AgendaReason.NoticeNotExecuted], "通知书已办结", by, ct);
    }

    public Task AfterNoticeCannotBeExecutedAsync(Notice notice, string by, CancellationToken ct) => PlaceOnAgendaAsync(
        notice.SourceId, AgendaReason.NoticeCannotBeExecuted, notice.EstateId, notice.CaseNumber, notice.Agency,
        $"{BankruptcyDocuments.AgencyName(notice.Agency)}报告无法协助执行{notice.DocumentNumber}：{notice.CannotExecuteReason}", by, ct);

    public Task AfterNoticeOverdueAsync(Notice notice, AgendaReason reason, string by, CancellationToken ct) => PlaceOnAgendaAsync(
        notice.Id!, reason, notice.EstateId, notice.CaseNumber, notice.Agency,
        reason == AgendaReason.NoticeNotAcknowledged
            ? $"{BankruptcyDocuments.AgencyName(notice.Agency)}逾期未签收{notice.DocumentNumber}（应于{BankruptcyDocuments.Date(notice.AcknowledgeBy)}前签收）"
            : $"{BankruptcyDocuments.AgencyName(notice.Agency)}逾期未办理{notice.DocumentNumber}（应于{BankruptcyDocuments.Date(notice.ExecuteBy ?? notice.AcknowledgeBy)}前办结）",
        by,
        ct);

    // ---- Disposal -----------------------------------------------------------------------------------------------

    /// <summary>The sale-confirmation ruling and the transfer notice.</summary>
    public async Task IssueSaleDocumentsAsync(Disposal disposal, SaleConfirmed confirmed, CancellationToken ct)
    {
        var (estate, asset) = await AssetAsync(disposal.EstateId, disposal.AssetId!, ct);
        var staff = await StaffAsync(estate, confirmed.By, ct);
        var number = await RulingNumberAsync(estate, confirmed.RulingId, confirmed.By, ct);
        var ruling = await documents.IssueAsync(
            new DocumentToIssue(DocumentKind.SaleConfirmationRuling, CourtOf(estate), BankruptcyWorkflows.DisposalStream(asset.Id), BankruptcyDocuments.SaleConfirmationRuling(estate, asset, disposal, staff, number, CourtCalendar.DateOf(Now)), DocumentId("ruling:" + confirmed.RulingId)),
            ct);
        await StartNoticeAsync(estate, asset, NoticePurpose.Transfer, asset.Id, confirmed.NoticeId, ruling, [], NoticeAction.TransferToBuyer, disposal, confirmed.By, staff, ct);
    }

    // ---- Agenda ------------------------------------------------------------------------------------------------

    public async Task PlaceOnAgendaAsync(string sourceId, AgendaReason reason, string estateId, string caseNumber, string party, string summary, string by, CancellationToken ct)
    {
        var id = AgendaItem.IdFor(sourceId, reason);
        var place = new AgendaCommand.Place(id, reason, sourceId, estateId, caseNumber, party, summary, by);
        await RetryingAsync(() => aggregates.ExecuteAsync<AgendaItem>(id, (s, now) => AgendaDecider.Decide(s, place, now), cancellationToken: ct));
    }

    private async Task ResolveAgendaAsync(string sourceId, IEnumerable<AgendaReason> reasons, string how, string by, CancellationToken ct)
    {
        foreach (var reason in reasons)
        {
            var id = AgendaItem.IdFor(sourceId, reason);
            if ((await aggregates.LoadAsync<AgendaItem>(id, ct)).State is { Id: not null, Resolved: false })
            {
                var resolve = new AgendaCommand.Resolve(how, by);
                await RetryingAsync(() => aggregates.ExecuteAsync<AgendaItem>(id, (s, now) => AgendaDecider.Decide(s, resolve, now), cancellationToken: ct));
            }
        }
    }
}
