using System.Net;
using System.Net.Http.Json;
using Court.Web.Tests.Support;

namespace Court.Web.Tests.Auth;

public sealed class LockoutTests(CourtWebFactory app) : IClassFixture<CourtWebFactory>
{
    [Fact]
    public async Task Five_wrong_passwords_lock_the_account_so_the_right_one_is_refused_too()
    {
        using var client = app.CreateClient();
        for (var i = 0; i < 5; i++)
        {
            using var wrong = await client.PostAsJsonAsync("/api/auth/token", new { username = "bank", password = "guess-" + i });
            Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        }

        using var right = await client.PostAsJsonAsync("/api/auth/token", new { username = "bank", password = "Court!2022" });
        Assert.Equal(HttpStatusCode.Unauthorized, right.StatusCode);

        using var other = await client.PostAsJsonAsync("/api/auth/token", new { username = "market", password = "Court!2022" });
        Assert.Equal(HttpStatusCode.OK, other.StatusCode);
    }
}
