using Court.Application.Common;
using Court.Application.EventStore;
using Court.Application.GovernmentDebtors;
using Court.Application.Pipeline;
using Court.Application.Workflows;
using Court.Domain.Common;
using Court.Domain.GovernmentDebtors;
using Court.Web.Endpoints;
using Court.Web.Infrastructure;
using Court.Web.Pages.Fees;
using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Court.Web.Pages.GovernmentDebtors;

/// <summary>
/// One case: what is owed today, what is due (reports, meetings, the day to perform by), the payment record, the
/// documents issued, the listing; and a form for each step the case's pinned definition lets this caller take in
/// its current state (the debtor unit's monthly report among them).
/// </summary>
[Authorize(Roles = $"{Roles.Clerk},{Roles.Judge},{Roles.CourtPresident},{Roles.SupervisionOfficer},{Roles.DebtorUnitOfficer}")]
public sealed class CaseModel(ISender sender, WorkflowRuntime workflows) : PageModel
{
    public GovernmentDebtCaseDetail Case { get; private set; } = null!;

    /// <summary>The steps offered now, in the definition's order, with the form each takes.</summary>
    public IReadOnlyList<(WorkflowAction Action, GovernmentDebtStep Step)> Steps { get; private set; } = [];

    /// <summary>The stream version the steps were read at: the forms send it as If-Match, so a step taken on a stale page is refused.</summary>
    public long StreamVersion { get; private set; }

    /// <summary>The step whose form was posted and refused (its form shows the errors and keeps what was typed).</summary>
    public string? Posted { get; private set; }

    /// <summary>The step just taken (after the redirect), for the confirmation.</summary>
    public string? Done { get; private set; }

    public async Task<IActionResult> OnGetAsync(string id, string? done, CancellationToken cancellationToken)
    {
        Done = GovernmentDebtSteps.Find(done)?.Trigger;
        return await LoadAsync(id, cancellationToken) ? Page() : NotFound();
    }

    public async Task<IActionResult> OnPostStepAsync(string id, string? trigger, long? ifMatch, GovernmentDebtEndpoints.StepBody body, CancellationToken cancellationToken)
    {
        if (GovernmentDebtSteps.Find(trigger) is not { } step)
        {
            return NotFound();
        }

        Posted = step.Trigger;
        if (ModelState.IsValid)
        {
            try
            {
                // A "one per line" field arrives as one text; the command takes the lines.
                var lines = body.CopiedTo?.SelectMany(v => v.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).ToList();
                await sender.Send(step.Create(id, body with { CopiedTo = lines }, ifMatch), cancellationToken);
                return RedirectToPage(new { id, done = step.Trigger });
            }
            catch (ValidationException validation)
            {
                validation.AddTo(ModelState);
            }
            catch (DomainException domain)
            {
                // A rule about one field is shown beside it (ModelState keys ignore case: amount is the form's Amount).
                ModelState.AddModelError(domain.Error.Field ?? string.Empty, Localized.Of(domain.Error));
            }
            catch (WorkflowTriggerNotPermittedException refused)
            {
                ModelState.AddModelError(string.Empty, Localized.Say($"本案当前阶段（{refused.StateTitle.Zh}）不能办理此事项。", $"This step cannot be taken in the case's current state ({refused.StateTitle.En})."));
            }
            catch (WrongExpectedVersionException)
            {
                ModelState.AddModelError(string.Empty, Localized.Say("此案已被他人办理，请查看最新情况后再试。", "Someone else acted on this case first. Look at it again and retry."));
            }
            catch (ForbiddenException)
            {
                return Forbid();
            }
        }

        return await LoadAsync(id, cancellationToken) ? Page() : NotFound();
    }

    /// <summary>The refusals of the posted step that concern one of its fields, shown beside that field.</summary>
    public IEnumerable<string> ErrorsOf(GovernmentDebtStep step, StepField field) =>
        Posted == step.Trigger && ModelState.TryGetValue(field.Name, out var entry) ? entry.Errors.Select(e => e.ErrorMessage) : [];

    /// <summary>The refusals of the posted step that concern no field of its form, shown above it.</summary>
    public IEnumerable<string> OtherErrorsOf(GovernmentDebtStep step) =>
        Posted != step.Trigger ? [] : ModelState
            .Where(e => !step.Fields.Any(f => string.Equals(f.Name, e.Key, StringComparison.OrdinalIgnoreCase)))
            .SelectMany(e => (e.Value?.Errors ?? []).AsEnumerable().Select(x => x.ErrorMessage));

    /// <summary>What the form shows in a field: what was typed when its post was refused, else the field's proposal for this case.</summary>
    public string? ValueOf(GovernmentDebtStep step, StepField field) =>
        Posted == step.Trigger ? Request.Form[field.Name].ToString() : field.Default?.Invoke(Case);

    private async Task<bool> LoadAsync(string id, CancellationToken cancellationToken)
    {
        try
        {
            // Read first: it decides whether the caller may see the case at all (a unit only its own).
            Case = await sender.Send(new GetGovernmentDebtCase(id), cancellationToken);
        }
        catch (Exception e) when (e is ResourceNotFoundException or DomainException)
        {
            return false;
        }

        // The states, transitions and roles are the pinned definition's: the runtime answers what this caller may fire now.
        var actions = await workflows.GetActionsAsync(GovernmentDebtCase.StreamPrefix + id, cancellationToken);
        StreamVersion = actions?.StreamVersion ?? Case.Version;
        Steps = [.. (actions?.Actions ?? [])
            .Select(a => (Action: a, Step: GovernmentDebtSteps.Find(a.Trigger)))
            .Where(s => s.Step is not null)
            .Select(s => (s.Action, s.Step!))];
        return true;
    }
}
