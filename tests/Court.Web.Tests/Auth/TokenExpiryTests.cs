using System.Net;
using Court.Web.Tests.Support;

namespace Court.Web.Tests.Auth;

public sealed class TokenExpiryTests(CourtWebFactory app) : IClassFixture<CourtWebFactory>
{
    [Fact]
    public async Task A_token_is_refused_once_its_hour_has_passed()
    {
        using var client = await app.CreateClientAs("nrb");
        using (var fresh = await client.GetAsync(new Uri("/api/auth/me", UriKind.Relative)))
        {
            Assert.Equal(HttpStatusCode.OK, fresh.StatusCode);
        }

        app.Clock.Advance(TimeSpan.FromMinutes(59));
        using (var late = await client.GetAsync(new Uri("/api/auth/me", UriKind.Relative)))
        {
            Assert.Equal(HttpStatusCode.OK, late.StatusCode);
        }

        app.Clock.Advance(TimeSpan.FromMinutes(2));
        using var expired = await client.GetAsync(new Uri("/api/auth/me", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Unauthorized, expired.StatusCode);
        Assert.Equal("application/problem+json", expired.Content.Headers.ContentType?.MediaType);
    }
}
