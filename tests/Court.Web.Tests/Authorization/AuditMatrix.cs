using static Court.Web.Tests.Authorization.Callers;

namespace Court.Web.Tests.Authorization;

public sealed class AuditMatrix : IMatrixRows
{
    public Task SeedAsync(MatrixState state, IServiceProvider services) => Task.CompletedTask;

    public IEnumerable<MatrixRow> Rows =>
    [
        // The read-audit trail names who read which case: the system administrator, who keeps the records, only.
        new("GET", "/api/audit/reads", _ => "/api/audit/reads",
            Expect(401, 403, Each(200, "sysadmin"))),
    ];
}
