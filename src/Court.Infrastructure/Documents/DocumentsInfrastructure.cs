using Court.Application.Documents;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Court.Infrastructure.Documents;

public static class DocumentsInfrastructure
{
    /// <summary>The documents capability with its server-side parts: the verification key and the PDF/HTML renderer.</summary>
    public static IServiceCollection AddDocumentsInfrastructure(this IServiceCollection services)
    {
        services.AddDocuments();
        services.AddSingleton<IVerificationKey, VerificationKey>();
        services.AddSingleton<IDocumentRenderer, DocumentRenderer>();
        services.AddHostedService<VerificationKeyAtStart>();
        return services;
    }
}

/// <summary>Reads (or generates) the verification key at start-up, so a missing or bad secret shows at once, not at the first issuance.</summary>
internal sealed class VerificationKeyAtStart(IVerificationKey key) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        _ = key.Key.Length;
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
