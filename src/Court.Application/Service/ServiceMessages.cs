using Court.Application.Documents;
using Court.Domain.Service;

namespace Court.Application.Service;

/// <summary>
/// The text of a court SMS or e-mail that serves a document: from the record alone (court, case number, document
/// title and number) and the document's verification code with the public verify page's link, so a recipient who
/// suspects fraud can check the message without trusting it (decision 0077). A document given without its issued
/// number has no code; the text then gives the court's phone to check by instead.
/// </summary>
public static class ServiceMessages
{
    /// <summary>The message <paramref name="channel"/> sends, or null for a channel that sends none (the platform shows the document itself).</summary>
    public static string? Text(ServiceChannel channel, ServiceFileOpened? file, ServedDocument document, string? publicBaseUrl)
    {
        if (channel is not (ServiceChannel.Sms or ServiceChannel.Email) || file is null)
        {
            return null;
        }

        var title = document.Number is { } number ? $"《{document.Title}》（{number}）" : $"《{document.Title}》";
        var check = document is { Number: { } n, VerificationCode: { } code }
            ? $"核验码 {code}，可在 {VerifyLink(publicBaseUrl, n, code)} 核验本{(channel == ServiceChannel.Sms ? "短信" : "邮件")}及文书真伪。"
            : $"如有疑问，请致电本院 {file.CourtPhone} 核实。";
        return $"【{file.CourtName}】本院就 {file.CaseNumber} 案向您送达{title}。{check}";
    }

    /// <summary>The verify page's link with number and code filled in: absolute under <c>Court:PublicBaseUrl</c>, else the court site's path.</summary>
    private static string VerifyLink(string? publicBaseUrl, string number, string code) =>
        Uri.TryCreate(publicBaseUrl, UriKind.Absolute, out var root)
            ? VerificationLinks.For(root, number, code).AbsoluteUri
            : $"/verify?number={Uri.EscapeDataString(number)}&code={Uri.EscapeDataString(code)}";
}
