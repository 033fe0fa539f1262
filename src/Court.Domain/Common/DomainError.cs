namespace Court.Domain.Common;

/// <summary>How a rejected command maps to an HTTP status: the domain names the kind, the host picks the code.</summary>
public enum ErrorKind
{
    Validation,
    NotFound,
    Conflict,
    Forbidden,
    Unprocessable,
}

/// <summary>A rule the command broke, as a value. <paramref name="Code"/> is stable for clients; the message is for people.</summary>
public sealed record DomainError(string Code, string Message, ErrorKind Kind = ErrorKind.Unprocessable)
{
    /// <summary>The input field the rule concerns, as the API names it (<c>holdingAgency</c>), when it concerns one.</summary>
    public string? Field { get; init; }

    /// <summary>
    /// The message in Chinese when the rule words it in both languages (<see cref="Message"/> is then the English);
    /// the host shows the one the caller reads (zh-CN by default).
    /// </summary>
    public string? MessageZh { get; init; }

    public static DomainError Invalid(string code, string message) => new(code, message, ErrorKind.Validation);

    /// <summary>A bad input worded in both languages: <paramref name="zh"/> for zh-CN callers, <paramref name="en"/> for English ones and logs.</summary>
    public static DomainError Invalid(string code, string zh, string en) => new(code, en, ErrorKind.Validation) { MessageZh = zh };

    /// <summary>The message for a reader of <paramref name="culture"/>: English for English readers or when the rule has no Chinese text.</summary>
    public string MessageIn(System.Globalization.CultureInfo culture) =>
        MessageZh is null || Language.IsEnglish(culture) ? Message : MessageZh;

    /// <summary>Puts <paramref name="zh"/> and <paramref name="en"/> before both wordings (a caller adding its context to a parser's error).</summary>
    public DomainError Prefixed(string zh, string en) => this with { Message = $"{en} {Message}", MessageZh = MessageZh is null ? null : zh + MessageZh };

    public static DomainError NotFound(string code, string message) => new(code, message, ErrorKind.NotFound);

    /// <summary>A missing thing worded in both languages (see <see cref="Invalid(string, string, string)"/>).</summary>
    public static DomainError NotFound(string code, string zh, string en) => new(code, en, ErrorKind.NotFound) { MessageZh = zh };

    public static DomainError Conflict(string code, string message) => new(code, message, ErrorKind.Conflict);

    /// <summary>A broken rule worded in both languages (see <see cref="Invalid(string, string, string)"/>).</summary>
    public static DomainError Conflict(string code, string zh, string en) => new(code, en, ErrorKind.Conflict) { MessageZh = zh };
}

/// <summary>Raised at the application edge when a decision returned an error; carries the value unchanged.</summary>
public sealed class DomainException(DomainError error) : Exception(error.Message)
{
    public DomainError Error { get; } = error;
}
