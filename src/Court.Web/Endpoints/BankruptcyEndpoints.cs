using System.Globalization;
using System.Text;
using System.Text.Json;
using Court.Application.Bankruptcy;
using Court.Application.Bankruptcy.Cases;
using Court.Application.Bankruptcy.Disposing;
using Court.Application.Bankruptcy.JointMeeting;
using Court.Application.Bankruptcy.Notices;
using Court.Application.Bankruptcy.ReadModels;
using Court.Application.Bankruptcy.Releasing;
using Court.Application.Common;
using Court.Application.Documents;
using Court.Application.EventStore;
using Court.Application.Projections;
using Court.Web.Infrastructure;
using Court.Web.Ui;
using Mediator;
using Microsoft.AspNetCore.Mvc;

namespace Court.Web.Endpoints;

/// <summary>The bankruptcy API: the contract the agencies' systems integrate with. Paths are fixed by issue 5.</summary>
public static class BankruptcyEndpoints
{
    /// <summary>Bankruptcy's bodies are small JSON documents; anything near this size is not one.</summary>
    public const long MaxBodyBytes = 256 * 1024;

    /// <summary>The bankruptcy pages' navigation entries.</summary>
    public static IServiceCollection AddBankruptcyUi(this IServiceCollection services) => services
        .AddNavEntry(new NavEntry("/Bankruptcy", "破产案件", "Bankruptcy cases", [Roles.Clerk, Roles.Judge, Roles.Administrator], Order: 300))
        .AddNavEntry(new NavEntry("/Bankruptcy/Requests", "解封申请", "Release requests", [Roles.Clerk, Roles.Judge, Roles.Administrator], Order: 301))
        .AddNavEntry(new NavEntry("/Bankruptcy/Inbox", "协助执行通知书", "Notices", [Roles.AgencyOfficer, Roles.Clerk, Roles.Judge], Order: 302))
        .AddNavEntry(new NavEntry("/Bankruptcy/JointMeeting", "府院联席会议", "Joint meeting", [Roles.Clerk, Roles.Judge, Roles.SupervisionOfficer, Roles.CourtPresident], Order: 303))
        .AddTaskLink(Domain.Bankruptcy.ReleaseRequest.StreamPrefix, id => "/Bankruptcy/Request/" + id, Roles.Clerk, Roles.Judge, Roles.Administrator)
        .AddTaskLink(Domain.Bankruptcy.Notice.StreamPrefix, id => "/Bankruptcy/Notice/" + id, Roles.AgencyOfficer, Roles.Clerk, Roles.Judge, Roles.Administrator)
        .AddTaskLink(Domain.Bankruptcy.Disposal.StreamPrefix, id => "/Bankruptcy/Asset/" + id, Roles.Clerk, Roles.Judge, Roles.Administrator)
        .AddTaskLink(Domain.Bankruptcy.AgendaItem.StreamPrefix, _ => "/Bankruptcy/JointMeeting", Roles.Clerk, Roles.Judge, Roles.SupervisionOfficer, Roles.CourtPresident);

    public static IEndpointRouteBuilder MapBankruptcyEndpoints(this IEndpointRouteBuilder app)
    {
        MapCases(app.MapGroup("/api/bankruptcy-cases").WithTags("Bankruptcy cases").WithMetadata(new RequestSizeLimitAttribute(MaxBodyBytes)));
        MapReleaseRequests(app.MapGroup("/api/release-requests").WithTags("Release requests").WithMetadata(new RequestSizeLimitAttribute(MaxBodyBytes)));
        MapNotices(app.MapGroup("/api/notices").WithTags("Assisted-enforcement notices").WithMetadata(new RequestSizeLimitAttribute(MaxBodyBytes)));
        MapAssets(app.MapGroup("/api/assets").WithTags("Assets and disposal").WithMetadata(new RequestSizeLimitAttribute(MaxBodyBytes)));
        MapJointMeeting(app.MapGroup("/api/joint-meeting").WithTags("Joint meeting").WithMetadata(new RequestSizeLimitAttribute(MaxBodyBytes)));
        return app;
    }

