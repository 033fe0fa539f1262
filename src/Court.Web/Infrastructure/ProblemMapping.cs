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
        // The request's culture was set further in and did not flow back out with the exception.
        if (httpContext.Features.Get<Microsoft.AspNetCore.Localization.IRequestCultureFeature>()?.RequestCulture is { } culture)
        {
            System.Globalization.CultureInfo.CurrentCulture = culture.Culture;
            System.Globalization.CultureInfo.CurrentUICulture = culture.UICulture;
        }

        var problem = ToProblem(httpContext, exception);
        if (Ui.PageErrors.IsPage(httpContext.Request))
        {
            // A person reads this: the page exception handler shows the error page with this status.
            httpContext.Response.StatusCode = problem?.Status ?? StatusCodes.Status500InternalServerError;
            return false;
        }

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

    /// <summary>A validator's property path as the JSON body spells it: <c>Actions[0].Owner</c> → <c>actions[0].owner</c>.</summary>
    public static string FieldOf(string propertyPath) =>
        string.Join('.', propertyPath.Split('.').Select(JsonNamingPolicy.CamelCase.ConvertName));

    public static ProblemDetails? ToProblem(HttpContext httpContext, Exception exception) => exception switch
    {
        ValidationException validation => new HttpValidationProblemDetails(
            validation.Errors.GroupBy(e => FieldOf(e.PropertyName))
                .ToDictionary(g => g.Key, g => g.Select(e => e.ErrorMessage).Distinct().ToArray()))
        {
            Status = StatusCodes.Status400BadRequest,
            Title = Localized.Say("请求有误。", "The request is not valid."),
            Type = "urn:court:error:validation",
        },
        DomainException domain => FromDomain(domain.Error),
        WrongExpectedVersionException conflict => new ProblemDetails
        {
            // A stale If-Match is a failed precondition; without one it is a plain write conflict.
            Status = httpContext.Request.Headers.IfMatch.Count > 0 ? StatusCodes.Status412PreconditionFailed : StatusCodes.Status409Conflict,
            Title = Localized.Say("此记录已被他人修改，请重新读取后再试。", "Someone else changed this record first. Reload it and try again."),
            Type = "urn:court:error:concurrency",
            Extensions = { ["currentVersion"] = conflict.ActualVersion },
        },
        DuplicateEventIdException => new ProblemDetails
        {
            Status = StatusCodes.Status409Conflict,
            Title = Localized.Say("此变更已在别处记录。", "This change was already recorded elsewhere."),
            Type = "urn:court:error:duplicate-event",
        },
        // A newer build wrote to this record: refuse to decide on part of its history, and say so plainly (no stack trace).
        UnknownEventTypeException unknown => new ProblemDetails
        {
            Status = StatusCodes.Status409Conflict,
            Title = Localized.Say(
                $"此记录含有本版本无法识别的事件（{unknown.EventType}），请升级后再操作。",
                $"This record holds an event ({unknown.EventType}) that this version of Court does not know; upgrade before acting on it."),
            Type = "urn:court:error:unknown-event-type",
            Extensions = { ["code"] = "record.unknown-event-type", ["streamId"] = unknown.StreamId, ["eventType"] = unknown.EventType },
        },
        WorkflowTriggerNotPermittedException notPermitted => new ProblemDetails
        {
            Status = StatusCodes.Status409Conflict,
            Title = notPermitted.Message,
            Type = "urn:court:error:workflow.trigger-not-permitted",
            Extensions = { ["code"] = "workflow.trigger-not-permitted", ["state"] = notPermitted.State, ["trigger"] = notPermitted.Trigger, ["permittedTriggers"] = notPermitted.Permitted },
        },
        NotAuthenticatedException => new ProblemDetails { Status = StatusCodes.Status401Unauthorized, Title = Localized.Say("请先登录。", "Sign in first.") },
        ForbiddenException forbidden => new ProblemDetails { Status = StatusCodes.Status403Forbidden, Title = Localized.Say("无权执行此操作。", "You may not do this."), Detail = forbidden.Message },
        ResourceNotFoundException => new ProblemDetails { Status = StatusCodes.Status404NotFound, Title = Localized.Say("未找到。", "Not found.") },
        InvalidHeaderException header => new HttpValidationProblemDetails(new Dictionary<string, string[]> { [header.Header] = [header.Message] })
        {
            Status = StatusCodes.Status400BadRequest,
            Title = Localized.Say("请求有误。", "The request is not valid."),
            Type = "urn:court:error:validation",
        },
        BadHttpRequestException bad => RequestProblems.From(httpContext, bad),
        JsonException json => RequestProblems.From(httpContext, new BadHttpRequestException(json.Message, StatusCodes.Status400BadRequest, json)),
        // Disk full, database unreachable or restarting: nothing the caller did; try again shortly (decision 0112).
        _ when Court.Infrastructure.Persistence.StoreFaults.IsUnavailable(exception) => new ProblemDetails
        {
            Status = StatusCodes.Status503ServiceUnavailable,
            Title = Localized.Say("法院数据库暂时不可用，请稍后重试。", "The court's database is not available right now. Try again shortly."),
            Type = "urn:court:error:store-unavailable",
        },
        _ => null,
    };

    /// <summary>
    /// A broken rule: its code, its message, and the field it concerns when it names one (as <c>field</c>, and for a
    /// 400 also under <c>errors</c>, the shape of every other bad-input answer).
    /// </summary>
    private static ProblemDetails FromDomain(DomainError error)
    {
        var status = error.Kind switch
        {
            ErrorKind.Validation => StatusCodes.Status400BadRequest,
            ErrorKind.NotFound => StatusCodes.Status404NotFound,
            ErrorKind.Conflict => StatusCodes.Status409Conflict,
            ErrorKind.Forbidden => StatusCodes.Status403Forbidden,
            _ => StatusCodes.Status422UnprocessableEntity,
        };
        ProblemDetails problem = status == StatusCodes.Status400BadRequest && error.Field is { } field
            ? new HttpValidationProblemDetails(new Dictionary<string, string[]> { [field] = [Localized.Of(error)] })
            : new ProblemDetails();
        problem.Status = status;
        problem.Title = Localized.Of(error);
        problem.Type = $"urn:court:error:{error.Code}";
        problem.Extensions["code"] = error.Code;
        if (error.Field is not null)
        {
            problem.Extensions["field"] = error.Field;
        }

        return problem;
    }
}
