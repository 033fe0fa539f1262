using Court.Application.Documents;
using Court.Domain.Documents;
using Court.Infrastructure.Persistence;

namespace Court.Application.Tests.Documents;

public sealed class VerifyingDocumentsTests
{
    [Fact]
    public async Task A_genuine_code_is_accepted_and_answers_status_court_and_date_only()
    {
        await using var host = await DocumentsHost.StartAsync(DatabaseProvider.Sqlite);
        var issued = await host.WithIssuerAsync(d => d.IssueAsync(DocumentsHost.Notice()));
        var result = await host.WithIssuerAsync(d => d.VerifyAsync(issued.Number, issued.VerificationCode.ToLowerInvariant().Replace("-", " ", StringComparison.Ordinal)));
        Assert.Equal(new VerificationResult(true, issued.Number, DocumentStatus.InForce, "重庆市江津区人民法院", new DateOnly(2022, 3, 10)), result);
    }

    [Fact]
    public async Task An_altered_code_or_number_is_rejected_with_nothing_else_said()
    {
        await using var host = await DocumentsHost.StartAsync(DatabaseProvider.Sqlite);
        var first = await host.WithIssuerAsync(d => d.IssueAsync(DocumentsHost.Notice()));
        var second = await host.WithIssuerAsync(d => d.IssueAsync(DocumentsHost.Notice()));
        var code = first.VerificationCode;
        var altered = (code[0] == 'A' ? "B" : "A") + code[1..];

        Assert.Equal(VerificationResult.NotGenuine, await host.WithIssuerAsync(d => d.VerifyAsync(first.Number, altered)));
        Assert.Equal(VerificationResult.NotGenuine, await host.WithIssuerAsync(d => d.VerifyAsync(second.Number, code)));
        Assert.Equal(VerificationResult.NotGenuine, await host.WithIssuerAsync(d => d.VerifyAsync("江津法协执字〔2022〕第0099号", code)));
        Assert.Equal(VerificationResult.NotGenuine, await host.WithIssuerAsync(d => d.VerifyAsync(first.Number, "")));
    }

    [Fact]
    public async Task Status_follows_execution_and_revocation_with_actor_and_time()
    {
        await using var host = await DocumentsHost.StartAsync(DatabaseProvider.Sqlite);
        var issued = await host.WithIssuerAsync(d => d.IssueAsync(DocumentsHost.Notice()));
        host.Clock.Advance(TimeSpan.FromDays(2));
        var executed = await host.WithIssuerAsync(d => d.MarkExecutedAsync(issued.Number, "不动产登记第88号"));
        Assert.Equal(DocumentStatus.Executed, executed.Status);
        Assert.Equal(new DocumentStatusChange(DocumentStatus.Executed, "judge.li", host.Clock.GetUtcNow(), "不动产登记第88号"), executed.LastChange);
        Assert.Equal(DocumentStatus.Executed, (await host.WithIssuerAsync(d => d.VerifyAsync(issued.Number, issued.VerificationCode))).Status);

        var revoked = await host.WithIssuerAsync(d => d.RevokeAsync(issued.Number, "原裁定已撤销", expectedVersion: executed.Version));
        Assert.Equal(DocumentStatus.Revoked, revoked.Status);
        var answer = await host.WithIssuerAsync(d => d.VerifyAsync(issued.Number, issued.VerificationCode));
        Assert.True(answer.Genuine);
        Assert.Equal(DocumentStatus.Revoked, answer.Status);
        Assert.Equal(DocumentStatus.Revoked, Assert.Single(await host.WithIssuerAsync(d => d.ListAsync("release-request-1"))).Status);
    }
}
