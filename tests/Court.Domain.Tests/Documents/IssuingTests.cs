using Court.Domain.Documents;

namespace Court.Domain.Tests.Documents;

public sealed class IssuingTests
{
    [Fact]
    public void Issuing_into_a_series_takes_the_next_serial()
    {
        var given = DocumentSeries.Initial.Evolve(Issued(3));
        var then = DocumentSeries.Issue(given, Samples.Series, Samples.Issue(), Samples.Now);
        var issued = Assert.IsType<DocumentIssued>(Assert.Single(then.Events));
        Assert.Equal(4, issued.Serial);
        Assert.Equal("江津法协执字〔2022〕第0004号", issued.Number);
        Assert.Equal("judge.li", issued.IssuedBy);
        Assert.Equal(Samples.Now, issued.IssuedAt);
        Assert.Equal(DocumentHash.Compute(issued.Kind, issued.CourtCode, issued.IssuedAt, issued.Content), issued.ContentHash);
    }

    [Fact]
    public void The_first_document_of_a_series_is_number_one()
    {
        var then = DocumentSeries.Issue(DocumentSeries.Initial, Samples.Series, Samples.Issue(), Samples.Now);
        Assert.Equal(1, Assert.IsType<DocumentIssued>(Assert.Single(then.Events)).Serial);
    }

    [Fact]
    public void Issuing_without_a_title_is_rejected()
    {
        var then = DocumentSeries.Issue(DocumentSeries.Initial, Samples.Series, Samples.Issue(Samples.Notice() with { Title = "  " }), Samples.Now);
        Assert.Equal("documents.title", then.Error?.Code);
        Assert.Empty(then.Events);
    }

    [Fact]
    public void Issuing_to_an_unknown_agency_is_rejected()
    {
        var then = DocumentSeries.Issue(DocumentSeries.Initial, Samples.Series, Samples.Issue(Samples.Notice() with { AddresseeAgency = "nowhere" }), Samples.Now);
        Assert.Equal("documents.addressee-agency", then.Error?.Code);
    }

    [Fact]
    public void Issuing_with_an_empty_body_is_rejected()
    {
        var then = DocumentSeries.Issue(DocumentSeries.Initial, Samples.Series, Samples.Issue(Samples.Notice() with { Sections = [] }), Samples.Now);
        Assert.Equal("documents.empty", then.Error?.Code);
    }

    [Fact]
    public void Issuing_into_another_kinds_series_is_rejected()
    {
        var fees = DocumentSeriesKey.For(IssuingCourts.Jiangjin, DocumentKind.FeeNotice, Samples.Now);
        Assert.Equal("documents.wrong-series", DocumentSeries.Issue(DocumentSeries.Initial, fees, Samples.Issue(), Samples.Now).Error?.Code);
    }

    [Fact]
    public void The_content_hash_changes_when_any_word_changes()
    {
        var a = DocumentHash.Compute(DocumentKind.AssistedEnforcementNotice, "渝0116", Samples.Now, Samples.Notice());
        var b = DocumentHash.Compute(DocumentKind.AssistedEnforcementNotice, "渝0116", Samples.Now, Samples.Notice("江津区几江街道鼎山大道89号"));
        Assert.Equal(a, DocumentHash.Compute(DocumentKind.AssistedEnforcementNotice, "渝0116", Samples.Now, Samples.Notice()));
        Assert.NotEqual(a, b);
        Assert.Matches("^[0-9a-f]{64}$", a);
    }

    [Fact]
    public void Moving_text_between_fields_changes_the_hash()
    {
        var one = Samples.Notice() with { Addressee = "甲乙", Contact = "丙" };
        var other = Samples.Notice() with { Addressee = "甲", Contact = "乙丙" };
        Assert.NotEqual(
            DocumentHash.Compute(DocumentKind.AssistedEnforcementNotice, "渝0116", Samples.Now, one),
            DocumentHash.Compute(DocumentKind.AssistedEnforcementNotice, "渝0116", Samples.Now, other));
    }

    [Fact]
    public void Content_is_stored_normalized_so_equal_looking_text_hashes_equally()
    {
        var decomposed = Samples.Notice() with { Title = " 协助执行通知书 ", Contact = "Cafe\u0301" };
        var issued = (DocumentIssued)DocumentSeries.Issue(DocumentSeries.Initial, Samples.Series, Samples.Issue(decomposed), Samples.Now).Events[0];
        Assert.Equal("协助执行通知书", issued.Content.Title);
        Assert.Equal("Café", issued.Content.Contact);
    }

    private static DocumentIssued Issued(int serial) => new(
        Guid.NewGuid(), $"江津法协执字〔2022〕第{serial:D4}号", serial, DocumentKind.AssistedEnforcementNotice, "渝0116", "s", Samples.Notice(), "h", DocumentHash.Algorithm, "judge.li", Samples.Now);
}
