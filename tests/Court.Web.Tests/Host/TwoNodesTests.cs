using System.Net;
using System.Net.Http.Headers;
using Court.Application.Demo;
using Court.Application.Documents;
using Court.Infrastructure.Leadership;
using Court.Infrastructure.Persistence;
using Court.Web.Tests.Bankruptcy.Support;
using Court.Web.Tests.Support;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Court.Web.Tests.Host;

/// <summary>Two nodes of the court on one PostgreSQL database (decision 0111): always on PostgreSQL, whatever COURT_TEST_POSTGRES says.</summary>
public sealed class TwoNodesTests
{
    [Fact]
    public async Task Two_nodes_started_at_the_same_instant_on_an_empty_database_both_start_and_seed_once()
    {
        for (var round = 0; round < 3; round++)
        {
            await using var data = await HostData.CreateAsync(DatabaseProvider.PostgreSql);
            await using var first = new Node(data);
            await using var second = new Node(data);

            using var go = new Barrier(2);
            await Task.WhenAll(
                Task.Run(async () => { go.SignalAndWait(); await first.InitializeAsync(); }),
                Task.Run(async () => { go.SignalAndWait(); await second.InitializeAsync(); }));

            foreach (var node in new[] { first, second })
            {
                using var client = node.CreateClient();
                Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/ready")).StatusCode);
            }

            await using var scope = first.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<CourtDbContext>();
            Assert.Equal(Court.Application.Common.Roles.All.Count, await db.Set<IdentityRole>().CountAsync());
            Assert.Equal(DemoUsers.All.Count, await db.Users.CountAsync());
        }
    }

    [Fact]
    public async Task A_token_a_cookie_the_keys_and_the_data_of_one_node_are_good_on_the_other_and_one_node_leads()
    {
        await using var data = await HostData.CreateAsync(DatabaseProvider.PostgreSql);
        await using var first = new Node(data);
        await using var second = new Node(data);
        await first.InitializeAsync();
        await second.InitializeAsync();

        // A bearer token issued by the first node.
        using var tokenAtSecond = second.CreateClient();
        tokenAtSecond.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await first.GetTokenAsync("clerk"));
        Assert.Equal(HttpStatusCode.OK, (await tokenAtSecond.GetAsync("/api/bankruptcy-cases")).StatusCode);

        // A staff cookie signed in on the first node.
        using var browserAtFirst = first.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        using var login = await CookieSignIn.PostLoginAsync(browserAtFirst, "judge");
        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        var cookie = login.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0]).Single(c => c.StartsWith("court.auth=", StringComparison.Ordinal));
        using var browserAtSecond = second.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        using var page = new HttpRequestMessage(HttpMethod.Get, "/Bankruptcy");
        page.Headers.Add("Cookie", cookie);
        Assert.Equal(HttpStatusCode.OK, (await browserAtSecond.SendAsync(page)).StatusCode);

        // A write on one node is read on the other.
        using var clerkAtFirst = await first.CreateClientAs("clerk");
        var opened = await clerkAtFirst.PostJsonAsync("/api/bankruptcy-cases", Samples.OpenCase());
        var caseId = (await opened.ReadJsonAsync(HttpStatusCode.Created)).GetProperty("id").GetString();
        Assert.Equal(HttpStatusCode.OK, (await tokenAtSecond.GetAsync($"/api/bankruptcy-cases/{caseId}")).StatusCode);

        // One document verification key, one leader.
        Assert.Equal(
            Convert.ToBase64String(first.Services.GetRequiredService<IVerificationKey>().Key),
            Convert.ToBase64String(second.Services.GetRequiredService<IVerificationKey>().Key));
        var elections = new[] { first, second }.Select(n => n.Services.GetRequiredService<LeaderElection>()).ToList();
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (!elections.Any(e => e.IsLeader) && DateTime.UtcNow < deadline)
        {
            Assert.False(elections.All(e => e.IsLeader));
            await Task.Delay(100);
        }

        Assert.Single(elections, e => e.IsLeader);
    }
}

/// <summary>One node of several on one database.</summary>
public sealed class Node(HostData shared) : CourtWebFactory(shared);
