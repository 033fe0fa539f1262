using Court.Application.Bankruptcy;
using Court.Application.Bankruptcy.Cases;
using Court.Application.Bankruptcy.Disposing;
using Court.Application.Common;
using Court.Application.Workflows;
using Court.Domain.Bankruptcy;
using Court.Domain.Identifiers;
using Court.Web.Infrastructure;
using Court.Web.Ui;
using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Court.Web.Pages.Bankruptcy;

/// <summary>One asset: its seizures (and recording one), what blocks it, and its disposal from auction to transfer.</summary>
[Authorize(Roles = $"{Roles.Clerk},{Roles.Judge},{Roles.Administrator}")]
public sealed class AssetModel(ISender sender, WorkflowRuntime workflows, WorkflowCatalog catalog, BankruptcyPermissions permissions) : BankruptcyPageModel
{
    public AssetDetails Details { get; private set; } = null!;

    public WorkflowDiagram? Diagram { get; private set; }

    public bool MayRecordSeizure { get; private set; }

    public bool Can(string trigger) => Details.DisposalActions.Contains(trigger);

    public async Task<IActionResult> OnGetAsync(string id, CancellationToken ct) => await Reload(id, ct);

    public Task<IActionResult> OnPostSeizureAsync(string id, string? seizingBody, string? seizingBodySuperior, string? documentNumber, DateOnly? seizedOn, SeizureRank? rank, string? registrationReference, CancellationToken ct) =>
        Run(id, () => sender.Send(new RecordSeizure(seizingBody, seizingBodySuperior, documentNumber, seizedOn, rank, registrationReference) { AssetId = id }, ct).AsTask(), ct);

    public Task<IActionResult> OnPostScheduleAsync(string id, DisposalMethod? method, string? platform, DateOnly? scheduledOn, string? reserveYuan, CancellationToken ct) =>
        Run(id, () => sender.Send(new ScheduleDisposal(method, platform, scheduledOn, Fen(reserveYuan, "reservePriceFen")) { AssetId = id }, ct).AsTask(), ct);

    public Task<IActionResult> OnPostUnsoldAsync(string id, string? reason, CancellationToken ct) =>
        Run(id, () => sender.Send(new RecordDisposalUnsold(reason) { AssetId = id }, ct).AsTask(), ct);

    public Task<IActionResult> OnPostSaleAsync(string id, string? buyerName, string? buyerIdNumber, string? priceYuan, DateOnly? soldOn, CancellationToken ct) =>
        Run(id, () => sender.Send(new RecordAssetSold(buyerName, buyerIdNumber, Fen(priceYuan, "priceFen"), soldOn) { AssetId = id }, ct).AsTask(), ct);

    public Task<IActionResult> OnPostConfirmAsync(string id, CancellationToken ct) =>
        Run(id, () => sender.Send(new ConfirmSale { AssetId = id }, ct).AsTask(), ct);

    private static long? Fen(string? yuan, string field) => string.IsNullOrWhiteSpace(yuan) ? null
        : Money.ParseYuan(yuan) is { Error: { } error }
            ? throw new FluentValidation.ValidationException([new FluentValidation.Results.ValidationFailure(field, Localized.Of(error))])
            : Money.ParseYuan(yuan).Value.Fen;

    private Task<IActionResult> Run(string id, Func<Task> send, CancellationToken ct) =>
        RunAsync(send, () => RedirectToPage(new { id }), () => Reload(id, ct));

    private async Task<IActionResult> Reload(string id, CancellationToken ct) => await TryAsync(async () =>
    {
        Details = await sender.Send(new GetAsset(id), ct);
        MayRecordSeizure = await permissions.MayAsync(new RecordSeizure(null, null, null, null, null, null) { AssetId = id }, ct);
        Diagram = await workflows.LoadAsync(BankruptcyWorkflows.DisposalStream(id), ct) is { } snapshot
            ? BankruptcyUi.Diagram(snapshot)
            : catalog.Latest(BankruptcyWorkflows.Disposal) is { } definition ? BankruptcyUi.Diagram(definition) : null;
    }) ? Page() : NotFound();
}
