using Court.Web.Tests.Support;

namespace Court.Web.Tests.Authorization;

/// <summary>A court where every capability's matrix seeding has run: the state the matrix rows point at.</summary>
public sealed class MatrixCourt : CourtWebFactory
{
    public MatrixState State { get; } = new();

    // Every caller asks each public row (verify, the agent check, the public list) from one client address: the shared
    // per-IP limit would answer 429 to whichever row comes last. The limit has its own tests.
    protected override IReadOnlyDictionary<string, string?> ExtraSettings => new Dictionary<string, string?>
    {
        ["Court:Documents:Verify:PermitLimit"] = "10000",
    };

    protected override async Task SeedAsync()
    {
        foreach (var capability in MatrixCatalog.Capabilities)
        {
            await InScopeAsync(services => capability.SeedAsync(State, services));
        }
    }
}
