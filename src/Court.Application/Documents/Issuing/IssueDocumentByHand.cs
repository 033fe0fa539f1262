using Court.Application.Common;
using Court.Application.Pipeline;
using Court.Domain.Common;
using Court.Domain.Documents;
using Court.Domain.Identifiers;
using FluentValidation;
using Mediator;

namespace Court.Application.Documents.Issuing;

/// <summary>
/// A clerk or judge issues a document directly (a letter no workflow produces). Slices issue theirs through
/// <see cref="DocumentIssuer"/> inside their own handlers instead.
/// </summary>
public sealed record IssueDocumentByHand(DocumentKind Kind, string CourtCode, string SourceStreamId, DocumentContent Content, Guid? DocumentId = null) : ICommand<IssuedDocument>;

public sealed class IssueDocumentByHandValidator : AbstractValidator<IssueDocumentByHand>
{
    public IssueDocumentByHandValidator()
    {
        RuleFor(c => c.Kind).IsInEnum();
        RuleFor(c => c.CourtCode).NotEmpty().Must(code => IssuingCourts.Find(code) is not null).WithMessage("Unknown court code.");
        RuleFor(c => c.SourceStreamId).NotEmpty().MaximumLength(200);
        RuleFor(c => c.Content).NotNull();
        RuleFor(c => c.Content.Title).NotEmpty().MaximumLength(DocumentSeries.MaxTitle).When(c => c.Content is not null);

        // The case number is checked like every other case number (type, court, year); that it is of the issuing court
        // is the handler's check, as it needs both fields.
        RuleFor(c => c.Content).Custom((content, context) =>
        {
            if (content is not null && CaseNumber.Parse(content.CaseNumber).Error is { } error)
            {
                context.AddFailure(new FluentValidation.Results.ValidationFailure("content.caseNumber", error.MessageIn(System.Globalization.CultureInfo.CurrentUICulture)) { ErrorCode = error.Code });
            }
        });
        RuleFor(c => c.Content.Addressee).NotEmpty().MaximumLength(200).When(c => c.Content is not null);
        RuleFor(c => c.Content.Sections).NotEmpty().When(c => c.Content is not null);
        RuleFor(c => c.Content).Custom((content, context) =>
        {
            if (content?.Sections is null)
            {
                return;
            }

            for (var s = 0; s < content.Sections.Count; s++)
            {
                var fields = content.Sections[s]?.Fields ?? [];
                for (var f = 0; f < fields.Count; f++)
                {
                    if (fields[f] is { } field && DocumentFieldIdentifiers.Check(field) is { } error)
                    {
                        context.AddFailure(new FluentValidation.Results.ValidationFailure(
                            $"content.sections[{s}].fields[{f}].value", error.MessageIn(System.Globalization.CultureInfo.CurrentUICulture))
                        { ErrorCode = error.Code });
                    }
                }
            }
        });
    }
}

/// <summary>
/// The identifiers a hand-issued document may state as a labelled fact, recognised by their label, and the parser that
/// checks each, so a letter cannot print a credit code or ID number the rest of the system would refuse.
/// </summary>
public static class DocumentFieldIdentifiers
{
    private static readonly IReadOnlyDictionary<string, Func<string?, DomainError?>> ByLabel = new Dictionary<string, Func<string?, DomainError?>>(StringComparer.Ordinal)
    {
        ["统一社会信用代码"] = v => CreditCode.Parse(v).Error,
        ["公民身份号码"] = v => ResidentIdNumber.Parse(v).Error,
        ["居民身份号码"] = v => ResidentIdNumber.Parse(v).Error,
        ["身份证号码"] = v => ResidentIdNumber.Parse(v).Error,
        ["证件号码"] = v => PartyIdNumber.Parse(v).Error,
        ["律师执业证号"] = v => LawyerLicenceNumber.Parse(v).Error,
        ["执业证号"] = v => LawyerLicenceNumber.Parse(v).Error,
        ["案号"] = v => CaseNumber.Parse(v).Error,
    };

    /// <summary>The error when <paramref name="field"/> is an identifier its label names and its value is not a valid one; null otherwise.</summary>
    public static DomainError? Check(DocumentField field) =>
        field.Label is { } label && ByLabel.TryGetValue(label.Trim().TrimEnd('：', ':'), out var check) ? check(field.Value) : null;
}

public sealed class IssueDocumentByHandRule : IAuthorizationRule<IssueDocumentByHand>
{
    public ValueTask<AuthorizationOutcome> EvaluateAsync(IssueDocumentByHand message, ICallerContext caller, CancellationToken cancellationToken) =>
        ValueTask.FromResult(Access.RolesOnly(caller, Roles.Clerk, Roles.Judge));
}

public sealed class IssueDocumentByHandHandler(DocumentIssuer documents, ICallerContext caller) : ICommandHandler<IssueDocumentByHand, IssuedDocument>
{
    public async ValueTask<IssuedDocument> Handle(IssueDocumentByHand command, CancellationToken cancellationToken)
    {
        // A clerk signs for his own court only: the public verification would otherwise call a forgery genuine.
        CourtBinding.Require(caller, command.CourtCode, "courtCode");
        var caseNumber = CaseNumber.Parse(command.Content.CaseNumber).Value;
        if (!string.Equals(caseNumber.Court.Code, command.CourtCode, StringComparison.Ordinal))
        {
            throw new DomainException(DomainError.Invalid(
                "document.case-of-another-court",
                $"“content.caseNumber”：{caseNumber.Printed} 是 {caseNumber.Court.NameZh} 的案件，不能以 {command.CourtCode} 的名义出具文书。",
                $"'content.caseNumber': {caseNumber.Value} is a case of {caseNumber.Court.NameEn}; a document in it cannot be issued in the name of {command.CourtCode}.") with
            { Field = "content.caseNumber" });
        }

        // Stored in the canonical form like every other case number, so lookups by case find it.
        var content = command.Content with { CaseNumber = caseNumber.Value };
        return await documents.IssueAsync(new DocumentToIssue(command.Kind, command.CourtCode, command.SourceStreamId, content, command.DocumentId), cancellationToken);
    }
}
