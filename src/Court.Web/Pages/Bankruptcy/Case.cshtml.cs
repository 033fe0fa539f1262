using Court.Application.Bankruptcy;
using Court.Application.Bankruptcy.Cases;
using Court.Application.Bankruptcy.ReadModels;
using Court.Application.Bankruptcy.Releasing;
using Court.Application.Common;
using Court.Application.Projections;
using Court.Application.Workflows;
using Court.Domain.Bankruptcy;
using Court.Domain.Identifiers;
using Court.Web.Infrastructure;
using Court.Web.Ui;
using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Court.Web.Pages.Bankruptcy;

/// <summary>One case: its assets with their state and what blocks each, its release requests, the forms to list assets and file requests, and its history.</summary>
[Authorize(Roles = $"{Roles.Clerk},{Roles.Judge},{Roles.Administrator}")]
public sealed class CaseModel(ISender sender, IReadModels reads, WorkflowRuntime workflows, WorkflowCatalog catalog, BankruptcyPermissions permissions, IStringLocalizer<BankruptcyText> text) : BankruptcyPageModel
{
    public sealed class AssetInput
    {
        public AssetKind? Kind { get; set; } = AssetKind.Building;

        public string? Description { get; set; }

        public string? HoldingAgency { get; set; }

        public string? EstimatedValueYuan { get; set; }

        public string? CertificateNumber { get; set; }

        public string? UnitCode { get; set; }

        public string? Location { get; set; }

        public decimal? AreaSquareMetres { get; set; }

        public string? Use { get; set; }

        public string? Plate { get; set; }

        public string? Vin { get; set; }

        public string? Bank { get; set; }

        public string? AccountNumber { get; set; }

        public string? Company { get; set; }

        public string? CompanyCreditCode { get; set; }

        public decimal? SharePercent { get; set; }
    }

    public sealed class RequestInput
    {
        /// <summary>"assetId/seizureId" of each seizure to release; all must be on one asset.</summary>
        public List<string> Seizures { get; set; } = [];

        public string? Reasons { get; set; }
    }

    public CaseView Case { get; private set; } = null!;

    public IReadOnlyList<ReleaseRequestView> Requests { get; private set; } = [];

    public CaseTimeline Timeline { get; private set; } = null!;

    public WorkflowDiagram? Diagram { get; private set; }

    /// <summary>The caller may list assets and file release requests on this case (those commands' own rules).</summary>
    public bool MayEdit { get; private set; }

    [BindProperty]
    public AssetInput Asset { get; set; } = new();

    [BindProperty]
    public RequestInput Release { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(string id, CancellationToken ct)
    {
        Release.Reasons = text["The court has accepted the bankruptcy application: under article 19 of the Enterprise Bankruptcy Law, preservation measures on the debtor's property are to be lifted."];
        return await TryAsync(() => LoadAsync(id, ct)) ? Page() : NotFound();
    }

    public Task<IActionResult> OnPostAssetAsync(string id, CancellationToken ct)
    {
        var a = Asset;
        return RunAsync(
            async () =>
            {
                var value = Money.ParseYuan(a.EstimatedValueYuan, "estimated value");
                if (value.Error is { } error)
                {
                    throw new FluentValidation.ValidationException([new FluentValidation.Results.ValidationFailure(nameof(AssetInput.EstimatedValueYuan), Localized.Of(error))]);
                }

                await sender.Send(new RegisterAsset(a.Kind, a.Description, a.HoldingAgency, value.Value.Fen, a.CertificateNumber, a.UnitCode, a.Location, a.AreaSquareMetres, a.Use, a.Plate, a.Vin, a.Bank, a.AccountNumber, a.Company, a.CompanyCreditCode, a.SharePercent) { EstateId = id }, ct);
            },
            () => RedirectToPage(new { id }),
            () => ReloadAsync(id, ct),
            "Asset.");
    }

    public Task<IActionResult> OnPostReleaseAsync(string id, CancellationToken ct)
    {
        var chosen = Release.Seizures.Select(s => s.Split('/')).Where(p => p.Length == 2).ToList();
        var assets = chosen.Select(p => p[0]).Distinct().ToList();
        if (assets.Count != 1)
        {
            ModelState.AddModelError("Release.Seizures", "Choose the seizures of one asset.");
            return ReloadAsync(id, ct);
        }

        string? requestId = null;
        return RunAsync(
            async () => requestId = (await sender.Send(new RequestRelease(assets[0], [.. chosen.Select(p => p[1])], Release.Reasons) { EstateId = id }, ct)).Id,
            () => RedirectToPage("Request", new { id = requestId }),
            () => ReloadAsync(id, ct),
            "Release.");
    }

    private async Task<IActionResult> ReloadAsync(string id, CancellationToken ct) => await TryAsync(() => LoadAsync(id, ct)) ? Page() : NotFound();

    private async Task LoadAsync(string id, CancellationToken ct)
    {
        Case = await sender.Send(new GetBankruptcyCase(id), ct);
        MayEdit = await permissions.MayAsync(new RegisterAsset(null, null, null, null) { EstateId = id }, ct)
            && await permissions.MayAsync(new RequestRelease(null, null, null) { EstateId = id }, ct);
        Timeline = await sender.Send(new GetCaseTimeline(id), ct);
        Requests = [.. (await reads.ListAsync<ReleaseRequestView>(id, ct)).OrderByDescending(r => r.RequestedAt)];
        if (Requests.Count > 0 && Requests[0] is { } latest && await workflows.LoadAsync(BankruptcyWorkflows.ReleaseStream(latest.Id), ct) is { } snapshot)
        {
            Diagram = BankruptcyUi.Diagram(snapshot);
        }
        else if (catalog.Latest(BankruptcyWorkflows.Release) is { } definition)
        {
            Diagram = BankruptcyUi.Diagram(definition);
        }
    }
}
