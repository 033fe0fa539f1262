using Court.Domain.Documents;

namespace Court.Application.Documents;

/// <summary>
/// The paper form a kind of document takes (decision 0092). A notice to an agency (协助执行通知书) is a one-page form:
/// it is laid out compactly so that a long case still fits one A4 sheet.
/// </summary>
public static class DocumentForms
{
    public static bool IsOnePageNotice(DocumentKind kind) => kind is DocumentKind.AssistedEnforcementNotice or DocumentKind.TransferNotice;
}
