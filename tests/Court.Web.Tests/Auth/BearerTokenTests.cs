using System.Net;
using System.Net.Http.Json;
using Court.Application.Common;
using Court.Domain.Common;
using Court.Web.Auth;
using Court.Web.Tests.Support;

namespace Court.Web.Tests.Auth;

public sealed class BearerTokenTests(CourtWebFactory app) : IClassFixture<CourtWebFactory>
{
    [Fact]
    public async Task A_demo_user_gets_a_bearer_token_for_his_password()
    {
        using var client = app.CreateClient();
        using var response = await client.PostAsJsonAsync("/api/auth/token", new { username = "judge", password = "Court!2022" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<Dictionary<string, System.Text.Json.JsonElement>>();
        Assert.NotNull(body);
        Assert.Equal("Bearer", body["token_type"].GetString());
        Assert.Equal(3600, body["expires_in"].GetInt64());
        Assert.Equal(3, body["access_token"].GetString()!.Split('.').Length);
    }

    [Theory]
    [InlineData("judge", "wrong-password")]
    [InlineData("nobody", "Court!2022")]
    public async Task Wrong_credentials_are_a_401_problem(string userName, string password)
    {
        using var client = app.CreateClient();
        using var response = await client.PostAsJsonAsync("/api/auth/token", new { username = userName, password });

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task A_token_request_without_a_password_is_a_400_problem()
    {
        using var client = app.CreateClient();
        using var response = await client.PostAsJsonAsync("/api/auth/token", new { username = "judge" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task An_anonymous_api_call_is_a_401_problem_not_a_redirect()
    {
        using var client = app.CreateClient(new() { AllowAutoRedirect = false });
        using var response = await client.GetAsync(new Uri("/api/auth/me", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task A_forged_token_is_a_401_problem()
    {
        var token = await app.GetTokenAsync("clerk");
        using var client = app.CreateClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", token[..^4] + "AAAA");
        using var response = await client.GetAsync(new Uri("/api/auth/me", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains("invalid_token", response.Headers.WwwAuthenticate.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("clerk", Roles.Clerk, null)]
    [InlineData("judge", Roles.Judge, null)]
    [InlineData("admin", Roles.Administrator, null)]
    [InlineData("nrb", Roles.AgencyOfficer, "nrb-jiangjin")]
    [InlineData("psb", Roles.AgencyOfficer, "psb-vehicles-jiangjin")]
    [InlineData("bank", Roles.AgencyOfficer, "bank-ccb-jiangjin")]
    [InlineData("market", Roles.AgencyOfficer, "market-jiangjin")]
    [InlineData("supervisor", Roles.SupervisionOfficer, "supervision-jiangjin")]
    [InlineData("carrier", Roles.CarrierOperator, "ems-jiangjin")]
    [InlineData("sysadmin", Roles.SystemAdministrator, null)]
    public async Task Each_demo_user_is_seeded_with_his_role_and_agency(string userName, string role, string? agency)
    {
        using var client = await app.CreateClientAs(userName);
        var me = await client.GetFromJsonAsync<Caller>("/api/auth/me");

        Assert.NotNull(me);
        Assert.Equal(userName, me.UserName);
        Assert.Equal([role], me.Roles);
        Assert.Equal(agency, me.Agency);
        Assert.Equal(agency, Agencies.Find(agency)?.Code);
        Assert.Equal(role is Roles.Clerk or Roles.Judge ? "渝0116" : null, me.Court);
    }
}
