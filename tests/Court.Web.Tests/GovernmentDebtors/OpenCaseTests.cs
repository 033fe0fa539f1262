using System.Net;
using System.Text.Json;
using Court.Web.Tests.Bankruptcy.Support;
using Court.Web.Tests.GovernmentDebtors.Support;
using static Court.Web.Tests.GovernmentDebtors.Support.GovernmentDebtApi;

namespace Court.Web.Tests.GovernmentDebtors;

/// <summary>POST /api/government-debts/cases: flagging from the credit code, the reminder letter, refusals in the caller's language.</summary>
[Collection(GovernmentDebtCollection.Name)]
public sealed class OpenCaseTests(GovernmentDebtApi api)
{
    [Fact]
    public async Task An_organ_is_flagged_from_its_code_and_gets_a_numbered_reminder_letter()
    {
        var clerk = await api.As("clerk");
        var response = await clerk.PostJsonAsync("/api/government-debts/cases", Opening(1));
        var opened = await Problem(response, HttpStatusCode.Created);
        var id = opened.GetProperty("id").GetString()!;
        Assert.Equal("unit-" + Town, opened.GetProperty("debtorAgency").GetString());

        var detail = await api.CaseAsync(id);
        Assert.Equal(("GovernmentOrgan", "Opened", 1_000_000m), (detail.GetProperty("debtorKind").GetString(), detail.GetProperty("state").GetString(), detail.GetProperty("outstanding").GetDecimal()));
        var letter = Assert.Single(detail.GetProperty("documents").EnumerateArray(), d => d.GetProperty("purpose").GetString() == "ReminderLetter");
        Assert.Contains("提醒函", letter.GetProperty("documentNumber").GetString());

        // Opening it again changes nothing.
        Assert.Equal(HttpStatusCode.OK, (await clerk.PostJsonAsync("/api/government-debts/cases", Opening(1))).StatusCode);
    }

    [Fact]
    public async Task A_public_institution_is_flagged_and_an_enterprise_only_when_the_clerk_marks_it_state_owned()
    {
        var clerk = await api.As("clerk");
        var hospital = await Problem(await clerk.PostJsonAsync("/api/government-debts/cases", Opening(2, Hospital, "重庆市江津区中心医院")), HttpStatusCode.Created);
        Assert.Equal("PublicInstitution", (await api.CaseAsync(hospital.GetProperty("id").GetString()!)).GetProperty("debtorKind").GetString());

        var refused = await Problem(await clerk.PostJsonAsync("/api/government-debts/cases", Opening(3, Company, "重庆江津某某有限公司")), HttpStatusCode.BadRequest);
        Assert.Contains("国有企业", refused.GetProperty("errors").GetProperty("debtorCreditCode")[0].GetString());

        var soe = await Problem(await clerk.PostJsonAsync("/api/government-debts/cases", Opening(3, Company, "重庆江津某某有限公司", stateOwned: true)), HttpStatusCode.Created);
        Assert.Equal("StateOwnedEnterprise", (await api.CaseAsync(soe.GetProperty("id").GetString()!)).GetProperty("debtorKind").GetString());
    }

    [Fact]
    public async Task Bad_input_names_the_field_in_english_when_asked()
    {
        var clerk = await api.As("clerk");
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/government-debts/cases")
        {
            Content = System.Net.Http.Json.JsonContent.Create(Opening(4, Company, "重庆江津某某有限公司")),
        };
        request.Headers.AcceptLanguage.ParseAdd("en-US,en;q=0.9");
        var problem = await Problem(await clerk.SendAsync(request), HttpStatusCode.BadRequest);
        Assert.Contains("state-owned", problem.GetProperty("errors").GetProperty("debtorCreditCode")[0].GetString());

        var badNumber = await Problem(await clerk.PostJsonAsync("/api/government-debts/cases", new { caseNumber = "2022执1", debtorCreditCode = "11500116009000001X" }), HttpStatusCode.BadRequest);
        Assert.True(badNumber.GetProperty("errors").TryGetProperty("caseNumber", out _));
        Assert.True(badNumber.GetProperty("errors").TryGetProperty("debtorCreditCode", out _));
    }

    [Fact]
    public async Task Only_the_clerk_opens_a_case()
    {
        var judge = await api.As("judge");
        Assert.Equal(HttpStatusCode.Forbidden, (await judge.PostJsonAsync("/api/government-debts/cases", Opening(5))).StatusCode);
    }

    [Fact]
    public async Task A_clerk_of_the_district_court_cannot_open_a_case_of_the_intermediate_court_and_nothing_is_recorded()
    {
        var clerk = await api.As("clerk");
        var body = JsonSerializer.SerializeToNode(Opening(6))!.AsObject();
        body["caseNumber"] = "(2022)渝05执6号";
        body["judgeId"] = null;

        var zh = await Problem(await clerk.SendAsync(PostIn("zh-CN", "/api/government-debts/cases", body)), HttpStatusCode.Forbidden);
        Assert.Equal(("court.not-callers-court", "caseNumber"), (zh.GetProperty("code").GetString(), zh.GetProperty("field").GetString()));
        Assert.Contains("不是您所在的法院", zh.GetProperty("title").GetString(), StringComparison.Ordinal);
        var en = await Problem(await clerk.SendAsync(PostIn("en-US,en;q=0.9", "/api/government-debts/cases", body)), HttpStatusCode.Forbidden);
        Assert.Contains("is not your court", en.GetProperty("title").GetString(), StringComparison.Ordinal);

        var id = Court.Application.GovernmentDebtors.GovernmentDebtCases.IdFor(Court.Domain.Identifiers.CaseNumber.Parse("(2022)渝05执6号").Value.Value);
        Assert.Equal(HttpStatusCode.NotFound, (await (await api.As("judge")).GetAsync(CasePath(id))).StatusCode);
    }
}
