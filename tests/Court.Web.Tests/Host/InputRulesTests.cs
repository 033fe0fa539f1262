using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Court.Web.Tests.Bankruptcy.Support;

namespace Court.Web.Tests.Host;

/// <summary>
/// The input rules every command obeys (InputRules in the Mediator pipeline): invisible and control characters are
/// refused in single-line fields, line breaks only where text is written in paragraphs, dates within 1990–2100, no
/// null in a list; each answer is a 400 naming the field, in the caller's language, and stores nothing.
/// </summary>
public sealed class InputRulesTests(ApiWithSeizedBuilding api) : IClassFixture<ApiWithSeizedBuilding>
{
    [Theory]
    [InlineData("\u0000", "U+0000")]
    [InlineData("\u0007", "U+0007")]
    [InlineData("\u007F", "U+007F")]
    [InlineData("\u202E", "U+202E")]
    [InlineData("\u2066", "U+2066")]
    [InlineData("\u200B", "U+200B")]
    [InlineData("\u200D", "U+200D")]
    [InlineData("\uFEFF", "U+FEFF")]
    [InlineData("\u2028", "U+2028")]
    [InlineData("\n", "U+000A")]
    [InlineData("\t", "U+0009")]
    public async Task A_single_line_name_with_an_invisible_or_control_character_is_a_400_naming_it(string bad, string codePoint)
    {
        var before = await api.CountEventsAsync();

        var response = await (await api.AsAdministrator()).PostJsonAsync($"/api/bankruptcy-cases/{api.CaseId}/assets", Samples.Building(description: $"厂房{bad}一栋"));

        var problem = await ProblemAsync(response);
        Assert.Contains(codePoint, Assert.Single(problem.Errors["description"]), StringComparison.Ordinal);
        Assert.Equal(before, await api.CountEventsAsync());
    }

    [Theory]
    [InlineData("caseNumber")]
    [InlineData("debtorName")]
    [InlineData("debtorCreditCode")]
    [InlineData("administratorUserId")]
    public async Task Identifiers_and_names_refuse_a_right_to_left_override(string field)
    {
        var body = JsonSerializer.SerializeToNode(Samples.OpenCase("(2022)渝0116破77号"), BankruptcyApi.Json)!.AsObject();
        body[field] = "\u202E" + (string)body[field]!;

        var response = await (await api.AsClerk()).PostJsonAsync("/api/bankruptcy-cases", body);

        var problem = await ProblemAsync(response);
        Assert.Equal([field], problem.Errors.Keys);
    }

    [Fact]
    public async Task Reasons_written_in_paragraphs_keep_their_line_breaks_but_not_a_bidirectional_override()
    {
        var administrator = await api.AsAdministrator();
        var refused = await administrator.PostJsonAsync($"/api/bankruptcy-cases/{api.CaseId}/release-requests", new { assetId = api.AssetId, seizureIds = new[] { api.FirstSeizure }, reasons = "第一段。\n\u202E第二段。" });
        Assert.True((await ProblemAsync(refused)).Errors.ContainsKey("reasons"));

        var accepted = await administrator.PostJsonAsync($"/api/bankruptcy-cases/{api.CaseId}/release-requests", new { assetId = api.AssetId, seizureIds = new[] { api.FirstSeizure }, reasons = "人民法院已受理破产申请。\r\n依《企业破产法》第十九条，\t应当解除保全。" });
        Assert.Equal(HttpStatusCode.Created, accepted.StatusCode);
    }

