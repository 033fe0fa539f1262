using System.Security.Cryptography;
using System.Text;
using Court.Application.Bankruptcy.Documents;
using Court.Application.Common;
using Court.Application.Documents;
using Court.Application.EventStore;
using Court.Application.Workflows;
using Court.Domain.Bankruptcy;
using Court.Domain.Calendars;
using Court.Domain.Common;
using Court.Domain.Documents;
using Court.Domain.Identifiers;

namespace Court.Application.Bankruptcy;

/// <summary>
/// The cross-stream steps of release and disposal (docs/decisions/0006-bankruptcy-aggregate-boundaries.md): issuing
/// the documents a decision calls for, starting notices, and carrying an agency's answer back to the request, the
/// estate, the disposal and the agenda. Every step looks first and does nothing when already done, so repeating a
/// command after a crash completes what the first attempt left.
/// </summary>
public sealed class BankruptcyProcess(
    AggregateStore aggregates,
    WorkflowRuntime workflows,
    DocumentIssuer documents,
    BankruptcyDeadlines deadlines,
    ICallerContext caller,
    TimeProvider clock)
{
    public DateTimeOffset Now => clock.GetUtcNow();

    public string Actor => caller.UserId;

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
    public static Guid DocumentId(string what)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes("court:bankruptcy:" + what));
        return new Guid(hash.AsSpan(0, 16));
    }

    private static string CourtOf(Estate estate) => CaseNumber.Parse(estate.CaseNumber).Value.Court.Code;

    /// <summary>Runs <paramref name="action"/> again when another writer got to the stream first (follow-ups must not fail the caller's act).</summary>
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

    // ---- Release ----------------------------------------------------------------------------------------------

    /// <summary>The letters of <paramref name="letters"/> as documents (to the seizing bodies or their superiors).</summary>
    public async Task IssueLettersAsync(ReleaseRequest request, IEnumerable<ReleaseLetter> letters, DateOnly dueOn, string judge, CancellationToken ct)
    {
        var (estate, asset) = await AssetAsync(request.EstateId, request.AssetId, ct);
        foreach (var letter in letters)
        {
            var seizure = request.Seizures.Find(s => s.Seizure.SeizureId == letter.SeizureId)!.Seizure;
            var (kind, content) = letter.Recipient == LetterRecipient.SeizingBody
                ? (DocumentKind.LetterToSeizingBody, BankruptcyDocuments.LetterToSeizingBody(estate, asset, seizure, dueOn, judge))
                : (DocumentKind.LetterToSuperior, BankruptcyDocuments.LetterToSuperior(estate, asset, seizure, letter.Addressee, dueOn, judge));
            await documents.IssueAsync(new DocumentToIssue(kind, CourtOf(estate), BankruptcyWorkflows.ReleaseStream(request.Id!), content, DocumentId("letter:" + letter.LetterId)), ct);
        }
    }

    /// <summary>
    /// The court's ruling, its assisted-enforcement notice (started as its own stream) and the notifications to the
    /// seizing bodies, for the seizures still in force. Done before the ruling is recorded on the request, so a retry finds them.
    /// </summary>
    public async Task IssueRulingDocumentsAsync(ReleaseRequest request, string rulingId, string noticeId, CancellationToken ct)
    {
        var (estate, asset) = await AssetAsync(request.EstateId, request.AssetId, ct);
        var seizures = request.Outstanding.Select(s => s.Seizure).ToList();
        var court = CourtOf(estate);
        var stream = BankruptcyWorkflows.ReleaseStream(request.Id!);
        var ruling = await documents.IssueAsync(new DocumentToIssue(DocumentKind.LiftingRuling, court, stream, BankruptcyDocuments.LiftingRuling(estate, asset, seizures, Actor), DocumentId("ruling:" + rulingId)), ct);
        var action = asset.Kind is AssetKind.LandUseRight or AssetKind.Building ? NoticeAction.CancelSeizureRegistration : NoticeAction.LiftSeizure;
        await StartNoticeAsync(estate, asset, NoticePurpose.Release, request.Id!, noticeId, ruling, seizures, action, null, ct);
        foreach (var (seizure, i) in seizures.Select((s, i) => (s, i)))
        {
            var content = BankruptcyDocuments.NotificationToSeizingBody(estate, asset, seizure, ruling.Number, Actor);
            await documents.IssueAsync(new DocumentToIssue(DocumentKind.OtherLetter, court, stream, content, DocumentId($"notification:{rulingId}:{i}")), ct);
        }
    }

    private async Task StartNoticeAsync(Estate estate, EstateAsset asset, NoticePurpose purpose, string sourceId, string noticeId, IssuedDocument ruling, IReadOnlyList<SeizureToRelease> seizures, NoticeAction action, Disposal? sale, CancellationToken ct)
    {
        var streamId = BankruptcyWorkflows.NoticeStream(noticeId);
        if (await aggregates.LoadAsync<Notice>(noticeId, ct) is { Exists: true })
        {
            return;
        }

        var now = Now;
        var court = CourtOf(estate);
        var content = new NoticeContent(
            court, BankruptcyDocuments.CourtName(court), estate.CaseNumber, asset.HoldingAgency, BankruptcyDocuments.AgencyName(asset.HoldingAgency),
            ruling.Id.ToString("D"), ruling.Number, ruling.IssuedOn, estate.DebtorName, estate.DebtorCreditCode, asset.Kind, asset.Description, asset.Identifiers,
            seizures, action, sale?.BuyerName, sale?.BuyerIdNumber, sale?.PriceFen, BankruptcyDocuments.Contact(court, Actor), CourtCalendar.DateOf(now));
        var acknowledge = deadlines.Period(BankruptcyWorkflows.Notice, "Delivered");
        var execute = deadlines.Period(BankruptcyWorkflows.Notice, "Acknowledged");
        var document = await documents.IssueAsync(
            new DocumentToIssue(
                action == NoticeAction.TransferToBuyer ? DocumentKind.TransferNotice : DocumentKind.AssistedEnforcementNotice,
                court,
                streamId,
                BankruptcyDocuments.Notice(content, (acknowledge.Days, UnitZh(acknowledge.Unit)), (execute.Days, UnitZh(execute.Unit))),
                Guid.Parse(noticeId)),
            ct);
        var issue = new NoticeCommand.Issue(noticeId, purpose, sourceId, estate.Id!, asset.Id, document.Number, content, deadlines.DueOn(BankruptcyWorkflows.Notice, "Delivered", now), Actor);
        try
        {
            await workflows.StartAsync<Notice>(BankruptcyWorkflows.Notice, noticeId, (s, at) => NoticeDecider.Decide(s, issue, at.Now), cancellationToken: ct);
        }
        catch (WrongExpectedVersionException)
        {
            // Another attempt started it first: the notice exists, which is all this step promised.
        }
    }

    private static string UnitZh(PeriodUnit unit) => unit == PeriodUnit.WorkingDays ? "工作日" : "日";

    /// <summary>The seizing bodies lifted every seizure themselves, or the agency executed the notice: the estate learns of it, and the agenda lets go.</summary>
    public async Task AfterReleaseCompletedAsync(ReleaseRequest request, string? registrationReference, CancellationToken ct)
    {
        foreach (var group in request.Seizures.Where(s => s.LiftedBy is not null).GroupBy(s => s.LiftedBy!.Value))
        {
            var reference = group.Key == LiftedBy.CourtRuling ? registrationReference ?? request.RulingId ?? request.Id! : request.Id!;
            await OnEstateAsync(request.EstateId, new EstateCommand.LiftSeizures(request.AssetId, [.. group.Select(s => s.Seizure.SeizureId)], group.Key, reference, CourtCalendar.DateOf(Now), request.Id, Actor), ct);
        }

        await ResolveAgendaAsync(request.Id!, [AgendaReason.SeizingBodyIgnoredLetters, AgendaReason.NoticeCannotBeExecuted], "解封已完成", ct);
    }

    /// <summary>A seizing body lifted one seizure itself: the estate records it at once (the request may still wait on others).</summary>
    public Task RecordLiftOnEstateAsync(ReleaseRequest request, string seizureId, string reference, DateOnly liftedOn, CancellationToken ct) =>
        OnEstateAsync(request.EstateId, new EstateCommand.LiftSeizures(request.AssetId, [seizureId], LiftedBy.SeizingBody, reference, liftedOn, request.Id, Actor), ct);

    // ---- Notices ----------------------------------------------------------------------------------------------

    /// <summary>The agency executed a notice: the request is released (or the transfer registered), the estate updated, the document marked executed, the agenda items resolved.</summary>
    public async Task AfterNoticeExecutedAsync(Notice notice, CancellationToken ct)
    {
        var reference = notice.RegistrationReference!;
        var executedOn = CourtCalendar.DateOf(Now);
        if (notice.Purpose == NoticePurpose.Release)
        {
            var request = await RetryingAsync(async () =>
            {
                var loaded = await aggregates.LoadAsync<ReleaseRequest>(notice.SourceId, ct);
                if (loaded.State.Stage == ReleaseStage.AwaitingRegistry && loaded.State.NoticeId == notice.Id)
                {
                    var command = new ReleaseCommand.RecordRegistryExecution(notice.Id!, reference, executedOn, Actor);
                    await workflows.FireAsync<ReleaseRequest>(loaded.StreamId, "RecordRegistryExecution", (s, now) => ReleaseDecider.Decide(s, command, now), null, ct);
                    loaded = await aggregates.LoadAsync<ReleaseRequest>(notice.SourceId, ct);
                }

                return loaded.State;
            });
            if (request.Stage == ReleaseStage.Released)
            {
                await AfterReleaseCompletedAsync(request, reference, ct);
            }
        }
        else
        {
            var disposal = await RetryingAsync(async () =>
            {
                var loaded = await aggregates.LoadAsync<Disposal>(notice.SourceId, ct);
                if (loaded.State.Stage == DisposalStage.Confirmed && loaded.State.NoticeId == notice.Id)
                {
                    var command = new DisposalCommand.RecordTransfer(notice.Id!, reference, executedOn, Actor);
                    await workflows.FireAsync<Disposal>(loaded.StreamId, "RecordTransferRegistered", (s, now) => DisposalDecider.Decide(s, command, now), null, ct);
                    loaded = await aggregates.LoadAsync<Disposal>(notice.SourceId, ct);
                }

                return loaded.State;
            });
            if (disposal.Stage == DisposalStage.Transferred)
            {
                await OnEstateAsync(notice.EstateId, new EstateCommand.RecordTransfer(notice.AssetId, disposal.BuyerName, reference, executedOn, Actor), ct);
            }
        }

        if (await documents.FindByIdAsync(Guid.Parse(notice.Id!), ct) is { Status: DocumentStatus.InForce } document)
        {
            await documents.MarkExecutedAsync(document.Number, reference, cancellationToken: ct);
        }

        await ResolveAgendaAsync(notice.Id!, [AgendaReason.NoticeNotAcknowledged, AgendaReason.NoticeNotExecuted], "通知书已办结", ct);
    }

    /// <summary>The agency cannot execute: a release request stalls for the judge, and the matter goes to the joint meeting.</summary>
    public async Task AfterNoticeCannotBeExecutedAsync(Notice notice, CancellationToken ct)
    {
        if (notice.Purpose == NoticePurpose.Release)
        {
            await RetryingAsync(async () =>
            {
                var loaded = await aggregates.LoadAsync<ReleaseRequest>(notice.SourceId, ct);
                if (loaded.State.Stage == ReleaseStage.AwaitingRegistry && loaded.State.NoticeId == notice.Id)
                {
                    var command = new ReleaseCommand.RecordRegistryFailure(notice.Id!, notice.CannotExecuteReason!, Actor);
                    await workflows.FireAsync<ReleaseRequest>(loaded.StreamId, "RecordRegistryFailure", (s, now) => ReleaseDecider.Decide(s, command, now), null, ct);
                }

                return true;
            });
        }

        await PlaceOnAgendaAsync(
            notice.SourceId, AgendaReason.NoticeCannotBeExecuted, notice.EstateId, notice.CaseNumber, notice.Agency,
            $"{BankruptcyDocuments.AgencyName(notice.Agency)}报告无法协助执行{notice.DocumentNumber}：{notice.CannotExecuteReason}", ct);
    }

    public Task AfterNoticeOverdueAsync(Notice notice, AgendaReason reason, CancellationToken ct) => PlaceOnAgendaAsync(
        notice.Id!, reason, notice.EstateId, notice.CaseNumber, notice.Agency,
        reason == AgendaReason.NoticeNotAcknowledged
            ? $"{BankruptcyDocuments.AgencyName(notice.Agency)}逾期未签收{notice.DocumentNumber}（应于{BankruptcyDocuments.Date(notice.AcknowledgeBy)}前签收）"
            : $"{BankruptcyDocuments.AgencyName(notice.Agency)}逾期未办理{notice.DocumentNumber}（应于{BankruptcyDocuments.Date(notice.ExecuteBy ?? notice.AcknowledgeBy)}前办结）",
        ct);

    public Task AfterRulingDueAsync(ReleaseRequest request, CancellationToken ct) => PlaceOnAgendaAsync(
        request.Id!, AgendaReason.SeizingBodyIgnoredLetters, request.EstateId, request.CaseNumber,
        string.Join("、", request.Outstanding.Select(s => s.Seizure.SeizingBody).Distinct()),
        $"{string.Join("、", request.Outstanding.Select(s => $"{s.Seizure.SeizingBody}（{s.Seizure.DocumentNumber}）").Distinct())}经函告及督促逾期未解除查封", ct);

    // ---- Disposal -----------------------------------------------------------------------------------------------

    /// <summary>The sale-confirmation ruling and the transfer notice, before the confirmation is recorded (a retry finds them).</summary>
    public async Task IssueSaleDocumentsAsync(Disposal disposal, string rulingId, string noticeId, CancellationToken ct)
    {
        var (estate, asset) = await AssetAsync(disposal.EstateId, disposal.AssetId!, ct);
        var court = CourtOf(estate);
        var ruling = await documents.IssueAsync(
            new DocumentToIssue(DocumentKind.SaleConfirmationRuling, court, BankruptcyWorkflows.DisposalStream(asset.Id), BankruptcyDocuments.SaleConfirmationRuling(estate, asset, disposal, Actor), DocumentId("ruling:" + rulingId)),
            ct);
        await StartNoticeAsync(estate, asset, NoticePurpose.Transfer, asset.Id, noticeId, ruling, [], NoticeAction.TransferToBuyer, disposal, ct);
    }

    // ---- Agenda ------------------------------------------------------------------------------------------------

    public async Task PlaceOnAgendaAsync(string sourceId, AgendaReason reason, string estateId, string caseNumber, string party, string summary, CancellationToken ct)
    {
        var id = AgendaItem.IdFor(sourceId, reason);
        var place = new AgendaCommand.Place(id, reason, sourceId, estateId, caseNumber, party, summary, Actor);
        await RetryingAsync(() => aggregates.ExecuteAsync<AgendaItem>(id, (s, now) => AgendaDecider.Decide(s, place, now), cancellationToken: ct));
    }

    private async Task ResolveAgendaAsync(string sourceId, IEnumerable<AgendaReason> reasons, string how, CancellationToken ct)
    {
        foreach (var reason in reasons)
        {
            var id = AgendaItem.IdFor(sourceId, reason);
            if ((await aggregates.LoadAsync<AgendaItem>(id, ct)).State is { Id: not null, Resolved: false })
            {
                var resolve = new AgendaCommand.Resolve(how, Actor);
                await RetryingAsync(() => aggregates.ExecuteAsync<AgendaItem>(id, (s, now) => AgendaDecider.Decide(s, resolve, now), cancellationToken: ct));
            }
        }
    }
}
