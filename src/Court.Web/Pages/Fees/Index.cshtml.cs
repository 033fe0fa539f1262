using System.Globalization;
using Court.Application.Common;
using Court.Application.Fees.Quoting;
using Court.Application.Fees.Schedules;
using Court.Application.Projections;
using Court.Application.SmallClaims.Docket;
using Court.Application.SmallClaims.Proceeding;
using Court.Domain.Common;
using Court.Web.Infrastructure;
using Court.Web.Ui;
using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Court.Web.Pages.Fees;

/// <summary>The clerk's fee page: a quote calculator, the schedules in force and their history, unpaid fee notices and refunds due.</summary>
[Authorize(Roles = $"{Roles.Clerk},{Roles.Judge},{Roles.CourtPresident},{Roles.SystemAdministrator}")]
public sealed class IndexModel(ISender sender) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string Kind { get; set; } = "property";

    [BindProperty(SupportsGet = true)]
    public string? Amount { get; set; }

    [BindProperty(SupportsGet = true)]
    public string Procedure { get; set; } = "ordinary";

    [BindProperty(SupportsGet = true)]
    public string? FiledOn { get; set; }

    public FeeQuote? Quote { get; private set; }

    public FeeScheduleList? Schedules { get; private set; }

    /// <summary>Where the page of outstanding notices starts (the <c>next</c> of the page before).</summary>
    [BindProperty(SupportsGet = true)]
    public string? NoticesAfter { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? RefundsAfter { get; set; }

    public Page<FeeNoticeItem>? Notices { get; private set; }

    public Page<RefundItem>? Refunds { get; private set; }

    /// <summary>Why a list could not be read as asked (a bad cursor), in the reader's language.</summary>
    public IReadOnlyList<string> ListErrors { get; private set; } = [];

    /// <summary>The notice whose payment form failed, so its row shows the errors and keeps what was typed.</summary>
    public string? PaymentNoticeId { get; private set; }

    public string? PaymentPaidOn { get; private set; }

    public string? PaymentReceipt { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        if (!string.IsNullOrWhiteSpace(Amount))
        {
            try
            {
                Quote = await sender.Send(new QuoteFee(Kind, Amount.Trim(), Procedure, string.IsNullOrWhiteSpace(FiledOn) ? null : FiledOn, null), cancellationToken);
            }
            catch (ValidationException validation)
            {
                validation.AddTo(ModelState);
            }
            catch (DomainException domain)
            {
                ModelState.AddModelError("", Localized.Of(domain.Error));
            }
        }

        Schedules = await sender.Send(new ListFeeSchedules(), cancellationToken);
        if (User.IsInRole(Roles.Clerk) || User.IsInRole(Roles.CourtPresident))
        {
            try
            {
                Notices = await sender.Send(new ListOutstandingFeeNotices(new PageParameters(After: NoticesAfter)), cancellationToken);
                Refunds = await sender.Send(new ListRefundsDue(new PageParameters(After: RefundsAfter)), cancellationToken);
            }
            catch (ValidationException validation)
            {
                ListErrors = [.. validation.Errors.Select(e => e.ErrorMessage)];
            }
        }
    }

    public async Task<IActionResult> OnPostPaymentAsync(string caseId, string noticeId, string? paidOn, string? receiptNumber, CancellationToken cancellationToken)
    {
        DateOnly? on = null;
        if (!string.IsNullOrWhiteSpace(paidOn))
        {
            on = DateOnly.TryParseExact(paidOn.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed) ? parsed : null;
            if (on is null)
            {
                ModelState.AddModelError("paidOn", CourtCulture.IsChinese ? "请按 年-月-日 填写交费日期。" : "Enter the payment date as yyyy-mm-dd.");
            }
        }

        if (ModelState.IsValid)
        {
            try
            {
                await sender.Send(new RecordSmallClaimsFeePayment(caseId, noticeId, on, receiptNumber), cancellationToken);
                return RedirectToPage();
            }
            catch (ValidationException validation)
            {
                validation.AddTo(ModelState);
            }
            catch (DomainException domain)
            {
                ModelState.AddModelError("paidOn", Localized.Of(domain.Error));
            }
        }

        (PaymentNoticeId, PaymentPaidOn, PaymentReceipt) = (noticeId, paidOn, receiptNumber);
        await OnGetAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostRefundAsync(string caseId, string refundId, CancellationToken cancellationToken)
    {
        await sender.Send(new RecordSmallClaimsRefundPaid(caseId, refundId), cancellationToken);
        return RedirectToPage();
    }
}
