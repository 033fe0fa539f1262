using Court.Application.Common;
using Court.Application.Demo;
using Court.Application.Pipeline;
using Court.Application.Projections;
using Court.Application.SmallClaims;
using Court.Application.SmallClaims.Proceeding;
using Court.Application.Timeline;
using Court.Application.Workflows;
using Court.Domain.Fees;
using Court.Domain.Service;
using Court.Domain.SmallClaims;
using Microsoft.Extensions.DependencyInjection;

namespace Court.Application.Service;

public static class ServiceModule
{
    /// <summary>Service of process (issue 10): the service file on the <c>service-file</c> workflow, carrier reports, the desk, the case's history, the dispatch list.</summary>
    public static IServiceCollection AddService(this IServiceCollection services, ServiceSettings settings)
    {
        services.AddSingleton(settings);
        services.AddScoped<ServiceFiles>();
        services.AddSingleton<PublicNoticePeriodBackfill>();
        services.AddSingleton<ServiceProjection>();
        services.AddSingleton<Projections.IProjection>(sp => sp.GetRequiredService<ServiceProjection>());
        services.AddSingleton<Projections.IProjection, CarrierRefusalProjection>();
        services.AddSingleton<Projections.IProjection, AgentDocuments.AgentDocumentProjection>();
        services.AddWorkflowSubject<ServiceFile>();
        services.AddWorkflowSubject<PublicNoticePeriod>();
        services.AddWorkflowExpiry(firing => new DeemPublicNoticeServed(firing.IdOf<PublicNoticePeriod>()));
        services.AddStreamReader(ServiceFile.StreamPrefix, id => new GetCaseService(id));
        services.AddWorkflowPeriods<ServiceFile>(ServiceFiles.PeriodNames);
        services.AddWorkflowTasks<ServiceFile>(ServiceFiles.AnotherChannelTask);
        services.AddDemoSeeder<Demo.ServiceDemoSeeder>();

        services.AllowRoles<OpenServiceFile>(Roles.Clerk);
        services.AllowOnServiceFile<RegisterServiceParty>();
        services.AllowOnServiceFile<AppointServiceAgent>();
        services.AllowOnServiceFile<AgentDocuments.IssueAgentDocuments>();
        services.AllowOnServiceFile<EndServiceAgentAuthority>();
        services.AllowOnServiceFile<ConfirmServiceAddress>();
        services.AllowOnServiceFile<ServeDocuments>();
        services.AllowOnServiceFile<RecordCarrierEvent>(carrier: true);
        services.AllowOnServiceFile<RecordHandService>();
        services.AllowOnServiceFile<RecordPublicNotice>();
        services.AllowOnServiceFile<RecordDeemedService>();
        services.AllowOnServiceFile<RecordPeriodDone>();
        services.AllowRoles<StartPublicNoticePeriod>();
        services.AllowRoles<DeemPublicNoticeServed>();
        services.AllowOnServiceFile<CloseServiceFile>();
        services.AllowOnServiceFile<GetCaseService>();
        services.AllowRoles<ReceiveCarrierEvent>(Roles.CarrierOperator, Roles.Clerk);
        services.AllowRoles<ImportCarrierBatch>(Roles.CarrierOperator, Roles.Clerk);
        services.AllowRoles<GetServiceDesk>(Roles.Clerk, Roles.Judge, Roles.CourtPresident);
        services.AllowRoles<GetDispatchList>(Roles.CarrierOperator, Roles.Clerk);
        services.AllowRoles<GetCarrierRefusals>(Roles.CarrierOperator, Roles.Clerk);
        services.AllowRoles<GetMyCases>(Roles.Lawyer);
        services.AddScoped<IAuthorizationRule<GetLawyerCase>, LawyerCaseRule>();
        services.AllowRoles<GetWaybill>(Roles.CarrierOperator, Roles.Clerk);
        AddTimeline(services);
        services.AddReaction<ServiceCertificateIssued>("service.fee-notice-served-on-small-claims", FeeNoticeServedAsync);
        services.AddReaction<PublicationRecorded>("service.public-notice-period-starts", (e, context, ct) => context.SendAsync(new StartPublicNoticePeriod(e.CaseId, e.ServiceId), ct));
        services.AddReaction<PublicNoticePeriodEnded>("service.public-notice-deemed-served", DeemedServedAsync);
        return services;
    }

    /// <summary>
    /// A served fee notice of a small-claims case tells the case when it was served, so its 7 days count from service
    /// (Fee Measures Art. 22), not from issue. The certificate is issued once the service is complete, so its event is
    /// the moment the service date is known; the first service of the notice counts (the case keeps it).
    /// </summary>
    private static async Task FeeNoticeServedAsync(ServiceCertificateIssued e, ReactionContext context, CancellationToken cancellationToken)
    {
        var readModels = context.Services.GetRequiredService<IReadModels>();
        if (await readModels.GetAsync<ServiceView>(ServiceView.IdOf(e.CaseId, e.ServiceId), cancellationToken) is not { DocumentKind: ServedDocumentKind.FeeNotice, DocumentNumber: { } number, ServedOn: { } servedOn }
            || await readModels.GetAsync<SmallClaimsCaseView>(e.CaseId, cancellationToken) is null)
        {
            return;
        }

        // Only the case's own notices: a number typed for another case's notice is no business of this one.
        for (var n = 1; await readModels.GetAsync<FeeNoticeView>(SmallClaimsDecider.NoticeId(e.CaseId, n), cancellationToken) is { } notice; n++)
        {
            if (notice.DocumentNumber == number)
            {
                if (notice.ServedOn is null)
                {
                    await context.SendAsync(new RecordSmallClaimsFeeNoticeService(e.CaseId, number, servedOn), cancellationToken);
                }

                return;
            }
        }
    }

