using Court.Application.Bankruptcy.Disposing;
using Court.Application.Bankruptcy.Releasing;
using Court.Application.Common;
using Court.Application.Workflows;
using Court.Domain.Bankruptcy;
using Microsoft.Extensions.DependencyInjection;

namespace Court.Application.Bankruptcy;

/// <summary>
/// The steps a bankruptcy decision causes in other streams, carried out by the process manager after the decision is
/// durable (docs/decisions/0060): letters after approval and escalation, the ruling's documents and notice, the
/// agency's answer carried back to the request or disposal, the estate and the agenda, documents marked executed.
/// Each reaction looks before it acts and names what it creates by deterministic ids, so after a crash it runs again
/// and completes what was left, issuing nothing twice.
/// </summary>
public static class BankruptcyFollowUps
{
    public static IServiceCollection AddBankruptcyFollowUps(this IServiceCollection services)
    {
        services.AddReaction<ReleaseLettersSent>("bankruptcy.letters-to-seizing-bodies", async (e, context, ct) =>
        {
            var process = Process(context);
            var request = await process.RequestAsync(e.RequestId, ct);
            await process.IssueLettersAsync(request, e.Letters, e.DueOn, e.By, ct);
        });
        services.AddReaction<ReleaseEscalatedToSuperiors>("bankruptcy.letters-to-superiors", async (e, context, ct) =>
        {
            var process = Process(context);
            var request = await process.RequestAsync(e.RequestId, ct);
            await process.IssueLettersAsync(request, e.Letters, e.DueOn, request.ApprovedBy ?? e.By, ct);
        });
        services.AddReaction<ReleaseRulingDue>("bankruptcy.ruling-due-on-agenda", async (e, context, ct) =>
        {
            var process = Process(context);
            await process.AfterRulingDueAsync(await process.RequestAsync(e.RequestId, ct), e.By, ct);
        });
        services.AddReaction<LiftingRulingIssued>("bankruptcy.ruling-documents", async (e, context, ct) =>
        {
            var process = Process(context);
            await process.IssueRulingDocumentsAsync(await process.RequestAsync(e.RequestId, ct), e, ct);
        });
        services.AddReaction<SeizureLiftedBySeizingBody>("bankruptcy.lift-on-estate", async (e, context, ct) =>
        {
            var process = Process(context);
            var request = await process.RequestAsync(e.RequestId, ct);
            await process.OnEstateAsync(request.EstateId, new EstateCommand.LiftSeizures(request.AssetId, [e.SeizureId], LiftedBy.SeizingBody, e.Reference, e.LiftedOn, request.Id, e.By), ct);
        });
        services.AddReaction<SeizureLapsed>("bankruptcy.lapse-to-open-requests", async (e, context, ct) =>
        {
            // Every open request on the asset that still asks for this seizure is told; a request that has moved on
            // (lifted, lapsed, final) changes nothing.
            var process = Process(context);
            foreach (var request in await process.OpenRequestsNamingAsync(e.EstateId, e.AssetId, e.SeizureId, ct))
            {
                await context.SendAsync(new RecordSeizureLapse(e.SeizureId, e.ExpiredOn) { RequestId = request.Id! }, ct);
            }
        });
        services.AddReaction<ReleaseCompleted>("bankruptcy.release-completed", async (e, context, ct) =>
        {
            var process = Process(context);
            await process.AfterReleaseCompletedAsync(await process.RequestAsync(e.RequestId, ct), e.RegistrationReference, e.By, ct);
        });
        services.AddReaction<NoticeExecuted>("bankruptcy.notice-executed", async (e, context, ct) =>
        {
            var process = Process(context);
            var notice = await NoticeAsync(context, e.NoticeId, ct);
            if (notice.Purpose == NoticePurpose.Release)
            {
                // Only the notice of the request's latest ruling answers for it.
                if ((await process.RequestAsync(notice.SourceId, ct)).NoticeId == notice.Id)
                {
                    await context.SendAsync(new RecordRegistryExecution(notice.Id!, e.RegistrationReference, e.ExecutedOn) { RequestId = notice.SourceId }, ct);
                }

                // The request's own follow-up does this too; doing it here as well lets the agency's caller see the estate updated.
                var request = await process.RequestAsync(notice.SourceId, ct);
                if (request.Step is { IsFinal: true } && !request.Outstanding.Any())
                {
                    await process.AfterReleaseCompletedAsync(request, e.RegistrationReference, e.By, ct);
                }
            }
            else if (await Disposal(context, notice.SourceId, ct) is { } disposal && disposal.NoticeId == notice.Id)
            {
                await context.SendAsync(new RecordTransferRegistered(notice.Id!, e.RegistrationReference, e.ExecutedOn) { AssetId = notice.SourceId }, ct);
                await process.OnEstateAsync(notice.EstateId, new EstateCommand.RecordTransfer(notice.AssetId, disposal.BuyerName, e.RegistrationReference, e.ExecutedOn, e.By), ct);
            }

            await process.AfterNoticeExecutedAsync(notice, e.By, ct);
        });
        services.AddReaction<NoticeCannotBeExecuted>("bankruptcy.notice-cannot-be-executed", async (e, context, ct) =>
        {
            var notice = await NoticeAsync(context, e.NoticeId, ct);
            if (notice.Purpose == NoticePurpose.Release && (await Process(context).RequestAsync(notice.SourceId, ct)).NoticeId == notice.Id)
            {
                await context.SendAsync(new RecordRegistryFailure(notice.Id!, e.Reason) { RequestId = notice.SourceId }, ct);
            }

            await Process(context).AfterNoticeCannotBeExecutedAsync(notice, e.By, ct);
        });
        services.AddReaction<NoticeAcknowledgementOverdue>("bankruptcy.notice-not-acknowledged", async (e, context, ct) =>
            await Process(context).AfterNoticeOverdueAsync(await NoticeAsync(context, e.NoticeId, ct), AgendaReason.NoticeNotAcknowledged, e.By, ct));
        services.AddReaction<NoticeExecutionOverdue>("bankruptcy.notice-not-executed", async (e, context, ct) =>
            await Process(context).AfterNoticeOverdueAsync(await NoticeAsync(context, e.NoticeId, ct), AgendaReason.NoticeNotExecuted, e.By, ct));
        services.AddReaction<SaleConfirmed>("bankruptcy.sale-documents", async (e, context, ct) =>
            await Process(context).IssueSaleDocumentsAsync(await Disposal(context, e.AssetId, ct), e, ct));
        return services;
    }

    private static BankruptcyProcess Process(ReactionContext context) => context.Services.GetRequiredService<BankruptcyProcess>();

    private static async Task<Notice> NoticeAsync(ReactionContext context, string noticeId, CancellationToken ct) =>
        (await context.Services.GetRequiredService<AggregateStore>().LoadAsync<Notice>(noticeId, ct)).State;

    private static async Task<Disposal> Disposal(ReactionContext context, string assetId, CancellationToken ct) =>
        (await context.Services.GetRequiredService<AggregateStore>().LoadAsync<Disposal>(assetId, ct)).State;
}
