using System.Globalization;
using Court.Application.Fees.Publishing;
using Court.Application.SmallClaims.Eligibility;
using Court.Application.SmallClaims.Thresholds;
using Court.Domain.Common;
using Court.Domain.Fees;
using Court.Domain.Identifiers;
using Court.Web.Infrastructure;
using Court.Web.Pages.Fees;
using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Court.Web.Pages.Admin;

/// <summary>
/// The system administrator publishes a court's own property-case schedule (typically a lower small-claims one) and
/// confirms small-claims thresholds against the high court's notices. (The /Admin folder is for system administrators only.)
/// </summary>
public sealed class FeeSchedulesModel(ISender sender) : PageModel
{
    public sealed class ScheduleForm
    {
        public string Id { get; set; } = "jiangjin-small-claims";

        public string? EffectiveFrom { get; set; }

        public string TitleZh { get; set; } = "江津区人民法院小额诉讼案件受理费标准";

        public string TitleEn { get; set; } = "Jiangjin District Court small-claims fees";

        public string CourtCode { get; set; } = "渝0116";

        public string Procedure { get; set; } = "small-claims";

        /// <summary>One band per line: "10000 =50" (fixed), "100000 2.5%", "* 0.5%" (no upper end).</summary>
        public string Bands { get; set; } = DefaultBands;

        public string Reduction { get; set; } = "1/2";

        public string? Note { get; set; }
    }

    public static string DefaultBands { get; } = string.Join('\n', NationalFeeSchedule.PropertyBands.Select(b =>
        $"{(b.UpToFen is { } up ? (up / 100).ToString(CultureInfo.InvariantCulture) : "*")} {(b.FixedFen is { } f ? "=" + (f / 100).ToString(CultureInfo.InvariantCulture) : (b.Rate!.Value * 100).ToString("0.###", CultureInfo.InvariantCulture) + "%")}"));

    [BindProperty]
    public ScheduleForm Schedule { get; set; } = new();

    public IReadOnlyList<ThresholdItem> Thresholds { get; private set; } = [];

    public string? Published { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostPublishAsync(CancellationToken cancellationToken)
    {
        var bands = ParseBands(Schedule.Bands);
        var reduction = ParseRatio(Schedule.Reduction);
        var effective = DateOnly.TryParseExact(Schedule.EffectiveFrom, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : (DateOnly?)null;
        if (bands is null)
        {
            ModelState.AddModelError("Schedule.Bands", "每行一个档次，如“100000 2.5%”“10000 =50”“* 0.5%”。 One band per line, e.g. \"100000 2.5%\", \"10000 =50\", \"* 0.5%\".");
        }

        if (reduction is null)
        {
            ModelState.AddModelError("Schedule.Reduction", "写成分数，如 1/4。 Write a fraction, e.g. 1/4.");
        }

        if (effective is null)
        {
            ModelState.AddModelError("Schedule.EffectiveFrom", "请选择生效日期。 Choose the date it takes effect.");
        }

        if (!ModelState.IsValid)
        {
            await LoadAsync(cancellationToken);
            return Page();
        }

        _ = ProcedureCodes.TryParse(Schedule.Procedure, out var procedure);
        var reason = procedure switch
        {
            Procedure.SmallClaims => ReductionReason.SmallClaimsProcedure,
            Procedure.Simple => ReductionReason.SimpleProcedure,
            _ => ReductionReason.Mediation,
        };
        try
        {
            var result = await sender.Send(
                new PublishFeeScheduleVersion(
                    Schedule.Id, effective, Schedule.TitleZh, Schedule.TitleEn, Schedule.CourtCode, procedure,
                    [new FeeScale(FeeKind.Property, FeeCategory.Acceptance, bands!)],
                    procedure == Procedure.Ordinary ? [] : [new FeeReduction(reason, reduction!.Value)],
                    null, Schedule.Note),
                cancellationToken);
            Published = $"{result.Id} v{result.Version}";
        }
        catch (ValidationException validation)
        {
            validation.AddTo(ModelState, "Schedule.");
        }
        catch (DomainException domain)
        {
            ModelState.AddModelError("", Localized.Of(domain.Error));
        }

        await LoadAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostConfirmAsync(string province, string effectiveFrom, string? notice, CancellationToken cancellationToken)
    {
        try
        {
            await sender.Send(new ConfirmSmallClaimsThreshold(province, DateOnly.ParseExact(effectiveFrom, "yyyy-MM-dd", CultureInfo.InvariantCulture), notice), cancellationToken);
            return RedirectToPage();
        }
        catch (ValidationException validation)
        {
            validation.AddTo(ModelState);
        }

        await LoadAsync(cancellationToken);
        return Page();
    }

    private async Task LoadAsync(CancellationToken cancellationToken) => Thresholds = await sender.Send(new ListSmallClaimsThresholds("CQ"), cancellationToken);

    /// <summary>Parses the band lines; null when any line is not "upTo rate%" or "upTo =fixed" (the last upTo may be "*").</summary>
    public static IReadOnlyList<FeeBand>? ParseBands(string? text)
    {
        var bands = new List<FeeBand>();
        foreach (var line in (text ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var parts = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length != 2)
            {
                return null;
            }

            long? upTo = null;
            if (parts[0] != "*")
            {
                if (!Money.TryParseYuan(parts[0], out var fen, out _))
                {
                    return null;
                }

                upTo = fen;
            }

            if (parts[1].StartsWith('=') && Money.TryParseYuan(parts[1][1..], out var fixedFen, out _))
            {
                bands.Add(new FeeBand(upTo, FixedFen: fixedFen));
            }
            else if (parts[1].EndsWith('%') && decimal.TryParse(parts[1][..^1], NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var percent))
            {
                bands.Add(new FeeBand(upTo, Rate: percent / 100m));
            }
            else
            {
                return null;
            }
        }

        return bands.Count == 0 ? null : bands;
    }

    private static Ratio? ParseRatio(string? text) =>
        text?.Split('/') is [var n, var d] && int.TryParse(n, CultureInfo.InvariantCulture, out var num) && int.TryParse(d, CultureInfo.InvariantCulture, out var den) && den > 0 && num >= 0 && num <= den
            ? new Ratio(num, den)
            : null;
}
