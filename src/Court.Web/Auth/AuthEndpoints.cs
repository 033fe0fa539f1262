using Court.Application.Common;
using Court.Web.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Court.Web.Auth;

public sealed record Caller(string UserName, string? DisplayName, IReadOnlyList<string> Roles, string? Agency, string? Court);

public static class AuthEndpoints
{
    public static IEndpointRouteBuilder MapAuthEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/auth/token", IssueToken)
            .AllowAnonymous()
            .WithMetadata(ThrottledSignIn.Instance)
            .WithTags("Auth")
            .WithName("IssueToken")
            .WithSummary("Exchange a user name and password for a bearer token (agency systems).")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized);
        app.MapGet("/api/auth/me", Me)
            .WithTags("Auth")
            .WithName("GetCaller")
            .WithSummary("Who the caller is: user name, display name, roles, agency and court.");
        return app;
    }

    private static Ok<Caller> Me(HttpContext context, ICallerContext caller) =>
        TypedResults.Ok(new Caller(caller.UserId, CourtClaims.DisplayNameOf(context.User), [.. caller.Roles.Order(StringComparer.Ordinal)], caller.Agency, caller.Court));

    private static async Task<Results<Ok<TokenResponse>, ProblemHttpResult>> IssueToken(TokenRequest request, PasswordCheck passwords, TokenService tokens, HttpContext http)
    {
        if (string.IsNullOrWhiteSpace(request.Username) || string.IsNullOrEmpty(request.Password))
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "The request is not valid.", detail: "Give both username and password.");
        }

        var outcome = await passwords.CheckAsync(request.Username, request.Password, PasswordCheck.ClientAddressOf(http));
        if (outcome.RetryAfter is { } wait)
        {
            http.Response.Headers.RetryAfter = ((long)wait.TotalSeconds).ToString(System.Globalization.CultureInfo.InvariantCulture);
            return TypedResults.Problem(statusCode: StatusCodes.Status429TooManyRequests, title: "Too many failed sign-ins. Try again later.");
        }

        // Unknown user, wrong password and locked-out account read the same, so accounts cannot be probed.
        return outcome.User is { } user
            ? TypedResults.Ok(await tokens.IssueAsync(user))
            : TypedResults.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "Wrong user name or password, or the account is locked.");
    }
}
