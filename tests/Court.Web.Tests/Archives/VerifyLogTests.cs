using System.Net;
using Court.Infrastructure.Persistence;
using Court.Web.Tests.Bankruptcy.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Court.Web.Tests.Archives;

/// <summary>A court whose log this class alters: two cases, so two streams can be broken.</summary>
public sealed class CourtToTamperWith : BankruptcyApi
{
    protected override async Task GivenAsync()
    {
        var first = await this.OpenCaseAsync("(2022)渝0116破1号");
        await this.RegisterBuildingAsync(first);
        await this.OpenCaseAsync("(2022)渝0116破2号");
    }
}

/// <summary>The `verify` verb and GET /api/archives/verify walk the whole log and name the first break of every broken stream.</summary>
public sealed class VerifyLogTests(CourtToTamperWith court) : IClassFixture<CourtToTamperWith>
{
    [Fact]
    public async Task Every_broken_stream_is_reported_once_at_its_first_break_by_the_endpoint_and_the_verb()
    {
        var sysadmin = await court.As("sysadmin");
        var intact = await (await sysadmin.GetAsync("/api/archives/verify")).ReadJsonAsync(HttpStatusCode.OK);
        Assert.True(intact.GetProperty("isIntact").GetBoolean());
        Assert.True(intact.GetProperty("eventsChecked").GetInt64() > 0);

        var (caseA, caseB) = await TamperAsync();

        var report = await (await sysadmin.GetAsync("/api/archives/verify")).ReadJsonAsync(HttpStatusCode.OK);
        var breaks = report.GetProperty("breaks").EnumerateArray().Select(b => (Stream: b.GetProperty("streamId").GetString(), Version: b.GetProperty("version").GetInt64())).ToList();
        Assert.False(report.GetProperty("isIntact").GetBoolean());
        Assert.Equal([(caseA, 0L), (caseB, 0L)], breaks.OrderBy(b => b.Stream, StringComparer.Ordinal).ToList());
        Assert.Equal(HttpStatusCode.Forbidden, (await (await court.AsClerk()).GetAsync("/api/archives/verify")).StatusCode);

        using var output = new StringWriter();
        var exit = await CommandLine.VerifyAsync([.. court.Data.Settings.Select(s => $"--{s.Key}={s.Value}"), "--Court:Demo:Enabled=false"], output);

        Assert.Equal(CommandLine.ChainBroken, exit);
        var lines = output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Single(lines, l => l.StartsWith($"BROKEN {caseA} at version 0 ", StringComparison.Ordinal));
        Assert.Single(lines, l => l.StartsWith($"BROKEN {caseB} at version 0 ", StringComparison.Ordinal));
        Assert.Equal(2, lines.Count(l => l.StartsWith("BROKEN ", StringComparison.Ordinal)));
    }

    /// <summary>Alters the first two events of one case stream and the first of another, as someone editing the database would.</summary>
    private async Task<(string, string)> TamperAsync()
    {
        await using var scope = court.Services.CreateAsyncScope();
        await using var connection = await scope.ServiceProvider.GetRequiredService<ConnectionFactory>().OpenAsync();
        var streams = new List<string>();
        await using (var find = connection.Command(null, "SELECT stream_id FROM streams WHERE stream_id LIKE 'bankruptcy-case-%' ORDER BY version DESC, stream_id"))
        await using (var reader = await find.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                streams.Add(reader.GetString(0));
            }
        }

        var (a, b) = (streams[0], streams[1]);
        await using (var alter = connection.Command(null, "UPDATE events SET data = data || ' ' WHERE (stream_id = @a AND version <= 1) OR (stream_id = @b AND version = 0)").With("@a", a).With("@b", b))
        {
            Assert.Equal(3, await alter.ExecuteNonQueryAsync());
        }

        return (a, b);
    }
}
