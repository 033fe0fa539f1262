using System.Net;
using Court.Application.Demo;
using Court.Web.Tests.Bankruptcy.Support;
using static Court.Web.Tests.Service.ServiceSteps;

namespace Court.Web.Tests.Service;

/// <summary>A party's lawyer reads, for the cases he acts in, what was served on his client, when, and the deadlines running from it; nothing else.</summary>
[Collection(ServiceCollection.Name)]
public sealed class LawyerViewTests(ServiceApi api)
{
    /// <summary>A small-claims file whose plaintiff the demo lawyer acts for, with a judgment served on the plaintiff by hand and the summons sent to the defendant.</summary>
    internal static async Task<string> CaseWithTheLawyerAsync(HttpClient clerk, int serial)
    {
        var caseId = await SmallClaimsFileAsync(clerk, serial);
        await Ok(clerk.PostJsonAsync(FilePath(caseId) + "/agents", new { agentId = "plaintiff-agent", partyId = "plaintiff", name = DemoUsers.Lawyer.DisplayNameZh, licenceNumber = DemoUsers.LawyerLicence, lawFirm = DemoUsers.LawyerFirm, userName = DemoUsers.Lawyer.UserName }));
        var judgment = await Ok(clerk.PostJsonAsync(FilePath(caseId) + "/services", new { recipientPartyId = "plaintiff", channel = "direct", documents = new[] { new { documentId = $"judgment-{serial}", title = "民事判决书", kind = "judgment" } } }));
        var serviceId = judgment.GetProperty("services")[0].GetString()!;
        await Ok(clerk.PostJsonAsync($"{FilePath(caseId)}/services/{Uri.EscapeDataString(serviceId)}/hand-delivery", new { signerName = "钱七", relationship = "organisation-office", servedOn = "2022-04-23" }));
        await SummonsByExpressAsync(clerk, caseId, Court.Domain.Identifiers.WaybillNumber.Create("EA", 63_000_000 + serial).Value);
        return caseId;
    }

    [Fact]
    public async Task The_lawyer_sees_his_clients_services_and_the_deadlines_running_from_them_and_nothing_of_the_other_side()
    {
        var clerk = await api.As("clerk");
        var caseId = await CaseWithTheLawyerAsync(clerk, 6301);
        var other = await SmallClaimsFileAsync(clerk, 6302);
        var lawyer = await api.As(DemoUsers.Lawyer.UserName);

        var mine = await Ok(lawyer.GetAsync("/api/lawyer/cases?limit=100"));
        var listed = mine.GetProperty("items").EnumerateArray().Select(c => c.GetProperty("caseId").GetString()).ToList();
        Assert.Contains(caseId, listed);
        Assert.DoesNotContain(other, listed);

        var detail = await Ok(lawyer.GetAsync("/api/lawyer/cases/" + caseId));
        var party = Assert.Single(detail.GetProperty("parties").EnumerateArray());
        Assert.Equal(("plaintiff", Plaintiff), (party.GetProperty("partyId").GetString(), party.GetProperty("name").GetString()));
        var service = Assert.Single(party.GetProperty("services").EnumerateArray());
        Assert.Equal(("民事判决书", "served", "2022-04-23"), (service.GetProperty("document").GetString(), service.GetProperty("outcome").GetString(), service.GetProperty("servedOn").GetString()));

        // The deadlines are the court's own computation: the same as the clerk's case page shows.
        var clerkView = (await Ok(clerk.GetAsync(FilePath(caseId)))).GetProperty("parties").EnumerateArray().Single(p => p.GetProperty("partyId").GetString() == "plaintiff").GetProperty("services")[0];
        var appeal = Assert.Single(service.GetProperty("periods").EnumerateArray());
        Assert.Equal("appeal", appeal.GetProperty("kind").GetString());
        Assert.Equal(clerkView.GetProperty("periods")[0].GetProperty("lastDay").GetString(), appeal.GetProperty("lastDay").GetString());
        Assert.DoesNotContain(Defendant, detail.GetRawText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Another_case_is_403_an_unknown_one_404_and_only_a_lawyer_may_ask()
    {
        var clerk = await api.As("clerk");
        var caseId = await CaseWithTheLawyerAsync(clerk, 6303);
        var other = await SmallClaimsFileAsync(clerk, 6304);
        var lawyer = await api.As(DemoUsers.Lawyer.UserName);

        Assert.Equal(HttpStatusCode.Forbidden, (await lawyer.GetAsync("/api/lawyer/cases/" + other)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await lawyer.GetAsync("/api/lawyer/cases/no-such-case")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await clerk.GetAsync("/api/lawyer/cases/" + caseId)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await clerk.GetAsync("/api/lawyer/cases")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await api.CreateClient().GetAsync("/api/lawyer/cases")).StatusCode);
        // The clerk's file of a case he does not act in is hidden from him.
        Assert.Equal(HttpStatusCode.NotFound, (await lawyer.GetAsync(FilePath(other))).StatusCode);
    }
}
