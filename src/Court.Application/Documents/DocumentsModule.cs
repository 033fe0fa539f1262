using Court.Application.Documents.Issuing;
using Court.Application.Documents.MarkingExecuted;
using Court.Application.Documents.Reading;
using Court.Application.Documents.Revoking;
using Court.Application.Pipeline;
using Court.Application.Projections;
using Court.Application.Timeline;
using Court.Domain.Documents;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Court.Application.Documents;

public static class DocumentsModule
{
    /// <summary>The documents capability: the issuing service, its index, and who may see what. The key comes from infrastructure.</summary>
    public static IServiceCollection AddDocuments(this IServiceCollection services)
    {
        services.AddScoped<DocumentIssuer>();
        // Its document ids derive from an idempotency key when the scope has one.
        services.TryAddScoped<Workflows.WorkflowExecution>();
        services.AddScoped<DocumentAccess>();
        services.AddSingleton<IProjection, DocumentProjection>();
        services.AddAuthorizationRule<IssueDocumentByHand, IssueDocumentByHandRule>();
        services.AddScoped<DocumentRules>();
        services.AddScoped<IAuthorizationRule<GetDocument>>(sp => sp.GetRequiredService<DocumentRules>());
        services.AddScoped<IAuthorizationRule<MarkDocumentExecuted>>(sp => sp.GetRequiredService<DocumentRules>());
        services.AddScoped<IAuthorizationRule<RevokeDocument>>(sp => sp.GetRequiredService<DocumentRules>());
        services.AddTimelineSentence<DocumentIssued>(
            zh: e => $"签发了{e.Content.Title}（{e.Number}），送达{e.Content.Addressee}",
            en: e => $"issued {DocumentKinds.Of(e.Kind).NameEn.ToLowerInvariant()} {e.Number} to {e.Content.Addressee}");
        services.AddTimelineSentence<DocumentExecuted>(
            zh: e => e.Reference is null ? $"确认{e.Number}已执行" : $"确认{e.Number}已执行（{e.Reference}）",
            en: e => e.Reference is null ? $"recorded {e.Number} as executed" : $"recorded {e.Number} as executed ({e.Reference})");
        services.AddTimelineSentence<DocumentRevoked>(
            zh: e => $"撤销了{e.Number}：{e.Reason}",
            en: e => $"revoked {e.Number}: {e.Reason}");
        return services;
    }
}
