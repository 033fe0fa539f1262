using Court.Application.Demo;
using Court.Domain.Fees;
using Court.Web.Tests.Bankruptcy.Support;
using static Court.Web.Tests.Service.ServiceSteps;

namespace Court.Web.Tests.Service;

/// <summary>
/// A lawyer whose authority ended (POST …/agents/{agentId}/authority-end) is shown to himself as no longer acting, with
/// the date, and sees nothing served on his former client after it; the registry is told his documents are not in force.
/// Its own host: the clock moves on past the end.
/// </summary>
public sealed class LawyerAuthorityEndTests(ServiceApiWithItsOwnClock api) : IClassFixture<ServiceApiWithItsOwnClock>
{
    [Fact]
    public async Task An_ended_authority_is_listed_as_ended_with_its_date_hides_later_services_and_is_not_in_force_for_the_registry()
    {
        var clerk = await api.As("clerk");
        var caseId = await LawyerViewTests.CaseWithTheLawyerAsync(clerk, 6311);
        var issued = await Ok(clerk.PostAsync($"{FilePath(caseId)}/agents/plaintiff-agent/documents", null));
        var notice = issued.GetProperty("acceptanceNotice").GetProperty("number").GetString()!;
        var letter = issued.GetProperty("letterOfAuthority").GetProperty("number").GetString()!;
        var caseNumber = "(2022)渝0116民初6311号";
        var bureau = await api.As("nrb");
        Assert.Equal((true, true), await CheckAsync(bureau, caseNumber, notice));

        var lawyer = await api.As(DemoUsers.Lawyer.UserName);
        Assert.Equal(System.Text.Json.JsonValueKind.Null, Listed(await Ok(lawyer.GetAsync("/api/lawyer/cases?limit=100")), caseId).GetProperty("authorityEndedOn").ValueKind);

        var endedOn = ChinaTime.DateOf(api.Clock.GetUtcNow()).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        await Ok(clerk.PostJsonAsync($"{FilePath(caseId)}/agents/plaintiff-agent/authority-end", new { endedOn, reason = "当事人解除委托" }));
        api.Clock.Advance(TimeSpan.FromDays(2));
        clerk = await api.As("clerk");
        await Ok(clerk.PostJsonAsync(FilePath(caseId) + "/services", new { recipientPartyId = "plaintiff", channel = "direct", documents = new[] { new { documentId = "ruling-6311", title = "民事裁定书", kind = "ruling" } } }));

        lawyer = await api.As(DemoUsers.Lawyer.UserName);
        Assert.Equal(endedOn, Listed(await Ok(lawyer.GetAsync("/api/lawyer/cases?limit=100")), caseId).GetProperty("authorityEndedOn").GetString());
        var detail = await Ok(lawyer.GetAsync("/api/lawyer/cases/" + caseId));
        Assert.Equal(endedOn, detail.GetProperty("authorityEndedOn").GetString());
        var party = Assert.Single(detail.GetProperty("parties").EnumerateArray());
        Assert.Equal(endedOn, party.GetProperty("authorityEndedOn").GetString());
        // What was served while he acted stays; the ruling ordered after the end is not his to see.
        var service = Assert.Single(party.GetProperty("services").EnumerateArray());
        Assert.Equal("民事判决书", service.GetProperty("document").GetString());
        Assert.DoesNotContain("民事裁定书", detail.GetRawText(), StringComparison.Ordinal);

        bureau = await api.As("nrb");
        Assert.Equal((true, false), await CheckAsync(bureau, caseNumber, notice));
        Assert.Equal((true, false), await CheckAsync(bureau, caseNumber, letter));
    }

    private static System.Text.Json.JsonElement Listed(System.Text.Json.JsonElement page, string caseId) =>
        page.GetProperty("items").EnumerateArray().Single(c => c.GetProperty("caseId").GetString() == caseId);

    private static async Task<(bool, bool)> CheckAsync(HttpClient client, string caseNumber, string document)
    {
        var answer = await Ok(client.GetAsync($"/api/verify/agent?licence={DemoUsers.LawyerLicence}&caseNumber={Uri.EscapeDataString(caseNumber)}&document={Uri.EscapeDataString(document)}"));
        return (answer.GetProperty("agentOfRecord").GetBoolean(), answer.GetProperty("inForce").GetBoolean());
    }
}
