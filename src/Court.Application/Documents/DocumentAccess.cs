using Court.Application.Common;

namespace Court.Application.Documents;

/// <summary>
/// Lets another capability grant reading a document to callers it knows about (e.g. the administrator appointed to
/// the case a notice belongs to). Any grant is enough; register with <c>services.AddScoped&lt;IDocumentReadGrant, X&gt;()</c>.
/// </summary>
public interface IDocumentReadGrant
{
    ValueTask<bool> MayReadAsync(IssuedDocument document, ICallerContext caller, CancellationToken cancellationToken);
}

/// <summary>Who may see, execute and revoke a document. Court staff see all; an agency sees what is addressed to it.</summary>
public sealed class DocumentAccess(IEnumerable<IDocumentReadGrant> grants)
{
    public async ValueTask<bool> MayReadAsync(IssuedDocument document, ICallerContext caller, CancellationToken cancellationToken)
    {
        if (IsCourtStaff(caller) || IsAddressee(document, caller))
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

    public static bool MayMarkExecuted(IssuedDocument document, ICallerContext caller) => IsCourtStaff(caller) || IsAddressee(document, caller);

    public static bool MayRevoke(ICallerContext caller) => caller.IsInRole(Roles.Judge) || caller.IsInRole(Roles.System);

    private static bool IsCourtStaff(ICallerContext caller) =>
        caller.IsInRole(Roles.Clerk) || caller.IsInRole(Roles.Judge) || caller.IsInRole(Roles.SystemAdministrator) || caller.IsInRole(Roles.System);

    private static bool IsAddressee(IssuedDocument document, ICallerContext caller) =>
        caller.IsInRole(Roles.AgencyOfficer) && caller.Agency is { } agency && string.Equals(agency, document.Content.AddresseeAgency, StringComparison.Ordinal);
}
