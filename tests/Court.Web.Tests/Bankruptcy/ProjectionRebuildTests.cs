using System.Net;
using System.Text.Json;
using Court.Application.Bankruptcy.ReadModels;
using Court.Application.Projections;
using Court.Infrastructure.EventStore;
using Court.Web.Tests.Bankruptcy.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Court.Web.Tests.Bankruptcy;

/// <summary>Every bankruptcy read model rebuilt from the log comes out as it was kept inline.</summary>
public sealed class ProjectionRebuildTests(ApiWithNoticeAtTheBureau api) : IClassFixture<ApiWithNoticeAtTheBureau>
{
    [Fact]
    public async Task Rebuilding_the_bankruptcy_projections_gives_the_same_documents()
    {
        // Take the case through every kind of stream first: a notice executed, an agenda item, a disposal.
        var bureau = await api.AsBureau();
        await (await bureau.PostJsonAsync($"/api/notices/{api.NoticeId}/query", new { text = "请核实" })).ReadJsonAsync(HttpStatusCode.OK);
        await (await bureau.PostJsonAsync($"/api/notices/{api.NoticeId}/execute", new { registrationReference = "注销查封2022-1", executedOn = api.Today() })).ReadJsonAsync(HttpStatusCode.OK);
        await (await (await api.AsAdministrator()).PostJsonAsync($"/api/assets/{api.AssetId}/schedule-disposal", new { method = "Auction", platform = "人民法院诉讼资产网", scheduledOn = api.Today(), reservePriceFen = 1_000_000L })).ReadJsonAsync(HttpStatusCode.OK);
        var other = await api.NewNoticeAsync(api.CaseId);
        await (await (await api.AsBureau()).PostJsonAsync($"/api/notices/{other}/cannot-execute", new { reason = "查无此单元" })).ReadJsonAsync(HttpStatusCode.OK);

        var before = await SnapshotAsync();
        var rebuilder = api.Services.GetRequiredService<ProjectionRebuilder>();
        foreach (var projection in rebuilder.Projections.Where(p => p.Name.StartsWith("bankruptcy-", StringComparison.Ordinal)))
        {
            await rebuilder.RebuildAsync(projection, null, CancellationToken.None);
        }

        var after = await SnapshotAsync();
        Assert.Equal(before.Keys.Order(), after.Keys.Order());
        foreach (var (key, json) in before)
        {
            Assert.True(json == after[key], $"{key} differs after the rebuild:\n{json}\n{after[key]}");
        }
    }

    private async Task<Dictionary<string, string>> SnapshotAsync()
    {
        var reads = api.Services.GetRequiredService<IReadModels>();
        var snapshot = new Dictionary<string, string>(StringComparer.Ordinal);
        void Add<T>(string kind, IEnumerable<T> documents, Func<T, string> id)
        {
            foreach (var d in documents)
            {
                snapshot[kind + ":" + id(d)] = JsonSerializer.Serialize(d);
            }
        }

        Add("case", await reads.ListAsync<CaseView>(), c => c.Id);
        Add("request", await reads.ListAsync<ReleaseRequestView>(), r => r.Id);
        Add("notice", await reads.ListAsync<NoticeView>(), n => n.Id);
        Add("agenda", await reads.ListAsync<AgendaItemView>(), a => a.Id);
        return snapshot;
    }
}