    /// <summary>
    /// A notice's period ran out: the service file records it served on the period's last day (its certificate and the
    /// periods that run from service follow). A file closed meanwhile serves nothing more, so the step is dropped.
    /// </summary>
    private static async Task DeemedServedAsync(PublicNoticePeriodEnded e, ReactionContext context, CancellationToken cancellationToken)
    {
        try
        {
            await context.SendAsync(new RecordDeemedService(e.CaseId, e.ServiceId, e.ServedOn), cancellationToken);
        }
        catch (WorkflowTriggerNotPermittedException)
        {
            // The file is closed.
        }
    }

    private static void AddTimeline(IServiceCollection services)
    {
        services.AddTimelineSentence<ServiceFileOpened>(e => $"建立送达档案（{e.CaseNumber}）", e => $"opened the service file of {e.CaseNumber}");
        services.AddTimelineSentence<PartyRegistered>(e => $"登记当事人 {e.Party.Name}", e => $"registered party {e.Party.Name}");
        services.AddTimelineSentence<AgentAppointed>(e => $"登记诉讼代理人 {e.Agent.Name}（{e.Agent.LawFirm}）", e => $"registered agent {e.Agent.Name} ({e.Agent.LawFirm})");
        services.AddTimelineSentence<AgentAuthorityEnded>(e => $"登记诉讼代理人委托终止（{e.EndedOn:yyyy-MM-dd}，{e.Reason}）", e => $"recorded that an agent's authority ended on {e.EndedOn:yyyy-MM-dd} ({e.Reason})");
        services.AddTimelineSentence<AddressConfirmed>(e => $"登记送达地址确认书（{e.Confirmation.SignedOn:yyyy-MM-dd} 签署）", e => $"recorded an address confirmation signed {e.Confirmation.SignedOn:yyyy-MM-dd}");
        services.AddTimelineSentence<AddressChanged>(e => $"变更送达地址（{e.Confirmation.SignedOn:yyyy-MM-dd} 起）", e => $"changed the service address from {e.Confirmation.SignedOn:yyyy-MM-dd}");
        services.AddTimelineSentence<ServiceOrdered>(
            e => $"向{e.Recipient.Name}送达《{e.Document.Title}》（{ServiceTexts.ChannelZh(e.Channel)}{(e.Waybill is { } w ? " " + w : "")}）",
            e => $"served '{e.Document.Title}' on {e.Recipient.Name} by {ServiceCodes.Code(e.Channel)}{(e.Waybill is { } w ? " " + w : "")}");
        services.AddTimelineSentence<CarrierEventRecorded>(
            e => $"邮件 {e.Event.Reference}：{ServiceCodes.Code(e.Event.Kind)}（{e.Event.OccurredAt.ToOffset(ChinaTime.Offset):yyyy-MM-dd HH:mm}）",
            e => $"item {e.Event.Reference}: {ServiceCodes.Code(e.Event.Kind)} at {e.Event.OccurredAt.ToOffset(ChinaTime.Offset):yyyy-MM-dd HH:mm}");
        services.AddTimelineSentence<HandDeliveryRecorded>(e => $"登记送达回证（{e.Delivery.ServedOn:yyyy-MM-dd}，{e.Delivery.SignerName}）", e => $"recorded delivery by hand on {e.Delivery.ServedOn:yyyy-MM-dd} ({e.Delivery.SignerName})");
        services.AddTimelineSentence<PublicationRecorded>(e => $"公告送达，{e.Publication.DeemedServedOn:yyyy-MM-dd} 视为送达", e => $"published a notice, deemed served {e.Publication.DeemedServedOn:yyyy-MM-dd}");
        services.AddTimelineSentence<PublicNoticeDeemedServed>(e => $"公告期满，{e.ServedOn:yyyy-MM-dd} 视为送达", e => $"the notice period ran out: deemed served {e.ServedOn:yyyy-MM-dd}");
        services.AddTimelineSentence<PeriodActDone>(e => $"登记期间事项已完成（{ServiceCodes.Code(e.Period)}，{e.DoneOn:yyyy-MM-dd}）", e => $"recorded the {ServiceCodes.Code(e.Period)} act done on {e.DoneOn:yyyy-MM-dd}");
        services.AddTimelineSentence<ServiceCertificateIssued>(e => $"出具送达回证 {e.DocumentNumber}", e => $"issued certificate of service {e.DocumentNumber}");
        services.AddTimelineSentence<ServiceFileClosed>(e => $"结束送达：{e.Reason}", e => $"closed the service file: {e.Reason}");
    }
}
