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

    public static DomainError Invalid(string code, string message) => new(code, message, ErrorKind.Validation);

    public static DomainError NotFound(string code, string message) => new(code, message, ErrorKind.NotFound);

    public static DomainError Conflict(string code, string message) => new(code, message, ErrorKind.Conflict);
}

/// <summary>Raised at the application edge when a decision returned an error; carries the value unchanged.</summary>
public sealed class DomainException(DomainError error) : Exception(error.Message)
{
    public DomainError Error { get; } = error;
}
