using Court.Application.Common;
using Court.Application.Pipeline;
using Court.Application.Projections;

namespace Court.Application.Documents;

/// <summary>
/// Lets another capability grant reading a document to callers it knows about (e.g. the administrator appointed to
/// the case a notice belongs to). Any grant is enough; register with <c>services.AddScoped&lt;IDocumentReadGrant, X&gt;()</c>.
/// </summary>
public interface IDocumentReadGrant
{
    ValueTask<bool> MayReadAsync(IssuedDocument document, ICallerContext caller, CancellationToken cancellationToken);
}

/// <summary>
/// Who may see and act on a document, on the shared rules (docs/decisions/0007-resource-authorization.md): the
/// issuing court's clerks and judges, and the agency it is addressed to; plus whoever an <see cref="IDocumentReadGrant"/> admits.
/// </summary>
public sealed class DocumentAccess(IEnumerable<IDocumentReadGrant> grants)
{
    public static ResourceParties PartiesOf(IssuedDocument document) => PartiesOf(document.Court.Code, document.Content.AddresseeAgency);

    public static ResourceParties PartiesOf(DocumentRecord record) => PartiesOf(record.CourtCode, record.AddresseeAgency);

    public async ValueTask<bool> MayReadAsync(IssuedDocument document, ICallerContext caller, CancellationToken cancellationToken)
    {
        if (Access.CanSee(caller, PartiesOf(document)))
        {
            return true;
        }

        foreach (var grant in grants)
        {
            if (await grant.MayReadAsync(document, caller, cancellationToken))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Hidden (404) when the caller may not see it; Forbidden (403) when he may but holds none of <paramref name="roles"/>.</summary>
    public async ValueTask<AuthorizationOutcome> ActAsync(IssuedDocument document, ICallerContext caller, CancellationToken cancellationToken, params string[] roles) =>
        !await MayReadAsync(document, caller, cancellationToken) ? AuthorizationOutcome.Hidden
        : caller.IsInRole(Roles.System) || roles.Any(caller.IsInRole) ? AuthorizationOutcome.Allowed
        : AuthorizationOutcome.Forbidden;

    /// <summary>
    /// <see cref="Access.CanSee"/> for a list of documents, as filters on their keys, so a page holds only what the
    /// caller may see: every document for background code, the caller's court's for court staff (all courts' when
    /// the account names none), those addressed to his agency for an agency's officer. False: he sees none.
    /// </summary>
    public static bool NarrowToCaller(PageRequest request, ICallerContext caller)
    {
        if (caller.IsInRole(Roles.System))
        {
            return true;
        }

        if (Access.IsCourtStaff(caller))
        {
            if (caller.Court is { } court)
            {
                request.Filters[DocumentRecord.CourtKey] = [court];
            }

            return true;
        }

        if (caller.Agency is { } agency)
        {
            request.Filters[DocumentRecord.AgencyKey] = [agency];
            return true;
        }

        return false;
    }

    private static ResourceParties PartiesOf(string court, string? agency) => new(court, null, agency is null ? [] : [agency]);
}
