using System.Text.Json;
using Court.Application.EventStore;
using Court.Application.Pipeline;
using Court.Application.Workflows;
using Court.Domain.Common;
using FluentValidation;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace Court.Web.Infrastructure;

/// <summary>
/// Turns every known failure into RFC 9457 problem details with the right status; anything else is a 500 that is
/// logged, never a silent 404. Bad input is always 4xx.
/// </summary>
public sealed class ProblemMapping(IProblemDetailsService problems) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var problem = ToProblem(httpContext, exception);
        if (problem is null)
        {
            return false;
        }

        httpContext.Response.StatusCode = problem.Status ?? StatusCodes.Status500InternalServerError;
        if (problem.Status == StatusCodes.Status503ServiceUnavailable)
        {
            httpContext.Response.Headers.RetryAfter = Court.Infrastructure.Persistence.StoreFaults.RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = httpContext, ProblemDetails = problem, Exception = exception });
    }

    public static ProblemDetails? ToProblem(HttpContext httpContext, Exception exception) => exception switch
    {
        ValidationException validation => new HttpValidationProblemDetails(
            validation.Errors.GroupBy(e => JsonNamingPolicy.CamelCase.ConvertName(e.PropertyName))
                .ToDictionary(g => g.Key, g => g.Select(e => e.ErrorMessage).Distinct().ToArray()))
        {
            Status = StatusCodes.Status400BadRequest,
            Title = "The request is not valid.",
        },
        DomainException domain => new ProblemDetails
        {
            Status = domain.Error.Kind switch
            {
                ErrorKind.Validation => StatusCodes.Status400BadRequest,
                ErrorKind.NotFound => StatusCodes.Status404NotFound,
                ErrorKind.Conflict => StatusCodes.Status409Conflict,
                ErrorKind.Forbidden => StatusCodes.Status403Forbidden,
                _ => StatusCodes.Status422UnprocessableEntity,
            },
            Title = domain.Error.Message,
            Type = $"urn:court:error:{domain.Error.Code}",
            Extensions = { ["code"] = domain.Error.Code },
        },
        WrongExpectedVersionException conflict => new ProblemDetails
        {
            // A stale If-Match is a failed precondition; without one it is a plain write conflict.
            Status = httpContext.Request.Headers.IfMatch.Count > 0 ? StatusCodes.Status412PreconditionFailed : StatusCodes.Status409Conflict,
            Title = "Someone else changed this record first. Reload it and try again.",
            Detail = conflict.Message,
            Type = "urn:court:error:concurrency",
            Extensions = { ["currentVersion"] = conflict.ActualVersion },
        },
        DuplicateEventIdException duplicate => new ProblemDetails
        {
            Status = StatusCodes.Status409Conflict,
            Title = "This change was already recorded elsewhere.",
            Detail = duplicate.Message,
            Type = "urn:court:error:duplicate-event",
        },
        WorkflowTriggerNotPermittedException notPermitted => new ProblemDetails
        {
            Status = StatusCodes.Status409Conflict,
            Title = notPermitted.Message,
            Type = "urn:court:error:workflow.trigger-not-permitted",
            Extensions = { ["code"] = "workflow.trigger-not-permitted", ["state"] = notPermitted.State, ["trigger"] = notPermitted.Trigger, ["permittedTriggers"] = notPermitted.Permitted },
        },
        NotAuthenticatedException => new ProblemDetails { Status = StatusCodes.Status401Unauthorized, Title = "Sign in first." },
        ForbiddenException forbidden => new ProblemDetails { Status = StatusCodes.Status403Forbidden, Title = "You may not do this.", Detail = forbidden.Message },
        ResourceNotFoundException => new ProblemDetails { Status = StatusCodes.Status404NotFound, Title = "Not found." },
        BadHttpRequestException bad => new ProblemDetails
        {
            Status = bad.StatusCode,
            Title = bad.StatusCode == StatusCodes.Status413PayloadTooLarge ? "The request body is too large." : "The request could not be read.",
            Detail = bad.InnerException is JsonException json ? json.Message : bad.Message,
        },
        JsonException json => new ProblemDetails { Status = StatusCodes.Status400BadRequest, Title = "The request body is not valid JSON.", Detail = json.Message },
        // Disk full, database unreachable or restarting: nothing the caller did; try again shortly (decision 0112).
        _ when Court.Infrastructure.Persistence.StoreFaults.IsUnavailable(exception) => new ProblemDetails
        {
            Status = StatusCodes.Status503ServiceUnavailable,
            Title = "The court's database is not available right now. Try again shortly.",
            Type = "urn:court:error:store-unavailable",
        },
        _ => null,
    };
}
