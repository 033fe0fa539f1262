using System.Globalization;
using Court.Application.Bankruptcy;
using Court.Application.Bankruptcy.ReadModels;
using Court.Application.EventStore;
using Court.Application.Pipeline;
using Court.Application.Workflows;
using Court.Domain.Bankruptcy;
using Court.Domain.Common;
using Court.Domain.Identifiers;
using Court.Web.Infrastructure;
using Court.Web.Ui;
using FluentValidation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Court.Web.Pages.Bankruptcy;

/// <summary>The resource for every bankruptcy page's strings: Resources/Pages/Bankruptcy/BankruptcyText.zh-Hans.resx (keys are the English text).</summary>
public sealed class BankruptcyText;

/// <summary>Formatting shared by the bankruptcy pages.</summary>
public static class BankruptcyUi
{
    public static string Yuan(long fen) => "¥" + Money.Format(fen);

    public static string Date(DateOnly date) =>
        CourtCulture.IsChinese ? date.ToString("yyyy年M月d日", CultureInfo.InvariantCulture) : date.ToString("d MMMM yyyy", CultureInfo.GetCultureInfo("en"));

    public static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string Agency(string code) => CourtCulture.AgencyName(code) ?? code;

    /// <summary>A deadline's last day: due instants are 24:00 China time of that day.</summary>
    public static string DocumentLink(string number) => "/documents/" + Uri.EscapeDataString(number);

    /// <summary>A definition's title in the UI language.</summary>
    public static string Text(LocalizedText text) => CourtCulture.IsChinese ? text.Zh : text.En;

    /// <summary>
    /// What a page shows for a workflow state: its title in the definition version the instance is pinned to
    /// (<paramref name="version"/>, 0 when a view does not know it), in the UI language; the raw name only when no
    /// loaded definition has the state.
    /// </summary>
    public static string State(WorkflowCatalog catalog, string workflowId, int version, string? state) =>
        state is null ? "" : catalog.StateTitle(workflowId, version == 0 ? null : version, state) is { } title ? Text(title) : state;

    /// <summary>
    /// What a page shows for an asset's state: the title of the workflow state that names it, in the version its
    /// instance is pinned to; <c>Seized</c> and <c>Free</c> (no process holds the asset) from the page's resources.
    /// </summary>
    public static string AssetState(WorkflowCatalog catalog, AssetView asset, IStringLocalizer localizer) => asset.StateSource switch
    {
        StandingSource.Release => State(catalog, BankruptcyWorkflows.Release, asset.ReleaseWorkflowVersion, asset.State),
        StandingSource.Disposal => State(catalog, BankruptcyWorkflows.Disposal, asset.Disposal?.WorkflowVersion ?? 0, asset.State),
        _ => localizer[asset.State],
    };

    /// <summary>The diagram of <paramref name="definition"/> for people: states and transitions by their titles in the UI language.</summary>
    public static WorkflowDiagram Diagram(WorkflowDefinition definition) => new(WorkflowMachine.Mermaid(definition, english: !CourtCulture.IsChinese));

    public static WorkflowDiagram Diagram(WorkflowSnapshot snapshot) =>
        new(WorkflowMachine.Mermaid(snapshot.Definition, snapshot.Instance.State, english: !CourtCulture.IsChinese), snapshot.Instance.State, Text(snapshot.CurrentState.Title));
}

/// <summary>Runs a command from a form: field errors beside the inputs, rule violations above the form, 403/404 as such.</summary>
public abstract class BankruptcyPageModel : PageModel
{
    protected async Task<IActionResult> RunAsync(Func<Task> send, Func<IActionResult> done, Func<Task<IActionResult>> again, string prefix = "")
    {
        try
        {
            await send();
            return done();
        }
        catch (ValidationException validation)
        {
            foreach (var error in validation.Errors)
            {
                ModelState.AddModelError(error.PropertyName.Length == 0 ? "" : prefix + error.PropertyName, error.ErrorMessage);
            }
        }
        catch (DomainException domain) when (domain.Error.Kind != ErrorKind.NotFound)
        {
            ModelState.AddModelError("", Localized.Of(domain.Error));
        }
        catch (WrongExpectedVersionException)
        {
            ModelState.AddModelError("", "Someone else changed this record first. Reload it and try again.");
        }
        catch (WorkflowTriggerNotPermittedException refused)
        {
            ModelState.AddModelError("", refused.Message);
        }
        catch (ForbiddenException)
        {
            return Forbid();
        }
        catch (ResourceNotFoundException)
        {
            return NotFound();
        }
        catch (DomainException)
        {
            return NotFound();
        }

        return await again();
    }

    /// <summary>Loads the page's data; a resource the caller may not see is a 404 page.</summary>
    protected static async Task<bool> TryAsync(Func<Task> load)
    {
        try
        {
            await load();
            return true;
        }
        catch (ResourceNotFoundException)
        {
            return false;
        }
        catch (DomainException domain) when (domain.Error.Kind == ErrorKind.NotFound)
        {
            return false;
        }
    }
}
