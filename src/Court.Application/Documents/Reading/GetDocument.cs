using Court.Application.Common;
using Court.Application.Pipeline;
using Mediator;

namespace Court.Application.Documents.Reading;

/// <summary>A document by its number, with its content, status and code: for court staff and its addressee.</summary>
public sealed record GetDocument(string Number) : IQuery<IssuedDocument>;

public sealed class GetDocumentHandler(DocumentIssuer documents, DocumentAccess access, ICallerContext caller) : IQueryHandler<GetDocument, IssuedDocument>
{
    public async ValueTask<IssuedDocument> Handle(GetDocument query, CancellationToken cancellationToken)
    {
        // Resource-based: the document decides who may see it, so the check follows the load. Not ours → 404.
        var document = await documents.FindAsync(query.Number, cancellationToken);
        return document is not null && await access.MayReadAsync(document, caller, cancellationToken)
            ? document
            : throw new ResourceNotFoundException($"No document numbered {query.Number}.");
    }
}
