using System.Globalization;
using System.Text;
using Court.Application.GovernmentDebtors;
using Court.Application.Projections;
using Court.Domain.Common;
using Court.Web.Infrastructure;
using Mediator;

namespace Court.Web.Endpoints;

/// <summary>Enforcement against government debtors: cases and their steps, the unit register, the lists, the CSV export and the public list.</summary>
public static class GovernmentDebtEndpoints
{
    public static IEndpointRouteBuilder MapGovernmentDebtEndpoints(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/government-debts").WithTags("Government debtors");
        var cases = api.MapGroup("/cases");

        cases.MapPost("", async (OpenGovernmentDebtEnforcementCase body, IMediator mediator, HttpContext http, CancellationToken ct) =>
            {
                var opened = await mediator.Send(body, ct);
                http.SetETag(opened.Version);
                return opened.Created ? Results.Created($"/api/government-debts/cases/{opened.Id}", opened) : Results.Ok(opened);
            })
            .WithName("OpenGovernmentDebtCase")
            .AnswersETag()
            .WithSummary("The clerk opens an enforcement case (执) against a government organ or public institution (flagged from its credit code) or a state-owned enterprise (stateOwned); the reminder letter is issued")
            .Produces<OpenedGovernmentDebtCase>(StatusCodes.Status201Created)
            .ProducesValidationProblem();

        cases.MapGet("/{id}", async (string id, IMediator mediator, HttpContext http, CancellationToken ct) =>
            {
                var detail = await mediator.Send(new GetGovernmentDebtCase(id), ct);
                http.SetETag(detail.Version);
                return Results.Ok(detail);
            })
            .WithName("GetGovernmentDebtCase")
            .AnswersETag()
            .WithSummary("One case: outstanding to today with interest, reports due, payments, documents, listing, the unit's leaders during the debt");

        cases.MapGet("/{id}/history", async (string id, [AsParameters] PageParameters page, IMediator mediator, CancellationToken ct) =>
                Results.Ok(await mediator.Send(new GetGovernmentDebtHistory(id, page), ct)))
            .WithName("GetGovernmentDebtHistory")
            .WithSummary("The case's history oldest first, paged: who did what and when, in the caller's language (no event type names)")
            .Produces<Page<GovernmentDebtHistoryEntry>>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);

        foreach (var step in GovernmentDebtSteps.All)
        {
            Step(cases, step);
        }

        api.MapGet("/docket", async ([AsParameters] PageParameters page, string? state, bool? open, string? unit, string? format, IMediator mediator, TimeProvider clock, CancellationToken ct) =>
            {
                if (string.Equals(format, "csv", StringComparison.OrdinalIgnoreCase))
                {
                    return Results.File(await CsvAsync(mediator, page, state, open, unit, ct), "text/csv; charset=utf-8", "government-debts.csv");
                }

                return Results.Ok(await mediator.Send(new GetGovernmentDebtDocket(page, state, open, unit), ct));
            })
            .WithName("GetGovernmentDebtDocket")
            .WithSummary("Flagged cases, paged (all for court staff and the supervision office, a unit's own for its officers): next step and date, outstanding, ageing, reports missing, meetings due; format=csv exports every matching row")
            .Produces<Page<GovernmentDebtEntry>>()
            .ProducesValidationProblem();

        var units = api.MapGroup("/units");
        units.MapGet("", async ([AsParameters] PageParameters page, IMediator mediator, CancellationToken ct) => Results.Ok(await mediator.Send(new ListGovernmentDebtors(page), ct)))
            .WithName("ListGovernmentDebtors")
            .WithSummary("Flagged units, paged: outstanding per unit, ageing since the oldest open judgment, the leaders in office since then")
            .Produces<Page<GovernmentDebtorEntry>>();
        units.MapGet("/{code}", async (string code, IMediator mediator, HttpContext http, CancellationToken ct) =>
            {
                var unit = await mediator.Send(new GetGovernmentDebtor(code), ct);
                http.SetETag(unit.Version);
                return Results.Ok(unit);
            })
            .WithName("GetGovernmentDebtor")
            .AnswersETag();
        units.MapPost("/{code}/leader", async (string code, OfficialBody body, IMediator mediator, HttpContext http, CancellationToken ct) =>
                Changed(http, await mediator.Send(new ChangeGovernmentDebtorLeader(code, body.Name, body.Post, body.Phone, body.On, body.Reason, http.IfMatch()), ct)))
            .WithName("ChangeGovernmentDebtorLeader")
            .TakesIfMatch()
            .WithSummary("A new responsible leader takes over the unit's debts (they stay with the unit)")
            .Produces<GovernmentDebtChanged>()
            .ProducesValidationProblem();
        units.MapPost("/{code}/handler", async (string code, OfficialBody body, IMediator mediator, HttpContext http, CancellationToken ct) =>
                Changed(http, await mediator.Send(new ChangeGovernmentDebtorHandler(code, body.Name, body.Post, body.Phone, body.On, http.IfMatch()), ct)))
            .WithName("ChangeGovernmentDebtorHandler")
            .TakesIfMatch()
            .Produces<GovernmentDebtChanged>()
            .ProducesValidationProblem();

