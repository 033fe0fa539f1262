using Court.Application.Demo;
using Court.Application.SmallClaims.Filing;
using Court.Application.SmallClaims.Thresholds;
using Microsoft.Extensions.DependencyInjection;
using static Court.Web.Tests.Authorization.Callers;

namespace Court.Web.Tests.Authorization;

/// <summary>
/// The workflow runtime's endpoints. Definitions and one's own task inbox are for anyone signed in; an instance's
/// actions and diagram follow the shared visibility rule (Access.CanSee: a small-claims case's court clerks and judges;
/// everyone else 404 — the court president too, though the small-claims case API shows him the case: see the closing
/// note of the session that wrote this); moving an instance between versions is the system administrator's alone.
/// </summary>
public sealed class WorkflowMatrix : IMatrixRows
{
    public async Task SeedAsync(MatrixState state, IServiceProvider services)
    {
        var scopes = services.GetRequiredService<IServiceScopeFactory>();
        await scopes.SendAsAsync(DemoUsers.SystemAdministrator, new ConfirmSmallClaimsThreshold("CQ", new DateOnly(2022, 1, 1), "matrix"));
        var filed = await scopes.SendAsAsync(DemoUsers.Clerk, new FileSmallClaimsCase("(2022)渝0116民初9001号", "甲公司", "乙", "judge", 40_000m, "monetary", false, null));
        state["workflow-instance"] = "small-claims-case-" + filed.Id;
    }


    private static string Instance(MatrixState s) => "/api/workflow-instances/" + Uri.EscapeDataString(s["workflow-instance"]);

    public IEnumerable<MatrixRow> Rows =>
    [
        new("GET", "/api/workflows", _ => "/api/workflows", Expect(401, 200)),
        new("GET", "/api/workflows/{id}/{version:int}", _ => "/api/workflows/small-claims/1", Expect(401, 200)),
        new("GET", "/api/tasks", _ => "/api/tasks", Expect(401, 200)),
        // A small-claims case's instance: whoever may read the case (its court's staff and the president).
        new("GET", "/api/workflow-instances/{stream}/actions", s => Instance(s) + "/actions",
            Expect(401, 404, Each(200, "clerk", "judge", "president"))),
        new("GET", "/api/workflow-instances/{stream}/diagram", s => Instance(s) + "/diagram",
            Expect(401, 404, Each(200, "clerk", "judge", "president"))),
        // Only the system administrator passes the rule; small claims has no version 2, so his move is refused on its merits.
        new("POST", "/api/workflow-instances/{stream}/move", s => Instance(s) + "/move",
            Expect(401, 403, Each(404, "sysadmin")),
            Body: (_, _) => new { toVersion = 2, reason = "matrix" }),
    ];
}
