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
using Microsoft.Extensions.Localization;

namespace Court.Web.Pages.Service;

/// <summary>
/// A case's service: per party the address confirmation in force and each document's services, the service date and
/// the periods running from it, the certificate; and the forms for the steps the workflow lets this caller take now.
/// Court staff only: a party's lawyer reads his client's side on /Lawyer.
/// </summary>
[Authorize]
public sealed class CaseModel(ISender sender, WorkflowRuntime workflows, IStringLocalizerFactory localizers) : PageModel
{
    /// <summary>The agent form's fields, kept as typed when the registration is refused.</summary>
    public sealed class AgentInput
    {
        public string? PartyId { get; set; }

        public string? Name { get; set; }

        public string? LicenceNumber { get; set; }

        public string? LawFirm { get; set; }

        public string? LawFirmLicence { get; set; }

        public string? UserName { get; set; }
    }

    /// <summary>An end-of-authority form's fields: the agent it is for, and what was typed there.</summary>
    public sealed class EndInput
    {
        public string? AgentId { get; set; }

        public string? EndedOn { get; set; }

        public string? Reason { get; set; }

        public bool Confirmed { get; set; }
    }

    /// <summary>The labels of the agent and end-of-authority forms (this page's resources), by command property.</summary>
    public static readonly IReadOnlyDictionary<string, string> FormLabels = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        [nameof(AppointServiceAgent.PartyId)] = "Party",
        [nameof(AppointServiceAgent.Name)] = "Lawyer's name",
        [nameof(AppointServiceAgent.LicenceNumber)] = "Lawyer licence number (17 digits)",
        [nameof(AppointServiceAgent.LawFirm)] = "Law firm",
        [nameof(AppointServiceAgent.LawFirmLicence)] = "Law firm licence number (optional)",
        [nameof(AppointServiceAgent.UserName)] = "Lawyer's user name in this system (optional)",
        [nameof(EndServiceAgentAuthority.EndedOn)] = "Authority ended on",
        [nameof(EndServiceAgentAuthority.Reason)] = "Reason",
    };

    private IStringLocalizer Text => localizers.Create("Pages.Service.Case", typeof(CaseModel).Assembly.GetName().Name!);

    [BindProperty]
    public AgentInput Agent { get; set; } = new();

    [BindProperty]
    public EndInput End { get; set; } = new();

    /// <summary>What the last step did, shown once after the redirect.</summary>
    [TempData]
    public string? Flash { get; set; }

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

    public Task<IActionResult> OnPostAgentAsync(string id, CancellationToken ct)
    {
        var a = Agent;
        return Run(id, new AppointServiceAgent(id, $"agent-{Guid.CreateVersion7():N}", a.PartyId, a.Name, a.LicenceNumber, a.LawFirm, a.UserName, null, a.LawFirmLicence), ct,
            "Agent.", () => Text["{0} is registered as an agent of {1}.", a.Name?.Trim() ?? "", PartyName(a.PartyId)].Value);
    }

    public async Task<IActionResult> OnPostEndAgentAsync(string id, CancellationToken ct)
    {
        var e = End;
        if (!e.Confirmed)
        {
            ModelState.AddModelError("End.Confirmed", Text["Tick the confirmation to record the end of the authority."].Value);
            return await LoadAsync(id, ct) ? Page() : NotFound();
        }

        DateOnly? day = DateOnly.TryParseExact(e.EndedOn, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var parsed) ? parsed : null;
        return await Run(id, new EndServiceAgentAuthority(id, e.AgentId, day, e.Reason), ct,
            "End.", () => Text["The authority of {0} has ended: the documents naming him are no longer in force.", AgentName(e.AgentId)].Value);
    }

    private string PartyName(string? partyId) => ServiceFile?.Parties.FirstOrDefault(p => p.PartyId == partyId)?.Name ?? "";

    private string AgentName(string? agentId) => ServiceFile?.Parties.SelectMany(p => p.Agents).FirstOrDefault(a => a.AgentId == agentId)?.Name ?? "";

    /// <param name="prefix">The form's field prefix ("Agent."): its refusals show beside its fields, named by its labels.</param>
    /// <param name="done">The flash after success, worded from the file as it is after the step.</param>
    private async Task<IActionResult> Run<T>(string id, ICommand<T> command, CancellationToken cancellationToken, string prefix = "", Func<string>? done = null)
    {
        try
        {
            await sender.Send(command, cancellationToken);
            if (done is not null && await LoadAsync(id, cancellationToken))
            {
                Flash = done();
            }

            return RedirectToPage(new { id });
        }
        catch (ValidationException validation)
        {
            validation.AddTo(ModelState, prefix, prefix.Length == 0 ? null : p => FormLabels.TryGetValue(p, out var label) ? Text[label].Value : null);
        }
        catch (DomainException domain)
        {
            ModelState.AddModelError(prefix.Length > 0 && domain.Error.Field is { } field ? prefix + field : "", Localized.Of(domain.Error));
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
