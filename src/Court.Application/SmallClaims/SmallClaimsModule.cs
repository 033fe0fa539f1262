using Court.Application.Common;
using Court.Application.Demo;
using Court.Application.Fees;
using Court.Application.SmallClaims.Docket;
using Court.Application.SmallClaims.Eligibility;
using Court.Application.SmallClaims.Proceeding;
using Court.Application.SmallClaims.Thresholds;
using Court.Application.Workflows;
using Court.Domain.SmallClaims;
using Microsoft.Extensions.DependencyInjection;

namespace Court.Application.SmallClaims;

public static class SmallClaimsModule
{
    /// <summary>Small-claims thresholds, eligibility, cases on the <c>small-claims</c> workflow, the docket and the fee read models. Needs <c>AddFees</c>.</summary>
    public static IServiceCollection AddSmallClaims(this IServiceCollection services)
    {
        services.AddScoped<SmallClaimsCases>();
        services.AddDemoSeeder<Demo.SmallClaimsDemoSeeder>();
        services.AddSingleton<Projections.IProjection, SmallClaimsProjection>();
        services.AddWorkflowSubject<SmallClaimsCase>();

        services.AllowRoles<CheckSmallClaimsEligibility>(RolesRuleRegistration.CourtStaff);
        services.AllowRoles<ListSmallClaimsThresholds>(RolesRuleRegistration.CourtStaff);
        services.AllowRoles<ConfirmSmallClaimsThreshold>(Roles.SystemAdministrator);
        services.AllowRoles<PublishSmallClaimsThreshold>(Roles.SystemAdministrator);
        services.AllowRoles<Filing.FileSmallClaimsCase>(Roles.Clerk);
        services.AllowOnCase<RecordSmallClaimsFeePayment>(Roles.Clerk);
        services.AllowOnCase<RecordSmallClaimsRefundPaid>(Roles.Clerk);
        services.AllowOnCase<RecordSmallClaimsService>(Roles.Clerk);
        services.AllowOnCase<LowerSmallClaim>(Roles.Clerk, Roles.Judge);
        services.AllowOnCase<OpenSmallClaimsHearing>(Roles.Judge);
        services.AllowOnCase<EndSmallClaimsInvestigation>(Roles.Judge);
        services.AllowOnCase<DecideSmallClaims>(Roles.Judge);
        services.AllowOnCase<ConvertSmallClaimsProcedure>(Roles.Judge);
        services.AllowOnCase<ExtendSmallClaimsLimit>(Roles.CourtPresident);
        services.AllowOnCase<GetSmallClaimsCase>(Roles.Clerk, Roles.Judge, Roles.CourtPresident);
        services.AllowRoles<ListOutstandingFeeNotices>(Roles.Clerk, Roles.CourtPresident);
        services.AllowRoles<ListRefundsDue>(Roles.Clerk, Roles.CourtPresident);
        services.AllowRoles<GetSmallClaimsDocket>(Roles.Judge, Roles.CourtPresident);
        return services;
    }
}
