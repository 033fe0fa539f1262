using Court.Application.Documents.Issuing;
using Court.Application.Pipeline;
using Court.Application.Projections;
using Microsoft.Extensions.DependencyInjection;

namespace Court.Application.Documents;

public static class DocumentsModule
{
    /// <summary>The documents capability: the issuing service, its index, and who may see what. The key comes from infrastructure.</summary>
    public static IServiceCollection AddDocuments(this IServiceCollection services)
    {
        services.AddScoped<DocumentIssuer>();
        services.AddScoped<DocumentAccess>();
        services.AddSingleton<IProjection, DocumentProjection>();
        services.AddSingleton<IAuthorizationRule<IssueDocumentByHand>, IssueDocumentByHandRule>();
        return services;
    }
}
