using System.Net;
using System.Text.Json;
using Court.Application.Demo;
using Court.Web.Tests.Bankruptcy.Support;
using Court.Web.Tests.Documents;
using static Court.Web.Tests.Service.AgentDocumentsTests;
using static Court.Web.Tests.Service.ServiceSteps;

namespace Court.Web.Tests.Service;

/// <summary>
/// Seed item 61, the registry's side: GET /api/verify/agent answers only whether the document names this licence as
/// the agent of record in this case, and whether it is in force.
/// </summary>
[Collection(ServiceCollection.Name)]
public sealed class CheckAgentOfRecordTests(ServiceApi api)
{
    private static string Query(string licence, string caseNumber, string document) =>
        $"/api/verify/agent?licence={Uri.EscapeDataString(licence)}&caseNumber={Uri.EscapeDataString(caseNumber)}&document={Uri.EscapeDataString(document)}";

    private static async Task<(bool AgentOfRecord, bool InForce)> AskAsync(HttpClient client, string licence, string caseNumber, string document)
    {
        var answer = await Ok(client.GetAsync(Query(licence, caseNumber, document)));
        // Nothing but the two answers: no party, no other agent, no content.
        Assert.Equal(["agentOfRecord", "inForce"], answer.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));
        return (answer.GetProperty("agentOfRecord").GetBoolean(), answer.GetProperty("inForce").GetBoolean());
    }

    private async Task<(string CaseId, string CaseNumber, JsonElement Issued)> IssuedAsync(int serial)
    {
        var clerk = await api.As("clerk");
        var caseId = await CaseWithAnAgentAsync(clerk, serial);
        return (caseId, $"(2022)渝0116民初{serial}号", await IssueAsync(clerk, caseId));
    }

    private static string Number(JsonElement issued, string which = "acceptanceNotice") => issued.GetProperty(which).GetProperty("number").GetString()!;

    private static string Code(JsonElement issued, string which = "acceptanceNotice") => issued.GetProperty(which).GetProperty("verificationCode").GetString()!;

    [Fact]
    public async Task The_registry_officer_is_told_yes_and_in_force_by_number_and_the_public_by_code()
    {
        var (_, caseNumber, issued) = await IssuedAsync(6501);
        var bureau = await api.As("nrb");

        Assert.Equal((true, true), await AskAsync(bureau, DemoUsers.LawyerLicence, caseNumber, Number(issued)));
        Assert.Equal((true, true), await AskAsync(bureau, DemoUsers.LawyerLicence, caseNumber, Number(issued, "letterOfAuthority")));
        Assert.Equal((true, true), await AskAsync(api.CreateClient(), DemoUsers.LawyerLicence, caseNumber, Code(issued)));
        // The case number typed with full-width brackets, as printed, is the same case.
        Assert.Equal((true, true), await AskAsync(bureau, DemoUsers.LawyerLicence, "（2022）渝0116民初6501号", Number(issued)));
    }

    [Fact]
    public async Task Another_lawyers_licence_or_a_wrong_code_is_no()
    {
        var (_, caseNumber, issued) = await IssuedAsync(6502);
        var bureau = await api.As("nrb");
        Assert.Equal((false, false), await AskAsync(bureau, "15001201910100002", caseNumber, Number(issued)));
        Assert.Equal((false, false), await AskAsync(api.CreateClient(), DemoUsers.LawyerLicence, caseNumber, "AAAA-AAAA-AAAA-AAAA"));
    }

    [Fact]
    public async Task A_revoked_document_names_him_but_is_not_in_force()
    {
        var (_, caseNumber, issued) = await IssuedAsync(6503);
        var judge = await api.As("judge");
        await Ok(judge.PostJsonAsync($"/api/documents/{Uri.EscapeDataString(Number(issued))}/revoke", new { reason = "误发" }));

        var bureau = await api.As("nrb");
        Assert.Equal((true, false), await AskAsync(bureau, DemoUsers.LawyerLicence, caseNumber, Number(issued)));
        Assert.Equal((true, true), await AskAsync(bureau, DemoUsers.LawyerLicence, caseNumber, Number(issued, "letterOfAuthority")));
    }

    [Fact]
    public async Task When_the_authority_ends_both_documents_lose_force_and_no_new_one_is_issued()
    {
        var (caseId, caseNumber, issued) = await IssuedAsync(6504);
        var clerk = await api.As("clerk");
        await Ok(clerk.PostJsonAsync($"{FilePath(caseId)}/agents/plaintiff-agent/authority-end", new { endedOn = "2022-04-23", reason = "当事人解除委托" }));

        var bureau = await api.As("nrb");
        Assert.Equal((true, false), await AskAsync(bureau, DemoUsers.LawyerLicence, caseNumber, Number(issued)));
        Assert.Equal((true, false), await AskAsync(bureau, DemoUsers.LawyerLicence, caseNumber, Number(issued, "letterOfAuthority")));
        Assert.Equal(HttpStatusCode.Conflict, (await clerk.PostAsync($"{FilePath(caseId)}/agents/plaintiff-agent/documents", null)).StatusCode);
    }

    [Fact]
    public async Task A_document_checked_against_another_case_is_no()
    {
        var (_, _, issued) = await IssuedAsync(6505);
        var (_, otherCase, _) = await IssuedAsync(6506);
        var bureau = await api.As("nrb");
        Assert.Equal((false, false), await AskAsync(bureau, DemoUsers.LawyerLicence, otherCase, Number(issued)));
        Assert.Equal((false, false), await AskAsync(api.CreateClient(), DemoUsers.LawyerLicence, otherCase, Code(issued)));
    }

    [Fact]
    public async Task The_same_case_serial_at_another_court_is_no()
    {
        var (_, _, issued) = await IssuedAsync(6507);
        var bureau = await api.As("nrb");
        Assert.Equal((false, false), await AskAsync(bureau, DemoUsers.LawyerLicence, "(2022)渝05民初6507号", Number(issued)));
        Assert.Equal((false, false), await AskAsync(api.CreateClient(), DemoUsers.LawyerLicence, "(2022)渝05民初6507号", Code(issued)));
    }

    [Fact]
    public async Task A_malformed_licence_is_400_naming_the_field_in_chinese_by_default_and_in_english_on_request()
    {
        var (_, caseNumber, issued) = await IssuedAsync(6508);
        var bureau = await api.As("nrb");

        var zh = await bureau.GetAsync(Query("25001201810100001", caseNumber, Number(issued)));
        Assert.Equal(HttpStatusCode.BadRequest, zh.StatusCode);
        Assert.Contains("证书类型", (await zh.ReadJsonAsync()).GetProperty("errors").GetProperty("licence")[0].GetString(), StringComparison.Ordinal);

        var en = await bureau.InEnglish().GetAsync(Query("1500120181010000", caseNumber, Number(issued)));
        Assert.Equal(HttpStatusCode.BadRequest, en.StatusCode);
        Assert.Contains("17 digits", (await en.ReadJsonAsync()).GetProperty("errors").GetProperty("licence")[0].GetString(), StringComparison.Ordinal);

        var badCase = await api.CreateClient().GetAsync(Query(DemoUsers.LawyerLicence, "(2012)渝0116民初1号", Code(issued)));
        Assert.Equal(HttpStatusCode.BadRequest, badCase.StatusCode);
        Assert.True((await badCase.ReadJsonAsync()).GetProperty("errors").TryGetProperty("caseNumber", out _));
    }

    [Fact]
    public async Task Without_signing_in_the_number_alone_is_not_enough_400_asks_for_the_code()
    {
        var (_, caseNumber, issued) = await IssuedAsync(6509);
        var response = await api.CreateClient().GetAsync(Query(DemoUsers.LawyerLicence, caseNumber, Number(issued)));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("验证码", (await response.ReadJsonAsync()).GetProperty("errors").GetProperty("document")[0].GetString(), StringComparison.Ordinal);
        // A signed-in lawyer is not a registry: he too gives the code.
        var lawyer = await api.As(DemoUsers.Lawyer.UserName);
        Assert.Equal(HttpStatusCode.BadRequest, (await lawyer.GetAsync(Query(DemoUsers.LawyerLicence, caseNumber, Number(issued)))).StatusCode);
    }
}

/// <summary>The registry check shares the public verification's rate limit.</summary>
public sealed class CheckAgentOfRecordRateLimitTests(ApiWithTightVerifyLimit api) : IClassFixture<ApiWithTightVerifyLimit>
{
    [Fact]
    public async Task Checks_beyond_the_verify_limit_get_429()
    {
        var client = api.Anonymous();
        var query = $"/api/verify/agent?licence={DemoUsers.LawyerLicence}&caseNumber={Uri.EscapeDataString("(2022)渝0116民初1号")}&document=AAAA-AAAA-AAAA-AAAA";
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(query)).StatusCode);
        }

        var refused = await client.GetAsync(query);
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.NotNull(refused.Headers.RetryAfter);
    }
}
