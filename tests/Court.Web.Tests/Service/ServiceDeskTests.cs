using System.Net;
using Court.Domain.Identifiers;
using Court.Web.Tests.Bankruptcy.Support;
using static Court.Web.Tests.Service.ServiceSteps;

namespace Court.Web.Tests.Service;

/// <summary>The clerk's desk: paged on the server by keyset, filtered by status and channel, searched by case, recipient and waybill.</summary>
[Collection(ServiceCollection.Name)]
public sealed class ServiceDeskTests(ServiceApi api)
{
    [Fact]
    public async Task The_desk_pages_by_keyset_without_repeating_or_skipping_and_searches_by_waybill()
    {
        var clerk = await api.As("clerk");
        var caseId = await SmallClaimsFileAsync(clerk, 6201);
        var waybills = Enumerable.Range(1, 5).Select(i => WaybillNumber.Create("EA", 62_010_000 + i).Value).ToList();
        for (var i = 0; i < waybills.Count; i++)
        {
            await Ok(clerk.PostJsonAsync(FilePath(caseId) + "/services", new { recipientPartyId = "defendant", channel = "judicial-express", waybill = waybills[i], documents = new[] { new { documentId = $"d-6201-{i}", title = $"文书{i}", kind = "other" } } }));
        }

        var seen = new List<string>();
        string? after = null;
        do
        {
            var page = await Ok(clerk.GetAsync($"/api/service-desk?desk=pending&channel=judicial-express&q=(2022)渝0116民初6201号&limit=2" + (after is null ? "" : "&after=" + Uri.EscapeDataString(after))));
            seen.AddRange(page.GetProperty("items").EnumerateArray().Select(e => e.GetProperty("waybill").GetString()!));
            after = page.GetProperty("next").GetString();
        }
        while (after is not null);

        Assert.Equal(waybills, seen);
        var found = await Ok(clerk.GetAsync("/api/service-desk?q=" + waybills[3]));
        Assert.Equal(waybills[3], found.GetProperty("items").EnumerateArray().Single().GetProperty("waybill").GetString());
    }

    [Fact]
    public async Task A_bad_desk_filter_is_400_naming_it()
    {
        var refused = await (await api.As("clerk")).GetAsync("/api/service-desk?desk=lost");

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.True((await refused.ReadJsonAsync()).GetProperty("errors").TryGetProperty("desk", out _));
    }
}
