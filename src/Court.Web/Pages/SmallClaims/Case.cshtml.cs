using Court.Application.Common;
using Court.Application.Pipeline;
using Court.Application.SmallClaims.Docket;
using Court.Application.SmallClaims.Proceeding;
using Court.Application.Workflows;
using Court.Domain.Common;
using Court.Domain.SmallClaims;
using Court.Web.Infrastructure;
using Court.Web.Pages.Fees;
using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Court.Web.Pages.SmallClaims;

/// <summary>
/// One small-claims case: its claim, fee, limit, notices and refunds, its history, the workflow diagram, and a form for
/// each step the workflow lets this caller take now.
/// </summary>
[Authorize(Roles = $"{Roles.Clerk},{Roles.Judge},{Roles.CourtPresident}")]
public sealed class CaseModel(ISender sender, WorkflowRuntime workflows) : PageModel
{
    public SmallClaimsCaseDetail Case { get; private set; } = null!;

    public IReadOnlyList<string> Actions { get; private set; } = [];

    public Ui.WorkflowDiagram? Diagram { get; private set; }

    public string StreamId => SmallClaimsCase.StreamPrefix + Case.Id;

    public async Task<IActionResult> OnGetAsync(string id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken) ? Page() : NotFound();

    public Task<IActionResult> OnPostServiceAsync(string id, string method, CancellationToken ct) => Run(id, new RecordSmallClaimsService(id, method), ct);

    public Task<IActionResult> OnPostHearingAsync(string id, CancellationToken ct) => Run(id, new OpenSmallClaimsHearing(id), ct);

    public Task<IActionResult> OnPostInvestigationAsync(string id, CancellationToken ct) => Run(id, new EndSmallClaimsInvestigation(id), ct);

    public Task<IActionResult> OnPostDecideAsync(string id, string closing, CancellationToken ct) => Run(id, new DecideSmallClaims(id, closing), ct);

    public Task<IActionResult> OnPostConvertAsync(string id, string to, string? reason, CancellationToken ct) => Run(id, new ConvertSmallClaimsProcedure(id, to, reason), ct);

    public Task<IActionResult> OnPostLowerAsync(string id, decimal? newClaim, CancellationToken ct) => Run(id, new LowerSmallClaim(id, newClaim), ct);

    public Task<IActionResult> OnPostExtendAsync(string id, string? reason, CancellationToken ct) => Run(id, new ExtendSmallClaimsLimit(id, reason), ct);

    private async Task<IActionResult> Run(string id, ISmallClaimsCaseCommand command, CancellationToken cancellationToken)
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
        try
        {
            Case = await sender.Send(new GetSmallClaimsCase(id), cancellationToken);
        }
        catch (ResourceNotFoundException)
        {
            return false;
        }
        catch (DomainException domain) when (domain.Error.Kind == ErrorKind.NotFound)
        {
            return false;
        }

        if (await workflows.LoadAsync(StreamId, cancellationToken) is { } snapshot)
        {
            var title = snapshot.CurrentState.Title;
            Diagram = new Ui.WorkflowDiagram(WorkflowMachine.Mermaid(snapshot.Definition, snapshot.Instance.State), snapshot.Instance.State, Ui.CourtCulture.IsChinese ? title.Zh : title.En);
        }

        Actions = (await workflows.GetActionsAsync(StreamId, cancellationToken))?.Actions.Select(a => a.Trigger).Distinct().ToList() ?? [];
        return true;
    }
}
