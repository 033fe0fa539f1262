using System.Net;
using Court.Web.Tests.Documents.Support;

namespace Court.Web.Tests.Documents;

/// <summary>POST /api/documents: a clerk or judge issues a document by hand.</summary>
public sealed class IssueDocumentTests(DocumentsApi api) : IClassFixture<DocumentsApi>
{
    private static object Letter(Guid? id = null, string title = "函") => new
    {
        documentId = id,
        kind = "OtherLetter",
        courtCode = "渝0116",
        sourceStreamId = "estate-web-letters",
        content = new
        {
            title,
            caseNumber = "(2022)渝0116破1号",
            addressee = "重庆市江津区人民政府办公室",
            sections = new[] { new { paragraphs = new[] { "关于召开府院联席会议的函。" } } },
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

    private static int Serial(string number) => Court.Domain.Documents.DocumentNumber.TryParse(number)!.Serial;
}
