using Court.Application.Common;
using Court.Application.Fees.Publishing;
using Court.Application.Fees.Quoting;
using Court.Application.Fees.Schedules;
using Court.Application.Projections;
using Court.Application.SmallClaims;
using Court.Application.SmallClaims.Docket;
using Court.Application.SmallClaims.Eligibility;
using Court.Application.SmallClaims.Filing;
using Court.Application.SmallClaims.Proceeding;
using Court.Application.SmallClaims.Thresholds;
using Court.Web.Infrastructure;
using Court.Web.Ui;
using Mediator;

namespace Court.Web.Endpoints;

/// <summary>Fee quotes and schedules, small-claims eligibility and thresholds, small-claims cases, the clerk's fee lists and the judge's docket.</summary>
public static class FeesEndpoints
{
    public static IEndpointRouteBuilder MapFeesEndpoints(this IEndpointRouteBuilder app)
    {
        var fees = app.MapGroup("/api/fees").WithTags("Fees");

        fees.MapGet("/quote", async (string? kind, string? amount, string? procedure, string? filedOn, string? court, string? closing, IMediator mediator, CancellationToken ct) =>
                Results.Ok(await mediator.Send(new QuoteFee(kind, amount, procedure, filedOn, court, closing), ct)))
            .WithName("QuoteFee")
            .WithSummary("What a case would pay, band by band, and by which schedule version")
            .WithDescription("kind: property, divorce, enforcement, preservation, bankruptcy, …; amount in yuan (at most two decimals, 0 to 10^12); procedure: ordinary (default), simple, small-claims; filedOn: yyyy-MM-dd (today by default); closing: none, mediation, withdrawal. Fees are yuan with two decimals, rounded to the fen half up.")
            .Produces<FeeQuote>()
            .ProducesValidationProblem();

        fees.MapGet("/schedules", async (DateOnly? on, IMediator mediator, CancellationToken ct) => Results.Ok(await mediator.Send(new ListFeeSchedules(on), ct)))
            .WithName("ListFeeSchedules")
            .WithSummary("Every fee schedule version, newest first, with the ones in force marked");

        fees.MapPost("/schedules", async (PublishFeeScheduleVersion body, IMediator mediator, CancellationToken ct) =>
            {
                var published = await mediator.Send(body, ct);
                return published.Published
                    ? Results.Created($"/api/fees/schedules/{published.Id}/v{published.Version}", published)
                    : Results.Ok(published);
            })
            .WithName("PublishFeeSchedule")
            .WithSummary("Publish a new schedule version (system administrator); it takes effect on its date, never earlier than today")
            .Produces<PublishedFeeSchedule>(StatusCodes.Status201Created)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);

        fees.MapGet("/notices", async ([AsParameters] PageParameters page, IMediator mediator, CancellationToken ct) => Results.Ok(await mediator.Send(new ListOutstandingFeeNotices(page), ct)))
            .WithName("ListOutstandingFeeNotices")
            .WithSummary("The clerk's unpaid fee notices, paged, earliest deadline first (sort=due) or by issue date (sort=issued)")
            .Produces<Page<FeeNoticeItem>>()
            .ProducesValidationProblem();

        fees.MapGet("/refunds", async ([AsParameters] PageParameters page, IMediator mediator, CancellationToken ct) => Results.Ok(await mediator.Send(new ListRefundsDue(page), ct)))
            .WithName("ListRefundsDue")
            .WithSummary("Refunds the court owes and has not paid out, paged, longest due first")
            .Produces<Page<RefundItem>>()
            .ProducesValidationProblem();

        var smallClaims = app.MapGroup("/api/small-claims").WithTags("Small claims");

        smallClaims.MapGet("/eligibility", async (string? province, string? amount, string? filedOn, string? caseType, string? partiesAgreed, IMediator mediator, CancellationToken ct) =>
                Results.Ok(await mediator.Send(new CheckSmallClaimsEligibility(province, amount, filedOn, caseType, partiesAgreed), ct)))
            .WithName("CheckSmallClaimsEligibility")
            .WithSummary("Mandatory, allowed by agreement, or not allowed: with the threshold, its wage basis, and the exclusion rule when that is the reason")
            .Produces<EligibilityAnswer>()
            .ProducesValidationProblem();

        smallClaims.MapGet("/thresholds/{province}", async (string province, IMediator mediator, CancellationToken ct) =>
                Results.Ok(await mediator.Send(new ListSmallClaimsThresholds(province), ct)))
            .WithName("ListSmallClaimsThresholds");

        smallClaims.MapPost("/thresholds", async (PublishSmallClaimsThreshold body, IMediator mediator, CancellationToken ct) =>
                Results.Ok(await mediator.Send(body, ct)))
            .WithName("PublishSmallClaimsThreshold")
            .WithSummary("Publish a province's threshold period (system administrator); it counts as confirmed");

        smallClaims.MapPost("/thresholds/{province}/{effectiveFrom}/confirmation", async (string province, DateOnly effectiveFrom, ConfirmationBody body, IMediator mediator, CancellationToken ct) =>
                Results.Ok(await mediator.Send(new ConfirmSmallClaimsThreshold(province, effectiveFrom, body.Notice), ct)))
            .WithName("ConfirmSmallClaimsThreshold")
            .WithSummary("Confirm a shipped threshold period against the high court's notice (system administrator)");

        smallClaims.MapGet("/docket", async ([AsParameters] PageParameters page, IMediator mediator, CancellationToken ct) => Results.Ok(await mediator.Send(new GetSmallClaimsDocket(page), ct)))
            .WithName("GetSmallClaimsDocket")
            .WithSummary("Open small-claims cases, paged (the judge's own; all for the clerk and the president), with days left to the limit and a warning near it")
            .Produces<Page<DocketEntry>>()
            .ProducesValidationProblem();

