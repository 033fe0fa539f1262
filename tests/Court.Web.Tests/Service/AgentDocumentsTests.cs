using System.Net;
using System.Text.Json;
using Court.Application.Demo;
using Court.Web.Tests.Bankruptcy.Support;
using static Court.Web.Tests.Service.ServiceSteps;

namespace Court.Web.Tests.Service;

/// <summary>
/// Seed item 61: the court issues, for a party's agent of record, a case-acceptance notice and a letter of authority
/// that name him, his licence and firm, the party, the case and the court, as verifiable documents.
/// </summary>
[Collection(ServiceCollection.Name)]
public sealed class AgentDocumentsTests(ServiceApi api)
{
    public const string FirmLicence = "31500000MD0123456T";

    /// <summary>A small-claims file whose plaintiff the demo lawyer acts for, with his firm's licence recorded.</summary>
    public static async Task<string> CaseWithAnAgentAsync(HttpClient clerk, int serial)
    {
        var caseId = await SmallClaimsFileAsync(clerk, serial);
        await Ok(clerk.PostJsonAsync(FilePath(caseId) + "/agents", new
        {
            agentId = "plaintiff-agent",
            partyId = "plaintiff",
            name = DemoUsers.Lawyer.DisplayNameZh,
            licenceNumber = DemoUsers.LawyerLicence,
            lawFirm = DemoUsers.LawyerFirm,
            lawFirmLicence = FirmLicence,
            userName = DemoUsers.Lawyer.UserName,
        }));
        return caseId;
    }

    public static Task<JsonElement> IssueAsync(HttpClient client, string caseId, string agentId = "plaintiff-agent") =>
        Ok(client.PostAsync($"{FilePath(caseId)}/agents/{agentId}/documents", null));

    [Fact]
    public async Task The_acceptance_notice_and_the_letter_of_authority_name_the_agent_his_licence_and_firm_the_party_the_case_and_the_court()
    {
        var clerk = await api.As("clerk");
        var caseId = await CaseWithAnAgentAsync(clerk, 6401);

        var issued = await IssueAsync(clerk, caseId);

        foreach (var (which, title) in new[] { ("acceptanceNotice", "受理案件通知书"), ("letterOfAuthority", "授权委托书") })
        {
            var number = issued.GetProperty(which).GetProperty("number").GetString()!;
            var document = await Ok(clerk.GetAsync("/api/documents/" + Uri.EscapeDataString(number)));
            var content = document.GetProperty("content");
            var text = content.GetRawText();
            Assert.Equal(title, content.GetProperty("title").GetString());
            Assert.Equal("(2022)渝0116民初6401号", content.GetProperty("caseNumber").GetString());
            Assert.Equal("service-file-" + caseId, document.GetProperty("sourceStreamId").GetString());
            foreach (var fact in new[] { DemoUsers.Lawyer.DisplayNameZh, DemoUsers.LawyerLicence, DemoUsers.LawyerFirm, FirmLicence, Plaintiff, "重庆市江津区人民法院" })
            {
                Assert.Contains(fact, text, StringComparison.Ordinal);
            }

            // People by their names: the clerk who issued it, never his login name.
            Assert.Contains("书记员：", content.GetProperty("contact").GetString(), StringComparison.Ordinal);
            Assert.DoesNotContain("：clerk", content.GetProperty("contact").GetString(), StringComparison.Ordinal);
            Assert.False(string.IsNullOrEmpty(issued.GetProperty(which).GetProperty("verificationCode").GetString()));
            var verified = await Ok(api.CreateClient().GetAsync($"/api/verify?number={Uri.EscapeDataString(number)}&code={issued.GetProperty(which).GetProperty("verificationCode").GetString()}"));
            Assert.True(verified.GetProperty("genuine").GetBoolean());
            var pdf = await clerk.GetAsync($"/api/documents/{Uri.EscapeDataString(number)}/document.pdf");
            Assert.Equal(HttpStatusCode.OK, pdf.StatusCode);
            Assert.Equal("application/pdf", pdf.Content.Headers.ContentType?.MediaType);
        }

        // The notice names the parties of the case by their names and roles.
        var notice = await Ok(clerk.GetAsync("/api/documents/" + Uri.EscapeDataString(issued.GetProperty("acceptanceNotice").GetProperty("number").GetString()!)));
        Assert.Contains($"原告{Plaintiff}诉被告{Defendant}一案", notice.GetProperty("content").GetRawText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Asking_again_answers_the_same_documents_and_after_a_revocation_a_new_one()
    {
        var clerk = await api.As("clerk");
        var caseId = await CaseWithAnAgentAsync(clerk, 6402);
        var first = await IssueAsync(clerk, caseId);
        var again = await IssueAsync(clerk, caseId);
        Assert.Equal(first.GetRawText(), again.GetRawText());

        var judge = await api.As("judge");
        var letter = first.GetProperty("letterOfAuthority").GetProperty("number").GetString()!;
        await Ok(judge.PostJsonAsync($"/api/documents/{Uri.EscapeDataString(letter)}/revoke", new { reason = "委托人解除委托" }));

        var renewed = await IssueAsync(clerk, caseId);
        Assert.Equal(first.GetProperty("acceptanceNotice").GetRawText(), renewed.GetProperty("acceptanceNotice").GetRawText());
        Assert.NotEqual(letter, renewed.GetProperty("letterOfAuthority").GetProperty("number").GetString());
        Assert.Equal("InForce", renewed.GetProperty("letterOfAuthority").GetProperty("status").GetString());
    }

    [Fact]
    public async Task An_unknown_agent_is_404_naming_the_field_and_a_malformed_firm_licence_is_400_and_nothing_is_recorded()
    {
        var clerk = await api.As("clerk");
        var caseId = await SmallClaimsFileAsync(clerk, 6403);

        var unknown = await clerk.PostAsync($"{FilePath(caseId)}/agents/nobody/documents", null);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);

        var before = await Ok(clerk.GetAsync(FilePath(caseId)));
        var bad = await clerk.InEnglish().PostJsonAsync(FilePath(caseId) + "/agents", new
        {
            agentId = "a1",
            partyId = "plaintiff",
            name = "李四",
            licenceNumber = DemoUsers.LawyerLicence,
            lawFirm = "重庆某律师事务所",
            lawFirmLicence = "91500116MA5U5X7A8B",
        });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var problem = await bad.ReadJsonAsync();
        var message = problem.GetProperty("errors").GetProperty("lawFirmLicence")[0].GetString();
        Assert.Contains("law firm", message, StringComparison.Ordinal);
        var after = await Ok(clerk.GetAsync(FilePath(caseId)));
        Assert.Equal(before.GetProperty("version").GetInt64(), after.GetProperty("version").GetInt64());
    }

    [Fact]
    public async Task Only_the_courts_clerks_and_judges_issue_them()
    {
        var clerk = await api.As("clerk");
        var caseId = await CaseWithAnAgentAsync(clerk, 6404);
        var lawyer = await api.As(DemoUsers.Lawyer.UserName);
        Assert.Equal(HttpStatusCode.NotFound, (await lawyer.PostAsync($"{FilePath(caseId)}/agents/plaintiff-agent/documents", null)).StatusCode);
        var bureau = await api.As("nrb");
        Assert.Equal(HttpStatusCode.NotFound, (await bureau.PostAsync($"{FilePath(caseId)}/agents/plaintiff-agent/documents", null)).StatusCode);
    }
}