    [Theory]
    [InlineData("9999-12-31")]
    [InlineData("2101-01-01")]
    [InlineData("1989-12-31")]
    [InlineData("0001-01-01")]
    public async Task A_renewal_date_outside_1990_to_2100_is_a_400_not_a_500(string renewedOn)
    {
        var response = await (await api.AsAdministrator()).PostJsonAsync($"/api/assets/{api.AssetId}/seizures/{api.FirstSeizure}/renew", new { documentNumber = "(2021)渝0116执100号之二", renewedOn });

        var problem = await ProblemAsync(response);
        Assert.Contains(renewedOn, Assert.Single(problem.Errors["renewedOn"]), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_seizure_date_and_a_list_filter_date_are_held_to_the_same_range()
    {
        var seizure = JsonSerializer.SerializeToNode(Samples.Seizure(document: "(2021)渝0116执555号"), BankruptcyApi.Json)!.AsObject();
        seizure["seizedOn"] = "2200-01-01";
        var recorded = await (await api.AsAdministrator()).PostJsonAsync($"/api/assets/{api.AssetId}/seizures", seizure);
        Assert.True((await ProblemAsync(recorded)).Errors.ContainsKey("seizedOn"));

        var listed = await (await api.AsClerk()).GetAsync("/api/fees/schedules?on=1900-01-01");
        Assert.True((await ProblemAsync(listed)).Errors.ContainsKey("on"));
    }

    [Fact]
    public async Task A_null_meeting_action_is_a_400_naming_the_element()
    {
        var response = await (await api.AsJudge()).PostJsonAsync("/api/joint-meeting/agenda/no-such-item/decision", new { meetingOn = "2022-06-30", minutes = "会议议定。", actions = new object?[] { null } });

        Assert.True((await ProblemAsync(response)).Errors.ContainsKey("actions[0]"));
    }

    [Theory]
    [InlineData("sections")]
    [InlineData("copyTo")]
    public async Task A_null_in_a_documents_list_is_a_400_naming_the_element(string list)
    {
        var content = new Dictionary<string, object?>
        {
            ["title"] = "函",
            ["caseNumber"] = "(2022)渝0116破1号",
            ["addressee"] = "重庆市江津区人民政府办公室",
            ["sections"] = new object[] { new { paragraphs = new[] { "关于召开府院联席会议的函。" } } },
        };
        content[list] = new object?[] { null };

        var response = await (await api.AsClerk()).PostJsonAsync("/api/documents", new { kind = "OtherLetter", courtCode = "渝0116", sourceStreamId = "estate-input-rules", content });

        Assert.True((await ProblemAsync(response)).Errors.ContainsKey($"content.{list}[0]"));
    }

    [Theory]
    [InlineData("scales")]
    [InlineData("reductions")]
    public async Task A_null_in_a_fee_schedules_list_is_a_400_naming_the_element(string list)
    {
        var schedule = new Dictionary<string, object?>
        {
            ["id"] = "input-rules-" + list,
            ["effectiveFrom"] = "2030-01-01",
            ["titleZh"] = "测试",
            ["titleEn"] = "Test",
            ["scales"] = new object[] { new { kind = "Property", category = "Acceptance", bands = new[] { new { upToFen = 100, rate = 0.01m } } } },
        };
        schedule[list] = new object?[] { null };

        var response = await (await api.As("sysadmin")).PostJsonAsync("/api/fees/schedules", schedule);

        Assert.True((await ProblemAsync(response)).Errors.ContainsKey($"{list}[0]"));
    }

    [Fact]
    public async Task The_refusal_is_in_chinese_unless_the_caller_asks_for_english()
    {
        var administrator = await api.AsAdministrator();
        var body = Samples.Building(description: "厂房\u202E");

        var chinese = await ProblemAsync(await administrator.PostJsonAsync($"/api/bankruptcy-cases/{api.CaseId}/assets", body));
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/bankruptcy-cases/{api.CaseId}/assets") { Content = JsonContent.Create(body, options: BankruptcyApi.Json) };
        request.Headers.AcceptLanguage.ParseAdd("en-US,en;q=0.9");
        var english = await ProblemAsync(await administrator.SendAsync(request));

        Assert.Contains("文字方向控制符", chinese.Errors["description"][0], StringComparison.Ordinal);
        Assert.Contains("bidirectional control character", english.Errors["description"][0], StringComparison.Ordinal);
    }

    private static async Task<Problem> ProblemAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{(int)response.StatusCode}: {text}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        return JsonSerializer.Deserialize<Problem>(text, BankruptcyApi.Json)!;
    }

    private sealed record Problem(string? Title, Dictionary<string, string[]> Errors);
}
