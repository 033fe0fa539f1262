using System.Net;
using Court.Web.Tests.Bankruptcy.Support;

namespace Court.Web.Tests.Bankruptcy;

/// <summary>The vehicle office can neither see nor act on the bureau's notice: to it, the notice does not exist.</summary>
public sealed class AgencyIsolationTests(ApiWithNoticeAtTheBureau api) : IClassFixture<ApiWithNoticeAtTheBureau>
{
    [Fact]
    public async Task The_vehicle_office_gets_404_for_every_read_and_act_and_nothing_changes()
    {
        var vehicles = await api.AsVehicleOffice();
        var before = await api.CountEventsAsync();

        Assert.Equal(HttpStatusCode.NotFound, (await vehicles.GetAsync($"/api/notices/{api.NoticeId}")).StatusCode);
        foreach (var (action, body) in new (string, object)[]
        {
            ("acknowledge", new { }),
            ("execute", new { registrationReference = "车管所伪造", executedOn = api.Today() }),
            ("query", new { text = "?" }),
            ("cannot-execute", new { reason = "x" }),
        })
        {
            var response = await vehicles.PostJsonAsync($"/api/notices/{api.NoticeId}/{action}", body);
            Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"{action}: {(int)response.StatusCode}");
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        }

        Assert.DoesNotContain(await vehicles.GetItemsAsync("/api/notices"), n => n.GetProperty("id").GetString() == api.NoticeId);
        Assert.Empty(await vehicles.GetItemsAsync("/api/notices?agency=nrb-jiangjin"));
        Assert.Equal(HttpStatusCode.NotFound, (await vehicles.GetAsync($"/api/bankruptcy-cases/{api.CaseId}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await vehicles.GetAsync($"/api/release-requests/{api.RequestId}")).StatusCode);
        Assert.Equal(before, await api.CountEventsAsync());
        Assert.Equal("Delivered", (await (await api.AsBureau()).GetJsonAsync($"/api/notices/{api.NoticeId}")).GetProperty("notice").GetProperty("status").GetString());
    }

    [Fact]
    public async Task The_bureau_sees_its_notice_in_its_inbox_and_the_bank_does_not()
    {
        Assert.Contains(await (await api.AsBureau()).GetItemsAsync("/api/notices"), n => n.GetProperty("id").GetString() == api.NoticeId);
        Assert.Empty(await (await api.AsBank()).GetItemsAsync("/api/notices"));
        Assert.Equal(HttpStatusCode.NotFound, (await (await api.AsBank()).GetAsync($"/api/notices/{api.NoticeId}")).StatusCode);
    }
}