    private static void MapCases(RouteGroupBuilder cases)
    {
        cases.MapPost("", async (OpenBankruptcyCase body, IMediator mediator, HttpContext http, CancellationToken ct) =>
            {
                var opened = await mediator.Send(body, ct);
                http.SetETag(opened.Version);
                return opened.Created ? Results.Created($"/api/bankruptcy-cases/{opened.Id}", opened) : Results.Ok(opened);
            })
            .WithName("OpenBankruptcyCase")
            .AnswersETag()
            .WithSummary("Register an accepted bankruptcy case and its appointed administrator (clerk, judge)")
            .WithDescription("The case number is validated (（）and 〔〕 accepted) and stored in canonical form; the debtor's unified social credit code must pass its check character. The case id is derived from the case number, so registering the same case again with the same details answers 200 with the same id and writes nothing.")
            .Produces<OpenedBankruptcyCase>(StatusCodes.Status201Created)
            .Produces<OpenedBankruptcyCase>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithExamples(Examples.OpenCase, new OpenedBankruptcyCase("3f1c2b7a-5d7e-4e55-9a3e-0c6f1b2d9a10", "(2022)渝0116破1号", 0, true), StatusCodes.Status201Created);

        cases.MapGet("", async ([AsParameters] PageParameters page, IMediator mediator, CancellationToken ct) => Results.Ok(await mediator.Send(new ListBankruptcyCases(page), ct)))
            .WithName("ListBankruptcyCases")
            .WithSummary("The caller's cases, paged: an administrator's estates, or the cases of the caller's court for court staff")
            .WithDescription("Last changed first; sort=number|accepted|changed (prefix - for descending); q searches the case number, debtor, credit code and administrator; follow next with after.")
            .Produces<Page<CaseSummary>>()
            .ProducesValidationProblem();

        cases.MapGet("/{id}", async (string id, IMediator mediator, HttpContext http, CancellationToken ct) =>
            {
                var view = await mediator.Send(new GetBankruptcyCase(id), ct);
                http.SetETag(view.Version);
                return Results.Ok(view);
            })
            .WithName("GetBankruptcyCase")
            .AnswersETag()
            .WithSummary("One case: debtor, administrator, each asset's state and what blocks it")
            .Produces<CaseView>()
            .ProducesProblem(StatusCodes.Status404NotFound);

        cases.MapGet("/{id}/timeline", async (string id, IMediator mediator, HttpContext http, CancellationToken ct) =>
            {
                var timeline = await mediator.Send(new GetCaseTimeline(id), ct);
                http.SetETag(timeline.LastPosition);
                return Results.Ok(timeline);
            })
            .WithName("GetBankruptcyCaseTimeline")
            .AnswersETag()
            .WithSummary("Everything that happened in the case, across its requests, notices, disposals and agenda items, with actor and time")
            .Produces<CaseTimeline>()
            .ProducesProblem(StatusCodes.Status404NotFound);

        cases.MapPost("/{id}/assets", async (string id, RegisterAsset body, IMediator mediator, HttpContext http, CancellationToken ct) =>
            {
                var registered = await mediator.Send(body with { EstateId = id, IfMatch = http.IfMatch() }, ct);
                http.SetETag(registered.Version);
                return Results.Created($"/api/assets/{registered.AssetId}", registered);
            })
            .WithName("RegisterAsset")
            .TakesIfMatch()
            .WithSummary("List an asset of the estate (administrator, clerk); identifiers by kind")
            .WithDescription("LandUseRight/Building: certificateNumber, unitCode (28 characters), location, areaSquareMetres, use. Vehicle: plate, vin (check digit). DepositAccount: bank, accountNumber. Equity: company, companyCreditCode, sharePercent. The holding agency must register that kind of asset. If-Match: the case's ETag.")
            .Produces<RegisteredAsset>(StatusCodes.Status201Created)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status412PreconditionFailed)
            .WithExamples(Examples.RegisterBuilding, new RegisteredAsset("3f1c2b7a-5d7e-4e55-9a3e-0c6f1b2d9a10", "0196a7c1-0f00-7a00-9c1e-5b7f0d3a2e11", 1), StatusCodes.Status201Created);

