using System.Net;
using System.Net.Http.Json;
using Court.Application.EventStore;
using Court.Web.Tests.Support;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Court.Web.Tests.Auth;

/// <summary>The acting user, agency and time that go into event metadata come from the real sign-in, cookie or token.</summary>
public sealed class EventMetadataTests(CourtWebFactory app) : IClassFixture<CourtWebFactory>
{
    [Fact]
    public async Task A_command_sent_with_a_bearer_token_records_the_user_and_the_clock()
    {
        using var client = await app.CreateClientAs("clerk");
        using var response = await client.PostAsJsonAsync("/api/bankruptcy-cases", OpenCase("(2022)渝0116破201号"));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);

        var metadata = await FirstEventMetadataAsync(response);
        Assert.Equal("clerk", metadata.UserId);
        Assert.Null(metadata.Agency);
        Assert.Equal(app.Clock.GetUtcNow(), metadata.OccurredAt);
    }

    [Fact]
    public async Task A_command_sent_with_the_staff_cookie_records_the_signed_in_user()
    {
        using var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        using (var signIn = await CookieSignIn.PostLoginAsync(client, "judge"))
        {
            Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        }

        // A page script sends the anti-forgery token with the cookie (docs/decisions/0100).
        client.DefaultRequestHeaders.Add("X-CSRF-TOKEN", await CookieSignIn.PageTokenAsync(client, "/"));
        using var response = await client.PostAsJsonAsync("/api/bankruptcy-cases", OpenCase("(2022)渝0116破202号"));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);

        Assert.Equal("judge", (await FirstEventMetadataAsync(response)).UserId);
    }

    private async Task<EventMetadata> FirstEventMetadataAsync(HttpResponseMessage created)
    {
        var id = (await created.Content.ReadFromJsonAsync<Dictionary<string, System.Text.Json.JsonElement>>())!["id"].GetString();
        var store = app.Services.GetRequiredService<IEventStore>();
        var events = await store.ReadStreamAsync("bankruptcy-case-" + id);
        Assert.NotEmpty(events);
        return EventTypeRegistry.ReadMetadata(events[0]);
    }

    private static object OpenCase(string caseNumber) => new
    {
        caseNumber,
        debtorName = "重庆江津某某建材有限公司",
        debtorCreditCode = "91500116MA5U5X7A8B",
        acceptedOn = "2022-04-20",
        administratorUserId = "admin",
        administratorName = "重庆某某律师事务所",
    };
}
