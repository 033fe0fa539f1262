using Court.Web.Tests.Support;

namespace Court.Web.Tests.Authorization;

/// <summary>A court where every capability's matrix seeding has run: the state the matrix rows point at.</summary>
public sealed class MatrixCourt : CourtWebFactory
{
    public MatrixState State { get; } = new();

    protected override async Task SeedAsync()
    {
        foreach (var capability in MatrixCatalog.Capabilities)
        {
            await InScopeAsync(services => capability.SeedAsync(State, services));
        }
    }
}
