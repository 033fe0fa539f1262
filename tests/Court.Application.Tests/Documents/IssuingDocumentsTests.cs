using Court.Application.Documents;
using Court.Application.EventStore;
using Court.Domain.Common;
using Court.Domain.Documents;
using Court.Infrastructure.Persistence;
using Microsoft.Extensions.DependencyInjection;

namespace Court.Application.Tests.Documents;

public sealed class IssuingDocumentsTests
{
    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSql)]
    public async Task Sixteen_concurrent_issuers_get_numbers_one_to_sixteen_with_no_gap(DatabaseProvider provider)
    {
        await using var host = await DocumentsHost.StartAsync(provider);
        var issued = await Task.WhenAll(Enumerable.Range(0, 16).Select(i =>
            Task.Run(() => host.WithIssuerAsync(d => d.IssueAsync(DocumentsHost.Notice($"release-request-{i}"))))));

        Assert.Equal(Enumerable.Range(1, 16), issued.Select(d => DocumentNumber.TryParse(d.Number)!.Serial).Order());
        Assert.Equal(16, issued.Select(d => d.Number).Distinct().Count());
        var store = host.Services.GetRequiredService<IEventStore>();
        var series = await store.ReadStreamAsync("docseries-cq0116-assisted-enforcement-notice-2022");
        Assert.Equal(Enumerable.Range(0, 16).Select(v => (long)v), series.Select(e => e.Version));
        Assert.True((await store.VerifyAsync()).IsIntact);
    }

    [Fact]
    public async Task Issuing_the_same_document_id_twice_returns_the_first_document()
    {
        await using var host = await DocumentsHost.StartAsync(DatabaseProvider.Sqlite);
        var id = Guid.NewGuid();
        var first = await host.WithIssuerAsync(d => d.IssueAsync(DocumentsHost.Notice(id: id)));
        var again = await host.WithIssuerAsync(d => d.IssueAsync(DocumentsHost.Notice(id: id)));
        Assert.Equal(first.Number, again.Number);
        Assert.Equal(id, again.Id);
        var next = await host.WithIssuerAsync(d => d.IssueAsync(DocumentsHost.Notice()));
        Assert.Equal("江津法协执字〔2022〕第0002号", next.Number);
    }

    [Fact]
    public async Task An_issued_document_reads_back_by_number_and_id_with_hash_code_and_issuer()
    {
        await using var host = await DocumentsHost.StartAsync(DatabaseProvider.Sqlite);
        var issued = await host.WithIssuerAsync(d => d.IssueAsync(DocumentsHost.Notice()));
        Assert.Equal("江津法协执字〔2022〕第0001号", issued.Number);
        Assert.Equal(DocumentStatus.InForce, issued.Status);
        Assert.True(issued.ContentIntact);
        Assert.Equal("judge.li", issued.IssuedBy);
        Assert.Equal(new DateOnly(2022, 3, 10), issued.IssuedOn);
        Assert.Equal(VerificationCode.Compute(DocumentsHost.Key, issued.Number, issued.ContentHash), issued.VerificationCode);
        Assert.Matches("^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$", issued.VerificationCode);

        var byTypedNumber = await host.WithIssuerAsync(d => d.FindAsync("江津法协执字(2022)第1号"));
        Assert.Equal(issued.Id, byTypedNumber?.Id);
        var byId = await host.WithIssuerAsync(d => d.FindByIdAsync(issued.Id));
        Assert.Equal(issued.Number, byId?.Number);
        var listed = await host.WithIssuerAsync(d => d.ListAsync("release-request-1"));
        Assert.Equal(issued.Number, Assert.Single(listed).Number);
    }

    [Fact]
    public async Task A_new_year_starts_the_series_again_at_one()
    {
        await using var host = await DocumentsHost.StartAsync(DatabaseProvider.Sqlite);
        await host.WithIssuerAsync(d => d.IssueAsync(DocumentsHost.Notice()));
        host.Clock.SetUtcNow(new DateTimeOffset(2022, 12, 31, 16, 0, 1, TimeSpan.Zero));
        var next = await host.WithIssuerAsync(d => d.IssueAsync(DocumentsHost.Notice()));
        Assert.Equal("江津法协执字〔2023〕第0001号", next.Number);
    }

    [Fact]
    public async Task Invalid_content_is_refused_and_takes_no_number()
    {
        await using var host = await DocumentsHost.StartAsync(DatabaseProvider.Sqlite);
        var bad = DocumentsHost.Notice() with { Content = DocumentsHost.Notice().Content with { Title = "" } };
        var error = await Assert.ThrowsAsync<DomainException>(() => host.WithIssuerAsync(d => d.IssueAsync(bad)));
        Assert.Equal("documents.title", error.Error.Code);
        var good = await host.WithIssuerAsync(d => d.IssueAsync(DocumentsHost.Notice()));
        Assert.Equal(1, DocumentNumber.TryParse(good.Number)!.Serial);
    }
}