        cases.MapPost("/{id}/release-requests", async (string id, RequestRelease body, IMediator mediator, HttpContext http, CancellationToken ct) =>
            {
                var changed = await mediator.Send(body with { EstateId = id, IfMatch = http.IfMatch() }, ct);
                http.SetETag(changed.Version);
                return Results.Created($"/api/release-requests/{changed.Id}", changed);
            })
            .WithName("RequestRelease")
            .TakesIfMatch()
            .WithSummary("Ask for the release of seizures on one asset, with reasons (administrator, clerk). If-Match: the case's ETag")
            .Produces<Changed>(StatusCodes.Status201Created)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithExamples(Examples.RequestRelease, new Changed("0196a7c2-1a00-7b00-8d2f-6c8e1e4b3f22", 1), StatusCodes.Status201Created);
    }

    private static void MapReleaseRequests(RouteGroupBuilder requests)
    {
        requests.MapGet("", async (bool? all, [AsParameters] PageParameters page, IMediator mediator, CancellationToken ct) => Results.Ok(await mediator.Send(new ListReleaseRequests(all ?? false, page), ct)))
            .WithName("ListReleaseRequests")
            .WithSummary("The judge's approval queue (court staff; all=true for every request) or an administrator's requests, paged")
            .WithDescription("Open first, then the earliest deadline, then the earliest filed; sort=due|requested (prefix - for descending); q searches the case number, holding agency and seizing bodies; follow next with after.")
            .Produces<Page<ReleaseRequestView>>()
            .ProducesValidationProblem();

        requests.MapGet("/{id}", async (string id, IMediator mediator, HttpContext http, CancellationToken ct) =>
            {
                var details = await mediator.Send(new GetReleaseRequest(id), ct);
                http.SetETag(details.Request.Version);
                return Results.Ok(details);
            })
            .WithName("GetReleaseRequest")
            .AnswersETag()
            .WithSummary("A release request with its letters, ruling and notice, and the steps the caller may take now")
            .Produces<ReleaseRequestDetails>()
            .ProducesProblem(StatusCodes.Status404NotFound);

        MapWrite<ApproveRelease>(requests, "/{id}/approve", (b, id) => b with { RequestId = id }, "ApproveRelease", "Approve: letters with a deadline go to each seizing body (judge). If-Match: the request's ETag", new ApproveRelease("依企业破产法第十九条，同意解除"));
        MapWrite<RejectRelease>(requests, "/{id}/reject", (b, id) => b with { RequestId = id }, "RejectRelease", "Reject, with the reason (judge)", new RejectRelease("该查封财产不属于债务人财产"));
        MapWrite<WithdrawRelease>(requests, "/{id}/withdraw", (b, id) => b with { RequestId = id }, "WithdrawRelease", "Withdraw before the court's ruling (administrator)", new WithdrawRelease("查封机关已自行解除"));
        MapWrite<RecordSeizingBodyLift>(requests, "/{id}/seizing-body-lifted", (b, id) => b with { RequestId = id }, "RecordSeizingBodyLift", "Record that a seizing body lifted its seizure itself (administrator, clerk, judge)", new RecordSeizingBodyLift("0196a7c1-2b00-7c00-8e3a-7d9f2f5c4a33", "(2021)渝0116执100号之一", new DateOnly(2022, 5, 10)));
        // The body is optional: after the chain is exhausted there is nothing to say; before, it carries the judge's earlyReason.
        Describe(
            requests.MapPost("/{id}/issue-ruling", (string id, IssueLiftingRuling? body, IMediator mediator, HttpContext http, CancellationToken ct) =>
                SendAsync((body ?? new IssueLiftingRuling()) with { RequestId = id }, mediator, http, ct)),
            "IssueLiftingRuling",
            "Issue the court's lifting ruling and the assisted-enforcement notice to the holding agency (judge). Before the superiors' deadline has passed, send earlyReason: the ruling is then the judge's recorded decision and its recital says so (422 without it).",
            new IssueLiftingRuling("查封财产系易贬值设备，继续查封将严重损害债权人利益"));
    }

    private static void MapNotices(RouteGroupBuilder notices)
    {
        notices.MapGet("", async (string? agency, bool? open, string? format, [AsParameters] PageParameters page, IMediator mediator, TimeProvider clock, CancellationToken ct) =>
            {
                var csv = string.Equals(format, "csv", StringComparison.OrdinalIgnoreCase);
                var first = await mediator.Send(new ListNotices(agency, open ?? false, csv ? page with { Limit = page.Limit ?? PageRequest.MaxLimit } : page), ct);
                if (!csv)
                {
                    return Results.Ok(first);
                }

                // The export is the whole inbox from the page asked for on, written a page at a time: memory stays one page.
                var now = clock.GetUtcNow();
                return Results.Stream(
                    async body =>
                    {
                        await body.WriteAsync(Encoding.UTF8.GetPreamble(), ct);
                        await body.WriteAsync(Encoding.UTF8.GetBytes(CsvHeader), ct);
                        for (var current = first; ; current = await mediator.Send(new ListNotices(agency, open ?? false, page with { Limit = PageRequest.MaxLimit, After = current.Next }), ct))
                        {
                            await body.WriteAsync(Encoding.UTF8.GetBytes(CsvRows(current.Items, now)), ct);
                            if (current.Next is null)
                            {
                                break;
                            }
                        }
                    },
                    "text/csv; charset=utf-8",
                    "notices.csv");
            })
            .WithName("ListNotices")
            .WithSummary("The caller's agency inbox, paged, overdue first (format=csv for a spreadsheet of all of it); court staff see all or one agency's")
            .WithDescription("Open first, flagged overdue first among them, then the earliest deadline, then the earliest issued; sort=due|issued (prefix - for descending); open=true for open notices only; q searches the document number, case number and asset; follow next with after.")
            .Produces(StatusCodes.Status200OK, contentType: "text/csv")
            .Produces<Page<NoticeView>>()
            .ProducesValidationProblem();

        notices.MapGet("/{id}", async (string id, IMediator mediator, HttpContext http, CancellationToken ct) =>
            {
                var details = await mediator.Send(new GetNotice(id), ct);
                http.SetETag(details.Notice.Version);
                return Results.Ok(details);
            })
            .WithName("GetNotice")
            .AnswersETag()
            .WithSummary("One notice: what it asks, its document number and verification code, its deadlines and the caller's actions (404 for other agencies)")
            .Produces<NoticeDetails>()
            .ProducesProblem(StatusCodes.Status404NotFound);

        notices.MapGet("/{id}/document.pdf", async (string id, IMediator mediator, DocumentIssuer documents, HttpContext http, CancellationToken ct) =>
            {
                var details = await mediator.Send(new GetNotice(id), ct);
                return Guid.TryParse(details.Notice.Id, out var documentId) && await documents.FindByIdAsync(documentId, ct) is { } document
                    ? DocumentEndpoints.Pdf(document, http)
                    : Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "The notice has no document yet.");
            })
            .WithName("GetNoticePdf")
            .AnswersETag()
            .WithSummary("The notice as an A4 PDF with its verification code and QR code (404 for other agencies)")
            .Produces(StatusCodes.Status200OK, contentType: "application/pdf")
            .ProducesProblem(StatusCodes.Status404NotFound);

        MapBodylessWrite<AcknowledgeNotice>(notices, "/{id}/acknowledge", (b, id) => b with { NoticeId = id }, "AcknowledgeNotice", "Confirm receipt; the execution period starts (addressee agency)");
        MapWrite<ExecuteNotice>(notices, "/{id}/execute", (b, id) => b with { NoticeId = id }, "ExecuteNotice", "Report the notice carried out, with the registration reference and date (addressee agency)", new ExecuteNotice("渝(2022)江津区不动产注销查封第0000088号", new DateOnly(2022, 5, 20)));
        MapWrite<ReportNoticeCannotBeExecuted>(notices, "/{id}/cannot-execute", (b, id) => b with { NoticeId = id }, "ReportNoticeCannotBeExecuted", "Report that the notice cannot be carried out, with the reason (addressee agency)", new ReportNoticeCannotBeExecuted("登记簿上无该不动产单元"));
        notices.MapPost("/{id}/query", async (string id, QueryNotice body, IMediator mediator, HttpContext http, CancellationToken ct) =>
            {
                var queried = await mediator.Send(body with { NoticeId = id, IfMatch = http.IfMatch() }, ct);
                http.SetETag(queried.Version);
                return Results.Ok(queried);
            })
            .WithName("QueryNotice")
            .TakesIfMatch()
            .WithSummary("Write to the judge about the notice; it stays in force (addressee agency)")
            .Produces<QueriedNotice>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithExamples(new QueryNotice("通知书所列查封文号与登记簿记载不一致，请核实。"), new QueriedNotice("0196a7c3-…", "0196a7c4-…", 3));
        notices.MapPost("/{id}/queries/{queryId}/answer", async (string id, string queryId, AnswerNoticeQuery body, IMediator mediator, HttpContext http, CancellationToken ct) =>
            {
                var changed = await mediator.Send(body with { NoticeId = id, QueryId = queryId, IfMatch = http.IfMatch() }, ct);
                http.SetETag(changed.Version);
                return Results.Ok(changed);
            })
            .WithName("AnswerNoticeQuery")
            .TakesIfMatch()
            .WithSummary("Answer an agency's query (judge)")
            .Produces<Changed>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithExamples(new AnswerNoticeQuery("以本院裁定所列文号为准，请依通知书协助执行。"), new Changed("0196a7c3-…", 4));
    }

    private static void MapAssets(RouteGroupBuilder assets)
    {
        assets.MapGet("/{id}", async (string id, IMediator mediator, HttpContext http, CancellationToken ct) =>
            {
                var details = await mediator.Send(new GetAsset(id), ct);
                http.SetETag(details.DisposalVersion);
                return Results.Ok(details);
            })
            .WithName("GetAsset")
            .AnswersETag()
            .WithSummary("One asset: its state, what blocks it, seizures and disposal. ETag: the disposal's version (-1 before one is scheduled)")
            .Produces<AssetDetails>()
            .ProducesProblem(StatusCodes.Status404NotFound);

        assets.MapPost("/{id}/seizures", async (string id, RecordSeizure body, IMediator mediator, HttpContext http, CancellationToken ct) =>
            {
                var recorded = await mediator.Send(body with { AssetId = id, IfMatch = http.IfMatch() }, ct);
                http.SetETag(recorded.Version);
                return Results.Created($"/api/assets/{id}", recorded);
            })
            .WithName("RecordSeizure")
            .TakesIfMatch()
            .WithSummary("Record a seizure on the asset: seizing body, its document, date and rank; the expiry follows from the asset's kind (administrator, clerk). If-Match: the case's ETag")
            .Produces<RecordedSeizure>(StatusCodes.Status201Created)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithExamples(Examples.RecordSeizure, new RecordedSeizure("0196a7c1-…", "0196a7c1-2b00-…", new DateOnly(2024, 5, 10), 2), StatusCodes.Status201Created);

        assets.MapPost("/{id}/seizures/{seizureId}/renew", async (string id, string seizureId, RenewSeizure body, IMediator mediator, HttpContext http, CancellationToken ct) =>
            {
                var changed = await mediator.Send(body with { AssetId = id, SeizureId = seizureId, IfMatch = http.IfMatch() }, ct);
                http.SetETag(changed.Version);
                return Results.Ok(changed);
            })
            .WithName("RenewSeizure")
            .TakesIfMatch()
            .WithSummary("Record that the seizing body renewed a seizure (续封) before it expired; it binds for another period from the renewal (administrator, clerk). If-Match: the case's ETag")
            .Produces<Changed>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithExamples(new RenewSeizure("(2021)渝0116执100号之二", new DateOnly(2024, 4, 30)), new Changed("0196a7c1-2b00-…", 5));

        MapWrite<ScheduleDisposal>(assets, "/{id}/schedule-disposal", (b, id) => b with { AssetId = id }, "ScheduleDisposal", "Schedule an online judicial auction or a sale of a free asset (administrator)", new ScheduleDisposal(Domain.Bankruptcy.DisposalMethod.Auction, "人民法院诉讼资产网", new DateOnly(2022, 6, 20), 100_000_000));
        MapWrite<RecordDisposalUnsold>(assets, "/{id}/record-unsold", (b, id) => b with { AssetId = id }, "RecordDisposalUnsold", "Record that the auction found no buyer (administrator)", new RecordDisposalUnsold("无人出价，流拍"));
        MapWrite<RecordAssetSold>(assets, "/{id}/record-sale", (b, id) => b with { AssetId = id }, "RecordAssetSold", "Record the buyer and price (administrator)", new RecordAssetSold("重庆某某置业有限公司", "91500116MA6000000Q", 115_000_000, new DateOnly(2022, 6, 20)));
        MapBodylessWrite<ConfirmSale>(assets, "/{id}/confirm-sale", (b, id) => b with { AssetId = id }, "ConfirmSale", "Issue the sale-confirmation ruling and the transfer notice to the holding agency (judge)");
    }

    private static void MapJointMeeting(RouteGroupBuilder meeting)
    {
        meeting.MapGet("/agenda", async (bool? resolved, [AsParameters] PageParameters page, IMediator mediator, CancellationToken ct) => Results.Ok(await mediator.Send(new GetAgenda(resolved ?? false, page), ct)))
            .WithName("GetJointMeetingAgenda")
            .WithSummary("The joint court–government meeting's agenda, paged, and figures: open items per agency, overdue notices, median days from request to release (judge, clerk, supervision office)")
            .WithDescription("Open items first, then the earliest placed; resolved=true adds the resolved items after the open ones; sort=agenda|placed (prefix - for descending); q searches the case number, party and summary; follow next with after. The figures count the whole court whatever the page.")
            .Produces<Agenda>();

        meeting.MapPost("/agenda/{itemId}/decision", async (string itemId, RecordMeetingDecision body, IMediator mediator, HttpContext http, CancellationToken ct) =>
            {
                var changed = await mediator.Send(body with { ItemId = itemId }, ct);
                http.SetETag(changed.Version);
                return Results.Ok(changed);
            })
            .WithName("RecordMeetingDecision")
            .AnswersETag()
            .WithSummary("Record the meeting's decision on an item (minutes) with actions, owners and deadlines (judge, supervision office)")
            .Produces<Changed>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithExamples(new RecordMeetingDecision(new DateOnly(2022, 6, 30), "会议议定：区规划和自然资源局于五个工作日内办理注销查封登记。", [new MeetingActionInput(Domain.Common.Agencies.NaturalResources.Code, "办理注销查封登记并回执法院", new DateOnly(2022, 7, 7))]), new Changed("notice-…-noticenotexecuted", 1));

        meeting.MapPost("/agenda/{itemId}/actions/{actionId}/complete", async (string itemId, string actionId, CompleteMeetingAction body, IMediator mediator, HttpContext http, CancellationToken ct) =>
            {
                var changed = await mediator.Send(body with { ItemId = itemId, ActionId = actionId }, ct);
                http.SetETag(changed.Version);
                return Results.Ok(changed);
            })
            .WithName("CompleteMeetingAction")
            .AnswersETag()
            .WithSummary("Report a meeting action done (judge, clerk, supervision office)")
            .Produces<Changed>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithExamples(new CompleteMeetingAction("已于7月5日办结"), new Changed("notice-…-noticenotexecuted", 2));
    }

    /// <summary>A POST that sends <typeparamref name="T"/> with the route id and If-Match, answering the new version as ETag.</summary>
    private static void MapWrite<T>(RouteGroupBuilder group, string pattern, Func<T, string, T> withId, string name, string summary, T example)
        where T : ConditionalWrite, ICommand<Changed> =>
        Describe(group.MapPost(pattern, (string id, T body, IMediator mediator, HttpContext http, CancellationToken ct) => SendAsync(withId(body, id), mediator, http, ct)), name, summary, example);

    /// <summary>Like <see cref="MapWrite{T}"/> for a command with no fields: the body may be empty.</summary>
    private static void MapBodylessWrite<T>(RouteGroupBuilder group, string pattern, Func<T, string, T> withId, string name, string summary)
        where T : ConditionalWrite, ICommand<Changed>, new() =>
        Describe(group.MapPost(pattern, (string id, IMediator mediator, HttpContext http, CancellationToken ct) => SendAsync(withId(new T(), id), mediator, http, ct)), name, summary, null);

    private static void Describe(RouteHandlerBuilder builder, string name, string summary, object? example)
    {
        builder.WithName(name)
            .TakesIfMatch()
            .WithSummary(summary)
            .Produces<Changed>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status412PreconditionFailed)
            .WithExamples(example, new Changed("0196a7c2-1a00-7b00-8d2f-6c8e1e4b3f22", 3));
    }

    private static async Task<IResult> SendAsync<T>(T command, IMediator mediator, HttpContext http, CancellationToken ct)
        where T : ConditionalWrite, ICommand<Changed>
    {
        var changed = await mediator.Send(command with { IfMatch = http.IfMatch() }, ct);
        http.SetETag(changed.Version);
        return Results.Ok(changed);
    }

    /// <summary>The inbox as CSV (UTF-8 with BOM, for spreadsheets). Cells that a spreadsheet would run as a formula are quoted with a leading apostrophe.</summary>
    private const string CsvHeader = "notice_id,document_number,case_number,agency,purpose,asset,status,workflow_state,due_on,due_at,overdue,issued_at,acknowledged_at,executed_on,registration_reference,cannot_execute_reason\r\n";

    internal static string CsvRows(IEnumerable<NoticeView> notices, DateTimeOffset now)
    {
        static string Cell(object? value)
        {
            var s = value switch
            {
                null => "",
                DateTimeOffset d => d.ToOffset(Court.Domain.Common.CourtTime.Offset).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture),
                DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                _ => Convert.ToString(value, CultureInfo.InvariantCulture) ?? "",
            };
            if (s.Length > 0 && s[0] is '=' or '+' or '-' or '@' or '\t' or '\r')
            {
                s = "'" + s;
            }

            return s.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? "\"" + s.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : s;
        }

        var csv = new StringBuilder();
        foreach (var n in notices)
        {
            object?[] row = [n.Id, n.DocumentNumber, n.CaseNumber, n.Agency, n.Purpose, n.Content?.AssetDescription, n.Status, n.WorkflowState, n.DueOn, n.DueAt, n.IsOverdueAt(now) ? "yes" : "no", n.IssuedAt, n.AcknowledgedAt, n.ExecutedOn, n.RegistrationReference, n.CannotExecuteReason];
            csv.AppendJoin(',', row.Select(Cell)).Append("\r\n");
        }

        return csv.ToString();
    }

    /// <summary>Request and response examples in the OpenAPI document.</summary>
    private static RouteHandlerBuilder WithExamples(this RouteHandlerBuilder builder, object? request, object response, int status = StatusCodes.Status200OK) =>
        builder.AddOpenApiOperationTransformer((operation, _, _) =>
        {
            if (request is not null && operation.RequestBody?.Content is { } content)
            {
                foreach (var media in content.Values)
                {
                    media.Example = JsonSerializer.SerializeToNode(request, request.GetType(), EventTypeRegistry.JsonOptions);
                }
            }

            if (operation.Responses?.TryGetValue(status.ToString(CultureInfo.InvariantCulture), out var answer) == true && answer.Content is { } answerContent)
            {
                foreach (var media in answerContent.Values)
                {
                    media.Example = JsonSerializer.SerializeToNode(response, response.GetType(), EventTypeRegistry.JsonOptions);
                }
            }

            return Task.CompletedTask;
        });

    private static class Examples
    {
        public static readonly OpenBankruptcyCase OpenCase = new("（2022）渝0116破1号", "重庆江津某某机械制造有限公司", "91500116MA5U5X7A8B", new DateOnly(2022, 4, 20), "admin", "重庆某某律师事务所");

        public static readonly RegisterAsset RegisterBuilding = new(
            Domain.Bankruptcy.AssetKind.Building, "厂房一栋（钢结构）", "nrb-jiangjin", 120_000_000_00, "渝(2019)江津区不动产权第0001234号", "500116001001GB00001F00010001", "江津区几江街道滨江路1号", 1520.5m, "工业");

        public static readonly RequestRelease RequestRelease = new("0196a7c1-0f00-7a00-9c1e-5b7f0d3a2e11", ["0196a7c1-2b00-7c00-8e3a-7d9f2f5c4a33"], "人民法院已受理债务人破产清算申请，依《企业破产法》第十九条，有关债务人财产的保全措施应当解除。");

        public static readonly RecordSeizure RecordSeizure = new("重庆市江津区人民法院", "重庆市第五中级人民法院", "(2021)渝0116执100号", new DateOnly(2021, 5, 10), Domain.Bankruptcy.SeizureRank.First, "渝(2021)江津区不动产查封第0000077号");
    }
}
