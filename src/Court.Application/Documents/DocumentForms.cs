using Court.Domain.Documents;

namespace Court.Application.Documents;

/// <summary>
/// The paper form a kind of document takes (decision 0092). A notice to an agency (协助执行通知书) is a one-page form:
/// it is laid out compactly so that a long case still fits one A4 sheet, and it ends with a return slip (回执) that the
/// agency cuts off, fills in, seals and sends back (decision 0094).
/// </summary>
public static class DocumentForms
{
    public static bool IsOnePageNotice(DocumentKind kind) => kind is DocumentKind.AssistedEnforcementNotice or DocumentKind.TransferNotice;

    /// <summary>
    /// The return slip of a one-page notice, or null for other documents. Its printed facts come from the document (its
    /// number and issuing court); the rest are blanks for the agency. The PDF and HTML renderers both draw it
    /// from here, so the two forms say the same.
    /// </summary>
    public static ReturnSlip? ReturnSlipOf(IssuedDocument document) => IsOnePageNotice(document.Kind)
        ? new ReturnSlip(
            "回执",
            $"请协助执行单位签收、填写办理结果并加盖公章后，沿虚线剪下退回{document.Court.NameZh}",
            [
                new ReturnSlipRow([new("文书编号", document.Number), new("签收日期", "　　　　年　　月　　日")]),
                new ReturnSlipRow([new("办理结果", "□ 已按本通知协助执行　　□ 未能执行，原因：")]),
                new ReturnSlipRow([new("签收人", null), new("单位盖章", null)], Lines: 2),
            ])
        : null;
}

/// <summary>A return slip (回执): a title, the instruction printed on its cut line, and rows of labelled cells.</summary>
public sealed record ReturnSlip(string Title, string Instruction, IReadOnlyList<ReturnSlipRow> Rows);

/// <summary>One row of a return slip: one or two cells, and how many lines high it is (room to write, or to seal).</summary>
public sealed record ReturnSlipRow(IReadOnlyList<ReturnSlipCell> Cells, int Lines = 1);

/// <summary>A labelled cell: printed when <see cref="Value"/> is given, a blank for the agency otherwise.</summary>
public sealed record ReturnSlipCell(string Label, string? Value);
