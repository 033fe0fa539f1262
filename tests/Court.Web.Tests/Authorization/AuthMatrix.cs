using static Court.Web.Tests.Authorization.Callers;

namespace Court.Web.Tests.Authorization;

public sealed class AuthMatrix : IMatrixRows
{
    public Task SeedAsync(MatrixState state, IServiceProvider services) => Task.CompletedTask;

    public IEnumerable<MatrixRow> Rows =>
    [
        // Anyone may ask for a token; a demo user's own password gets one, an unknown user 401.
        new("POST", "/api/auth/token", _ => "/api/auth/token", Expect(401, 200),
            Body: (_, user) => new { username = user ?? "nobody", password = "Court!2022" }),
        new("GET", "/api/auth/me", _ => "/api/auth/me", Expect(401, 200)),
    ];
}
