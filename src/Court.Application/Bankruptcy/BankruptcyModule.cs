using Court.Application.Bankruptcy.Cases;
using Court.Application.Bankruptcy.Demo;
using Court.Application.Bankruptcy.Disposing;
using Court.Application.Bankruptcy.Documents;
using Court.Application.Bankruptcy.JointMeeting;
using Court.Application.Bankruptcy.Notices;
using Court.Application.Bankruptcy.ReadModels;
using Court.Application.Bankruptcy.Releasing;
using Court.Application.Common;
using Court.Application.Demo;
using Court.Application.Documents;
using Court.Application.Pipeline;
using Court.Application.Projections;
using Court.Application.Timeline;
using Court.Application.Workflows;
using Court.Domain.Bankruptcy;
using Court.Domain.Common;
using Microsoft.Extensions.DependencyInjection;

namespace Court.Application.Bankruptcy;

public static class BankruptcyModule
{
    public static IServiceCollection AddBankruptcy(this IServiceCollection services)
    {
        services.AddScoped<BankruptcyProcess>();
        services.AddScoped<ReleaseDrafts>();
        services.AddScoped<BankruptcyPermissions>();
        services.AddBankruptcyFollowUps();
        services.AddSingleton<IProjection, CaseProjection>();
        services.AddSingleton<IProjection, ReleaseRequestProjection>();
        services.AddSingleton<IProjection, NoticeProjection>();
        services.AddSingleton<IProjection, AgendaProjection>();
        services.AddScoped<IDocumentReadGrant, BankruptcyDocumentReadGrant>();
        services.AddDemoSeeder<BankruptcyDemoSeeder>();
        services.AddLeaderWork<SeizureExpirySweep>();

        // Timeline sentences for the shared Timeline component, the same as the API's case timeline.
        foreach (var type in typeof(Estate).Assembly.GetTypes().Where(t => t.Namespace == typeof(Estate).Namespace && typeof(IDomainEvent).IsAssignableFrom(t)))
        {
            services.AddSingleton(new TimelineSentence(type, e => BankruptcySentences.Describe(e).Zh, e => BankruptcySentences.Describe(e).En));
        }

        // Who may send what (docs/decisions/0007): roles first (403), then the resource (404 when not yours).
        const string Judge = Roles.Judge, Clerk = Roles.Clerk, Administrator = Roles.Administrator, Officer = Roles.AgencyOfficer, System = Roles.System;
        services.AllowRoles<OpenBankruptcyCase>(Clerk, Judge);
        services.AllowOnCase<GetBankruptcyCase>();
        services.AllowOnCase<GetCaseTimeline>();
        services.AllowOnCase<RegisterAsset>(Administrator, Clerk);
        services.AllowOnCase<RecordSeizure>(Administrator, Clerk);
        services.AllowOnCase<GetAsset>();
        services.AllowOnCase<RenewSeizure>(Administrator, Clerk);
        services.AllowOnCase<LapseExpiredSeizures>(System);
        services.AllowOnCase<RequestRelease>(Administrator, Clerk);
        services.AllowOnCase<GetReleaseRequest>();
        services.AllowOnNotice<GetNotice>();
        services.AllowOnNotice<QueryNotice>(Officer);
        services.AllowOnNotice<AnswerNoticeQuery>(Judge);
        services.AllowRoles<GetAgenda>(Judge, Clerk, Roles.SupervisionOfficer, Roles.CourtPresident);
        services.AllowRoles<RecordMeetingDecision>(Judge, Roles.SupervisionOfficer, Roles.CourtPresident);
        services.AddScoped<IAuthorizationRule<CompleteMeetingAction>, CompleteMeetingActionRule>();
        services.AddScoped<IDocumentReadGrant, MeetingMinutesReadGrant>();

        // The workflows' steps: who may take them is the pinned definition's; the rule only says whose case or notice it is.
        services.AllowOnCase<ApproveRelease>();
        services.AllowOnCase<RejectRelease>();
        services.AllowOnCase<WithdrawRelease>();
        services.AllowOnCase<RecordSeizingBodyLift>();
        services.AllowOnCase<RecordSeizureLapse>();
        services.AllowOnCase<IssueLiftingRuling>();
        services.AllowOnCase<EscalateOverdueRelease>();
        services.AllowOnCase<RecordRegistryExecution>();
        services.AllowOnCase<RecordRegistryFailure>();
        services.AllowOnNotice<AcknowledgeNotice>();
        services.AllowOnNotice<ExecuteNotice>();
        services.AllowOnNotice<ReportNoticeCannotBeExecuted>();
        services.AllowOnNotice<FlagOverdueNotice>();
        services.AllowOnCase<ScheduleDisposal>();
        services.AllowOnCase<RecordDisposalUnsold>();
        services.AllowOnCase<RecordAssetSold>();
        services.AllowOnCase<ConfirmSale>();
        services.AllowOnCase<RecordTransferRegistered>();

        // The workflows that drive the release request, notice and disposal streams (workflows/*.json).
        services.AddWorkflowSubject<ReleaseRequest>();
        services.AddWorkflowSubject<Notice>();
        services.AddWorkflowSubject<Disposal>();
        services.AddStreamReader(Estate.StreamPrefix, id => new GetBankruptcyCase(id));
        services.AddStreamReader(ReleaseRequest.StreamPrefix, id => new GetReleaseRequest(id));
        services.AddStreamReader(Notice.StreamPrefix, id => new GetNotice(id));
        services.AddStreamReader(Disposal.StreamPrefix, id => new GetAsset(id));
        services.AddWorkflowGuard<ReleaseRequest>("release-open", state => state.Outstanding.Any());
        services.AddWorkflowGuard<ReleaseRequest>("release-complete", state => !state.Outstanding.Any());
        services.AddWorkflowExpiry(firing => new EscalateOverdueRelease { RequestId = firing.IdOf<ReleaseRequest>() });
        services.AddWorkflowExpiry(firing => new FlagOverdueNotice { NoticeId = firing.IdOf<Notice>() });
        return services;
    }
}
