using Court.Application.Common;
using Court.Application.Fees.Publishing;
using Court.Application.Fees.Quoting;
using Court.Application.Fees.Schedules;
using Court.Application.Pipeline;
using Microsoft.Extensions.DependencyInjection;

namespace Court.Application.Fees;

public static class FeesModule
{
    /// <summary>Fee schedules (shipped and published), quotes and publishing.</summary>
    public static IServiceCollection AddFees(this IServiceCollection services, FeesSettings settings)
    {
        services.AddSingleton(settings);
        services.AddScoped<FeeSchedules>();
        services.AddSingleton<Projections.IProjection, FeeScheduleProjection>();
        services.AllowRoles<QuoteFee>(FeeAccess.Staff);
        services.AllowRoles<ListFeeSchedules>(FeeAccess.Staff);
        services.AllowRoles<PublishFeeScheduleVersion>(Roles.SystemAdministrator);
        return services;
    }
}
