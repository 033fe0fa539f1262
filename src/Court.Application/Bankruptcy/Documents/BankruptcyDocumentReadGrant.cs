using Court.Application.Bankruptcy.ReadModels;
using Court.Application.Common;
using Court.Application.Documents;
using Court.Application.Projections;
using Court.Domain.Bankruptcy;

namespace Court.Application.Bankruptcy.Documents;

/// <summary>The administrator appointed to a case may read its letters, rulings, notices and minutes.</summary>
public sealed class BankruptcyDocumentReadGrant(IReadModels reads) : IDocumentReadGrant
{
    public async ValueTask<bool> MayReadAsync(IssuedDocument document, ICallerContext caller, CancellationToken cancellationToken)
    {
        if (!caller.IsInRole(Roles.Administrator))
        {
            return false;
        }

        var stream = document.SourceStreamId;
        string? key =
            stream.StartsWith(ReleaseRequest.StreamPrefix, StringComparison.Ordinal) ? CaseLink.ForRequest(stream[ReleaseRequest.StreamPrefix.Length..])
            : stream.StartsWith(Notice.StreamPrefix, StringComparison.Ordinal) ? CaseLink.ForNotice(stream[Notice.StreamPrefix.Length..])
            : stream.StartsWith(Disposal.StreamPrefix, StringComparison.Ordinal) ? CaseLink.ForAsset(stream[Disposal.StreamPrefix.Length..])
            : stream.StartsWith(AgendaItem.StreamPrefix, StringComparison.Ordinal) ? CaseLink.ForAgendaItem(stream[AgendaItem.StreamPrefix.Length..])
            : null;
        return key is not null && await BankruptcyAccess.CaseOfAsync(reads, key, cancellationToken) is { } view && view.AdministratorUserId == caller.UserId;
    }
}
