using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Routing.Template;
using Microsoft.Net.Http.Headers;

namespace Court.Web.Infrastructure;

/// <summary>
/// What an /api request that matched no endpoint is told. Routing hands the catch-all fallback every request whose
/// content type or method no endpoint accepts, so without this a JSON endpoint sent text/plain answered 404; here it is
/// 415 when an endpoint at that path takes the method but not the content type, 405 (with Allow) when one takes another
/// method, and a 404 problem otherwise.
/// </summary>
public static class ApiFallback
{
    public const string Pattern = "/api/{**path}";

    public static IResult Answer(HttpContext http)
    {
        var endpoints = http.RequestServices.GetRequiredService<EndpointDataSource>();
        var request = http.Request;
        var allowed = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var endpoint in endpoints.Endpoints.OfType<RouteEndpoint>())
        {
            if (endpoint.RoutePattern.RawText == Pattern || !new TemplateMatcher(new RouteTemplate(endpoint.RoutePattern), []).TryMatch(request.Path, []))
            {
                continue;
            }

            var methods = endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods;
            if (methods is { Count: > 0 } && !methods.Contains(request.Method, StringComparer.OrdinalIgnoreCase))
            {
                allowed.UnionWith(methods);
                continue;
            }

            if (endpoint.Metadata.GetMetadata<IAcceptsMetadata>() is { ContentTypes.Count: > 0 } accepts && !Accepts(accepts, request.ContentType))
            {
                return Results.Problem(RequestProblems.UnsupportedMediaType());
            }
        }

        if (allowed.Count > 0)
        {
            http.Response.Headers.Allow = string.Join(", ", allowed);
            return Results.Problem(statusCode: StatusCodes.Status405MethodNotAllowed, title: Localized.Say("此地址不接受该请求方法。", "This address does not take that method."), detail: string.Join(", ", allowed));
        }

        return Results.Problem(statusCode: StatusCodes.Status404NotFound, title: Localized.Say("没有此资源。", "No such resource."));
    }

    private static bool Accepts(IAcceptsMetadata accepts, string? contentType) =>
        MediaTypeHeaderValue.TryParse(contentType, out var sent)
        && accepts.ContentTypes.Any(t => MediaTypeHeaderValue.TryParse(t, out var taken) && sent.IsSubsetOf(taken));
}
