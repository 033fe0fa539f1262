using System.Net;
using Court.Web.Tests.Documents.Support;

namespace Court.Web.Tests.Documents;

/// <summary>POST /api/documents: a clerk or judge issues a document by hand.</summary>
public sealed class IssueDocumentTests(DocumentsApi api) : IClassFixture<DocumentsApi>
{
    private static object Letter(Guid? id = null, string title = "函", string court = "渝0116", string caseNumber = "(2022)渝0116破1号", object[]? fields = null) => new
    {
        documentId = id,
        kind = "OtherLetter",
        courtCode = court,
        sourceStreamId = "estate-web-letters",
        content = new
        {
            title,
            caseNumber,
            addressee = "重庆市江津区人民政府办公室",
            sections = new[] { new { paragraphs = new[] { "关于召开府院联席会议的函。" }, fields = fields ?? [] } },
        },
    };

    [Fact]
    public async Task A_clerk_issues_a_letter_and_gets_its_number_location_and_code()
    {
        var response = await (await api.As("clerk")).PostJsonAsync("/api/documents", Letter());

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = await response.JsonAsync();
        var number = body.GetProperty("number").GetString()!;
        Assert.Matches(@"^江津法函字〔2022〕第\d{4}号$", number);
        Assert.Equal($"/api/documents/{Uri.EscapeDataString(number)}", response.Headers.Location?.OriginalString);
        Assert.Equal("clerk", body.GetProperty("issuedBy").GetString());
        Assert.Matches("^[0-9A-Z]{4}(-[0-9A-Z]{4}){3}$", body.GetProperty("verificationCode").GetString()!);
    }

    [Fact]
    public async Task Sending_the_same_document_id_again_returns_the_same_number()
    {
        var id = Guid.NewGuid();
        var clerk = await api.As("clerk");

        var first = await (await clerk.PostJsonAsync("/api/documents", Letter(id))).JsonAsync();
        var again = await (await clerk.PostJsonAsync("/api/documents", Letter(id))).JsonAsync();

        Assert.Equal(first.GetProperty("number").GetString(), again.GetProperty("number").GetString());
    }

    [Fact]
    public async Task An_agency_officer_may_not_issue()
    {
        Assert.Equal(HttpStatusCode.Forbidden, (await (await api.As("nrb")).PostJsonAsync("/api/documents", Letter())).StatusCode);
    }

    [Fact]
    public async Task A_letter_without_a_title_is_400_and_takes_no_number()
    {
        var clerk = await api.As("clerk");
        var before = (await (await clerk.PostJsonAsync("/api/documents", Letter())).JsonAsync()).GetProperty("number").GetString()!;

        var bad = await clerk.PostJsonAsync("/api/documents", Letter(title: ""));
        var after = (await (await clerk.PostJsonAsync("/api/documents", Letter())).JsonAsync()).GetProperty("number").GetString()!;

        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Equal(Serial(before) + 1, Serial(after));
    }

    [Theory]
    [InlineData("渝05", "(2022)渝05破1号")]
    [InlineData("渝", "(2022)渝破1号")]
    public async Task A_clerk_of_the_district_court_cannot_issue_in_the_name_of_a_higher_court(string court, string caseNumber)
    {
        var response = await (await api.As("clerk")).PostJsonAsync("/api/documents", Letter(court: court, caseNumber: caseNumber));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        var problem = await response.JsonAsync();
        Assert.Equal("courtCode", problem.GetProperty("field").GetString());
        Assert.Contains("不是您所在的法院", problem.GetProperty("title").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_court_refusal_is_worded_in_english_for_an_english_caller()
    {
        var clerk = await api.As("clerk");
        clerk.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en");

        var problem = await (await clerk.PostJsonAsync("/api/documents", Letter(court: "渝05", caseNumber: "(2022)渝05破1号"))).JsonAsync();

        Assert.Contains("is not your court", problem.GetProperty("title").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_forged_document_is_not_issued_so_verification_has_nothing_to_call_genuine()
    {
        var clerk = await api.As("clerk");
        var before = (await (await clerk.PostJsonAsync("/api/documents", Letter())).JsonAsync()).GetProperty("number").GetString()!;

        await clerk.PostJsonAsync("/api/documents", Letter(court: "渝05", caseNumber: "(2022)渝05破1号"));
        var search = await (await api.As("judge")).GetAsync("/api/documents?stream=estate-web-letters");

        Assert.DoesNotContain("渝五中法", await search.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.NotNull(before);
    }

    [Theory]
    [InlineData("(2022)渝05破1号")]
    [InlineData("(2015)渝0116破1号")]
    [InlineData("渝0116破1号")]
    public async Task A_hand_issued_case_number_is_checked_like_every_other(string caseNumber)
    {
        var response = await (await api.As("clerk")).PostJsonAsync("/api/documents", Letter(caseNumber: caseNumber));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.JsonAsync();
        Assert.True(problem.GetProperty("errors").TryGetProperty("content.caseNumber", out _), problem.ToString());
    }

    [Fact]
    public async Task A_hand_issued_case_number_is_stored_in_canonical_form()
    {
        var body = await (await (await api.As("clerk")).PostJsonAsync("/api/documents", Letter(caseNumber: "（2022）渝0116破1号"))).JsonAsync();

        Assert.Equal("(2022)渝0116破1号", body.GetProperty("content").GetProperty("caseNumber").GetString());
    }

    [Theory]
    [InlineData("统一社会信用代码", "91500116MA5U5X7A8C")]
    [InlineData("公民身份号码", "110101199003074518")]
    [InlineData("证件号码", "not-an-id")]
    public async Task A_hand_issued_identifier_with_a_bad_check_character_is_400_naming_the_field(string label, string value)
    {
        var response = await (await api.As("clerk")).PostJsonAsync("/api/documents", Letter(fields: [new { label, value }]));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.JsonAsync();
        Assert.True(problem.GetProperty("errors").TryGetProperty("content.sections[0].fields[0].value", out _), problem.ToString());
    }

    private static int Serial(string number) => Court.Domain.Documents.DocumentNumber.TryParse(number)!.Serial;
}