        var cases = smallClaims.MapGroup("/cases");

        cases.MapPost("", async (FileSmallClaimsCase body, IMediator mediator, HttpContext http, CancellationToken ct) =>
            {
                var filed = await mediator.Send(body, ct);
                http.SetETag(filed.Version);
                return filed.Created ? Results.Created($"/api/small-claims/cases/{filed.Id}", filed) : Results.Ok(filed);
            })
            .WithName("FileSmallClaimsCase")
            .AnswersETag()
            .WithSummary("File a small-claims case: eligibility checked, fee assessed by the schedule in force on the filing date, fee notice issued")
            .Produces<FiledSmallClaimsCase>(StatusCodes.Status201Created)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);

        cases.MapGet("/{id}", async (string id, IMediator mediator, HttpContext http, CancellationToken ct) =>
            {
                var detail = await mediator.Send(new GetSmallClaimsCase(id), ct);
                http.SetETag(detail.Version);
                return Results.Ok(detail);
            })
            .WithName("GetSmallClaimsCase")
            .AnswersETag();

        MapCaseCommand(cases, "/{id}/service", "RecordSmallClaimsService", (id, body, ifMatch) => new RecordSmallClaimsService(id, body.Method, ifMatch));
        MapCaseCommand(cases, "/{id}/hearing", "OpenSmallClaimsHearing", (id, _, ifMatch) => new OpenSmallClaimsHearing(id, ifMatch));
        MapCaseCommand(cases, "/{id}/investigation-end", "EndSmallClaimsInvestigation", (id, _, ifMatch) => new EndSmallClaimsInvestigation(id, ifMatch));
        MapCaseCommand(cases, "/{id}/decision", "DecideSmallClaims", (id, body, ifMatch) => new DecideSmallClaims(id, body.Closing, ifMatch));
        MapCaseCommand(cases, "/{id}/conversion", "ConvertSmallClaimsProcedure", (id, body, ifMatch) => new ConvertSmallClaimsProcedure(id, body.To, body.Reason, ifMatch));
        MapCaseCommand(cases, "/{id}/claim-reduction", "LowerSmallClaim", (id, body, ifMatch) => new LowerSmallClaim(id, body.NewClaim, ifMatch));
        MapCaseCommand(cases, "/{id}/limit-extension", "ExtendSmallClaimsLimit", (id, body, ifMatch) => new ExtendSmallClaimsLimit(id, body.Reason, ifMatch));

        cases.MapPost("/{id}/fee-notices/{noticeId}/payment", async (string id, string noticeId, PaymentBody? body, IMediator mediator, HttpContext http, CancellationToken ct) =>
                Changed(http, await mediator.Send(new RecordSmallClaimsFeePayment(id, noticeId, body?.PaidOn, body?.ReceiptNumber, http.IfMatch()), ct)))
            .WithName("RecordSmallClaimsFeePayment")
            .TakesIfMatch()
            .WithSummary("Record that a fee notice was paid: paidOn (yyyy-MM-dd, today by default, not before the notice) and the receipt number")
            .Produces<CaseChanged>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status412PreconditionFailed);

        cases.MapPost("/{id}/refunds/{refundId}/payment", async (string id, string refundId, IMediator mediator, HttpContext http, CancellationToken ct) =>
                Changed(http, await mediator.Send(new RecordSmallClaimsRefundPaid(id, refundId, http.IfMatch()), ct)))
            .WithName("RecordSmallClaimsRefundPaid")
            .TakesIfMatch();

        return app;
    }

    private static void MapCaseCommand(RouteGroupBuilder cases, string pattern, string name, Func<string, CaseCommandBody, long?, ISmallClaimsCaseCommand> create) =>
        cases.MapPost(pattern, async (string id, CaseCommandBody? body, IMediator mediator, HttpContext http, CancellationToken ct) =>
                Changed(http, await mediator.Send(create(id, body ?? new CaseCommandBody(), http.IfMatch()), ct)))
            .WithName(name)
            .TakesIfMatch()
            .Produces<CaseChanged>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status412PreconditionFailed)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);

    private static IResult Changed(HttpContext http, CaseChanged changed)
    {
        http.SetETag(changed.Version);
        return Results.Ok(changed);
    }

    /// <summary>A fee payment: the day it was paid and the receipt's number.</summary>
    internal sealed record PaymentBody(DateOnly? PaidOn, string? ReceiptNumber);

    /// <summary>The fields case commands take; each command reads the ones it needs.</summary>
    public sealed record CaseCommandBody(string? Method = null, string? Closing = null, string? To = null, string? Reason = null, decimal? NewClaim = null);

    public sealed record ConfirmationBody(string? Notice);
}

public static class FeesUiRegistration
{
    /// <summary>Navigation for the fee page, the judge's small-claims docket and the administrator's schedule page.</summary>
    public static IServiceCollection AddFeesUi(this IServiceCollection services)
    {
        services.AddNavEntry(new NavEntry("/Fees", "诉讼费用", "Court fees", [Roles.Clerk, Roles.Judge, Roles.CourtPresident], Order: 500));
        services.AddTaskLink(Domain.SmallClaims.SmallClaimsCase.StreamPrefix, id => "/SmallClaims/Case/" + id, Roles.Clerk, Roles.Judge, Roles.CourtPresident);
        services.AddNavEntry(new NavEntry("/SmallClaims/Docket", "小额诉讼", "Small claims", [Roles.Clerk, Roles.Judge, Roles.CourtPresident], Order: 510));
        services.AddNavEntry(new NavEntry("/Admin/FeeSchedules", "收费标准", "Fee schedules", [Roles.SystemAdministrator], Order: 910));
        return services;
    }
}
