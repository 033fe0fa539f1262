using System.Text;
using Court.Application.Common;
using Court.Application.Projections;
using Court.Application.Service;
using Court.Domain.Common;
using Court.Web.Infrastructure;
using Court.Web.Pages.Fees;
using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Court.Web.Pages.Carrier;

/// <summary>The carrier's page: waybills issued and not yet accepted (a page at a time), and the upload of its daily event file with the per-row report.</summary>
[Authorize(Roles = $"{Roles.CarrierOperator},{Roles.Clerk}")]
public sealed class IndexModel(ISender sender) : PageModel
{
    /// <summary>A daily file is small; a bigger one is split by the carrier.</summary>
    public const long MaxFileBytes = 4 * 1024 * 1024;

    public IReadOnlyList<DispatchEntry> Dispatch { get; private set; } = [];

    public string? Next { get; private set; }

    public CarrierBatchReport? Report { get; private set; }

    /// <summary>What earlier files had refused, newest first (one page).</summary>
    public IReadOnlyList<CarrierRefusalView> Refusals { get; private set; } = [];

    public async Task OnGetAsync(string? after, CancellationToken cancellationToken) => await LoadAsync(after, cancellationToken);

    public async Task<IActionResult> OnPostUploadAsync(IFormFile? file, CancellationToken cancellationToken)
    {
        if (file is null || file.Length == 0)
        {
            ModelState.AddModelError("file", Language.Say("请选择要上传的 CSV 文件。", "Choose the CSV file to upload."));
        }
        else if (file.Length > MaxFileBytes)
        {
            ModelState.AddModelError("file", Language.Say("文件超过 4 MB，请拆分后上传。", "The file is over 4 MB: split it."));
        }
        else
        {
            using var reader = new StreamReader(file.OpenReadStream(), Encoding.UTF8);
            var csv = (await reader.ReadToEndAsync(cancellationToken)).TrimStart('\uFEFF');
            try
            {
                Report = await sender.Send(new ImportCarrierBatch(null, csv), cancellationToken);
            }
            catch (ValidationException validation)
            {
                validation.AddTo(ModelState);
            }
            catch (DomainException domain)
            {
                ModelState.AddModelError("file", Localized.Of(domain.Error));
            }
        }

        await LoadAsync(null, cancellationToken);
        return Page();
    }

    private async Task LoadAsync(string? after, CancellationToken cancellationToken)
    {
        var page = await sender.Send(new GetDispatchList(new PageParameters(After: after)), cancellationToken);
        (Dispatch, Next) = (page.Items, page.Next);
        Refusals = (await sender.Send(new GetCarrierRefusals(), cancellationToken)).Items;
    }
}
