using Court.Application.Auditing;
using Court.Application.Pipeline;
using Mediator;

namespace Court.Application.Documents.Reading;

/// <summary>A document by its number or its id (<see cref="DocumentIssuer.FindByIdOrNumberAsync"/>), with its content, status and code: for its court's staff and its addressee (<see cref="DocumentRules"/>).</summary>
public sealed record GetDocument(string Number) : IQuery<IssuedDocument>, IAuditedRead<IssuedDocument>
{
    ReadSubject IAuditedRead<IssuedDocument>.AuditedAs(IssuedDocument response) => new(ReadSubject.Document, response.Number, response.SourceStreamId);
}

public sealed class GetDocumentHandler(DocumentIssuer documents) : IQueryHandler<GetDocument, IssuedDocument>
{
    public async ValueTask<IssuedDocument> Handle(GetDocument query, CancellationToken cancellationToken) =>
        await documents.FindByIdOrNumberAsync(query.Number, cancellationToken) ?? throw new ResourceNotFoundException($"No document {query.Number}.");
}
