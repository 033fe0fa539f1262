using Court.Application.Projections;
using Court.Infrastructure.EventStore;
using Court.Infrastructure.Persistence;
using Microsoft.Extensions.DependencyInjection;

namespace Court.Testing;

public static class Projections
{
    /// <summary>
    /// Waits until every async projection's checkpoint has reached the end of the log as it is now (the daemon must be
    /// running: see <see cref="CourtServices.StartHostedServicesAsync"/> or a started web host).
    /// </summary>
    public static async Task WaitForProjectionsAsync(this IServiceProvider services, TimeSpan? timeout = null)
    {
        var connections = services.GetRequiredService<ConnectionFactory>();
        var names = services.GetServices<IProjection>().Where(p => p.Mode == ProjectionMode.Async).Select(p => p.Name).ToList();
        await using var connection = await connections.OpenAsync();
        await using var head = connection.Command(null, "SELECT COALESCE(MAX(position), 0) FROM events");
        var end = Convert.ToInt64(await head.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(30));
        foreach (var name in names)
        {
            long checkpoint;
            while ((checkpoint = await ProjectionDaemon.ReadCheckpointAsync(connection, name, CancellationToken.None)) < end)
            {
                if (DateTime.UtcNow > deadline)
                {
                    throw new TimeoutException($"Async projection '{name}' is at position {checkpoint}; the log ends at {end}.");
                }

                await Task.Delay(10);
            }
        }
    }
}