        api.MapGet("/departments", async (IMediator mediator, CancellationToken ct) => Results.Ok(await mediator.Send(new ListGovernmentDebtDepartments(), ct)))
            .WithName("ListGovernmentDebtDepartments")
            .WithSummary("Outstanding per supervising unit (department), largest first");
        api.MapGet("/totals", async (IMediator mediator, CancellationToken ct) => Results.Ok(await mediator.Send(new GetGovernmentDebtTotals(), ct)))
            .WithName("GetGovernmentDebtTotals")
            .WithSummary("Total outstanding at the end of each month with a movement (the chart)");

        app.MapGet("/api/public/government-debtors", async ([AsParameters] PageParameters page, HttpContext http, IMediator mediator, CancellationToken ct) =>
            {
                http.Response.Headers.CacheControl = "no-store";
                return Results.Ok(await mediator.Send(new GetPublicGovernmentDebtList(page), ct));
            })
            .AllowAnonymous()
            .RequireRateLimiting(DocumentEndpoints.VerifyPolicy)
            .WithTags("Public list")
            .WithName("GetPublicGovernmentDebtList")
            .WithSummary("The published dishonest government debtors (name, credit code, court, case number, obligation, performed and unperformed, date published, listing decision); removed entries are gone")
            .Produces<Page<PublicListItem>>();
        return app;
    }

    private static void Step(RouteGroupBuilder cases, GovernmentDebtStep step) =>
        cases.MapPost("/{id}/" + step.Route, async (string id, StepBody? body, IMediator mediator, HttpContext http, CancellationToken ct) =>
                Changed(http, await mediator.Send(step.Create(id, body ?? new StepBody(), http.IfMatch()), ct)))
            .WithName(step.Trigger)
            .TakesIfMatch()
            .Produces<GovernmentDebtChanged>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status412PreconditionFailed);

    private static IResult Changed(HttpContext http, GovernmentDebtChanged changed)
    {
        http.SetETag(changed.Version);
        return Results.Ok(changed);
    }

    /// <summary>Every matching row, a page at a time (so the export costs pages, not one load of the collection); the state by its title in the pinned definition, in the caller's language.</summary>
    private static async Task<byte[]> CsvAsync(IMediator mediator, PageParameters page, string? state, bool? open, string? unit, CancellationToken ct)
    {
        static string Cell(object? value)
        {
            var s = value switch
            {
                null => "",
                DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                decimal m => m.ToString("0.00", CultureInfo.InvariantCulture),
                bool b => b ? "yes" : "no",
                IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
                _ => value.ToString() ?? "",
            };
            if (s.Length > 0 && s[0] is '=' or '+' or '-' or '@')
            {
                s = "'" + s; // no formulas from typed-in text in a spreadsheet
            }

            return s.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? "\"" + s.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : s;
        }

        var csv = new StringBuilder("case_number,debtor,credit_code,supervising_unit,state,outstanding_yuan,age_days,next_step,next_on,overdue,reports_missing,report_due_on,meeting_overdue,meeting_due_on,perform_by,listed\r\n");
        var request = page with { Limit = PageRequest.MaxLimit, After = null, Total = null };
        while (true)
        {
            var result = await mediator.Send(new GetGovernmentDebtDocket(request, state, open, unit), ct);
            foreach (var e in result.Items)
            {
                object?[] row = [e.CaseNumber, e.DebtorName, e.DebtorCreditCode, e.SupervisingUnit, Language.Say(e.StateTitleZh, e.StateTitleEn), e.Outstanding, e.AgeDays, e.NextStep, e.NextOn, e.Overdue, e.ReportsMissing, e.ReportDueOn, e.MeetingOverdue, e.MeetingDueOn, e.PerformBy, e.Listed];
                csv.AppendJoin(',', row.Select(Cell)).Append("\r\n");
            }

            if (result.Next is null)
            {
                break;
            }

            request = request with { After = result.Next };
        }

        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(csv.ToString())];
    }

    /// <summary>The fields the steps take; each step reads the ones it needs (<see cref="GovernmentDebtSteps"/>).</summary>
    public sealed record StepBody(
        DateOnly? On = null,
        DateOnly? PerformBy = null,
        DateOnly? Month = null,
        decimal? Amount = null,
        string? Kind = null,
        string? Description = null,
        string? Progress = null,
        string? Plan = null,
        string? Summary = null,
        string? Terms = null,
        string? PartyCommittee = null,
        string? Government = null,
        IReadOnlyList<string>? CopiedTo = null,
        bool? OrganisationDepartmentNotified = null,
        string? Reference = null,
        string? Measure = null,
        int? Ground = null,
        int? ExtensionYears = null,
        string? Reason = null,
        bool? Upheld = null,
        string? Correction = null);

    public sealed record OfficialBody(string? Name, string? Post, string? Phone, DateOnly? On, string? Reason);
}
