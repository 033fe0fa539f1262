using Court.Application.Documents;
using Microsoft.Extensions.DependencyInjection;

namespace Court.Infrastructure.Documents;

public static class DocumentsInfrastructure
{
    /// <summary>The documents capability with its server-side parts: the verification key and the PDF/HTML renderer.</summary>
    public static IServiceCollection AddDocumentsInfrastructure(this IServiceCollection services)
    {
        services.AddDocuments();
        services.AddSingleton<IVerificationKey, VerificationKey>();
        services.AddSingleton<IDocumentRenderer, DocumentRenderer>();
        return services;
    }
}
