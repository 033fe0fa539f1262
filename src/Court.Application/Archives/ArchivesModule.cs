using Court.Application.Archives.Exporting;
using Court.Application.Archives.Verifying;
using Court.Application.Pipeline;
using Microsoft.Extensions.DependencyInjection;

namespace Court.Application.Archives;

public static class ArchivesModule
{
    /// <summary>Archive export and chain verification for court staff.</summary>
    public static IServiceCollection AddArchives(this IServiceCollection services)
    {
        services.AddScoped<IAuthorizationRule<ExportArchive>, ArchiveRule>();
        services.AddScoped<IAuthorizationRule<VerifyStreamChain>, ArchiveRule>();
        services.AddSingleton<IAuthorizationRule<VerifyLog>, VerifyLogRule>();
        return services;
    }
}
