using Court.Application.Common;
using Court.Application.Pipeline;
using Court.Application.Service;
using Court.Application.Workflows;
using Court.Domain.Common;
using Court.Web.Infrastructure;
using Court.Web.Pages.Fees;
using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Court.Web.Pages.Service;

/// <summary>
/// A case's service: per party the address confirmation in force and each document's services, the service date and
/// the periods running from it, the certificate; and the forms for the steps the workflow lets this caller take now.
/// Court staff only: a party's lawyer reads his client's side on /Lawyer.
/// </summary>
[Authorize]
public sealed class CaseModel(ISender sender, WorkflowRuntime workflows) : PageModel
{
    public CaseServiceDetail? ServiceFile { get; private set; }

    public string CaseId { get; private set; } = "";

    public IReadOnlySet<string> Actions { get; private set; } = new HashSet<string>();

    public bool MayOpen => User.IsInRole(Roles.Clerk);

    /// <summary>What the period-done form last sent ("{serviceId}|{period}" and the date as typed), kept when it is refused.</summary>
    public string? PeriodChoice { get; private set; }

    public string? DoneOnTyped { get; private set; }

    public static readonly string[] ServeChannels = ["judicial-express", "platform", "sms", "email", "direct", "left-after-refusal", "entrusted", "forwarded", "public-notice"];

    public static readonly string[] DocumentKinds = ["summons", "hearing-summons", "evidence-notice", "fee-notice", "judgment", "ruling", "other"];

    public static readonly string[] EventKinds = ["accepted", "out-for-delivery", "attempt-failed", "contact-attempted", "delivered", "refused", "returned", "reached-system", "bounced"];

    public static readonly string[] Relationships = ["recipient", "legal-representative", "guardian", "organisation-head", "organisation-office", "mail-room", "duty-room", "litigation-agent", "designated-receiver", "cohabiting-family-member", "other"];

    public static readonly string[] ReturnReasons = ["wrong-address", "moved-without-notice", "refused-to-sign", "not-delivered", "addressee-unknown", "addressee-gone", "other"];

    public async Task<IActionResult> OnGetAsync(string id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken) ? Page() : NotFound();

    public Task<IActionResult> OnPostOpenAsync(string id, CancellationToken ct) => Run(id, new OpenServiceFile(id), ct);

    public Task<IActionResult> OnPostServeAsync(string id, string? recipientPartyId, string? channel, string? documentNumber, string? documentTitle, string? documentKind, int? evidenceDays, string? waybill, string? postalAddress, string? phone, CancellationToken ct) =>
        Run(id, new ServeDocuments(id, recipientPartyId, channel, [new DocumentToServe(
            string.IsNullOrWhiteSpace(documentNumber) ? null : documentNumber,
            string.IsNullOrWhiteSpace(documentNumber) ? $"{documentKind}-{Guid.CreateVersion7():N}" : null,
            documentTitle, documentKind, evidenceDays)], waybill, postalAddress, phone), ct);

    public Task<IActionResult> OnPostEventAsync(string id, string? reference, string? kind, DateTimeOffset? occurredAt, string? signerName, string? relationship, string? returnReason, bool? contactReached, CancellationToken ct) =>
        Run(id, new RecordCarrierEvent(id, new CarrierReport($"clerk-{Guid.CreateVersion7():N}", "court-clerk", reference, kind, occurredAt, null, returnReason, signerName, relationship, null, contactReached)), ct);

    public Task<IActionResult> OnPostHandAsync(string id, string? serviceId, string? signerName, string? relationship, DateOnly? servedOn, string? witnesses, string? videoReference, CancellationToken ct) =>
        Run(id, new RecordHandService(id, serviceId, signerName, relationship, servedOn, [.. (witnesses ?? "").Split(['，', ','], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)], videoReference), ct);

    public Task<IActionResult> OnPostPublishAsync(string id, string? serviceId, DateOnly? publishedOn, string? medium, CancellationToken ct) =>
        Run(id, new RecordPublicNotice(id, serviceId, publishedOn, medium), ct);

    public Task<IActionResult> OnPostPeriodDoneAsync(string id, string? choice, string? doneOn, CancellationToken ct)
    {
        (PeriodChoice, DoneOnTyped) = (choice, doneOn);
        var parts = (choice ?? "").Split('|', 2);
        DateOnly? day = DateOnly.TryParseExact(doneOn, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var parsed) ? parsed : null;
        return Run(id, new RecordPeriodDone(id, parts[0], parts.Length > 1 ? parts[1] : null, day), ct);
    }

    private async Task<IActionResult> Run<T>(string id, ICommand<T> command, CancellationToken cancellationToken)
    {
        try
        {
            await sender.Send(command, cancellationToken);
            return RedirectToPage(new { id });
        }
        catch (ValidationException validation)
        {
            validation.AddTo(ModelState);
        }
        catch (DomainException domain)
        {
            ModelState.AddModelError("", Localized.Of(domain.Error));
        }
        catch (WorkflowTriggerNotPermittedException refused)
        {
            ModelState.AddModelError("", refused.Message);
        }
        catch (ForbiddenException)
        {
            return Forbid();
        }

        return await LoadAsync(id, cancellationToken) ? Page() : NotFound();
    }

    private async Task<bool> LoadAsync(string id, CancellationToken cancellationToken)
    {
        CaseId = id;
        try
        {
            ServiceFile = await sender.Send(new GetCaseService(id), cancellationToken);
        }
        catch (ResourceNotFoundException)
        {
            return false;
        }
        catch (DomainException domain) when (domain.Error.Code == "service.file-not-found")
        {
            // No file yet: the clerk may open one (for a small-claims case its number comes from the case).
            return MayOpen;
        }

        Actions = (await workflows.GetActionsAsync(Domain.Service.ServiceFile.StreamPrefix + id, cancellationToken))?.Actions.Select(a => a.Trigger).ToHashSet(StringComparer.Ordinal) ?? [];
        return true;
    }

    public static string Date(DateOnly? day) => day?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) ?? "";
}
