using System.Net.Http.Headers;
using System.Net.Http.Json;
using Court.Application.Demo;
using Court.Application.GovernmentDebtors;
using Court.Infrastructure.Persistence;
using Court.Web.Tests.Bankruptcy.Support;
using Court.Web.Tests.GovernmentDebtors.Support;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Court.Web.Tests.GovernmentDebtors;

/// <summary>
/// A database from before <see cref="GovernmentDebtCaseView"/> had its <c>court</c> key: the clerk's docket, filtered
/// on it, is empty until the host starts again and rewrites the collection's keys (decision 0160), with no operator step.
/// </summary>
public sealed class UpgradedKeysTests(GovernmentDebtApi api) : IClassFixture<GovernmentDebtApi>
{
    [Fact]
    public async Task A_clerks_docket_lists_a_case_stored_without_the_court_key_once_the_host_has_started()
    {
        var id = await api.OpenAsync(8401);
        await api.InScopeAsync(async services =>
        {
            await using var connection = await services.GetRequiredService<ConnectionFactory>().OpenAsync();
            await using var command = connection.Command(null, "DELETE FROM document_keys WHERE collection = @c AND name = @n")
                .With("@c", Court.Application.Projections.CollectionAttribute.NameOf(typeof(GovernmentDebtCaseView))).With("@n", GovernmentDebtCaseView.CourtKey);
            Assert.True(await command.ExecuteNonQueryAsync() > 0);
        });
        Assert.DoesNotContain(id, await DocketAsync(api, "clerk"));

        await using var restarted = api.WithWebHostBuilder(_ => { });

        Assert.Contains(id, await DocketAsync(restarted, "clerk"));
    }

    private static async Task<List<string>> DocketAsync(WebApplicationFactory<Program> host, string user)
    {
        using var client = host.CreateClient();
        using var token = await client.PostAsJsonAsync("/api/auth/token", new { username = user, password = DemoUsers.Password });
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", (await token.ReadJsonAsync()).GetProperty("access_token").GetString());
        var docket = await client.GetJsonAsync("/api/government-debts/docket?limit=200");
        return [.. docket.GetProperty("items").EnumerateArray().Select(e => e.GetProperty("id").GetString()!)];
    }
}
