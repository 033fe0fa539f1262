using Court.Domain.Documents;

namespace Court.Domain.Tests.Documents;

public sealed class LifecycleTests
{
    private static readonly Guid Id = Guid.NewGuid();
    private static readonly DocumentLifecycle InForce = new(Id, "江津法协执字〔2022〕第0001号", DocumentStatus.InForce);

    [Fact]
    public void Marking_an_in_force_document_executed_records_reference_actor_and_time()
    {
        var then = DocumentLifecycle.MarkExecuted(InForce, " 渝(2022)江津区不动产登记第88号 ", "officer.zhang", Samples.Now);
        var executed = Assert.IsType<DocumentExecuted>(Assert.Single(then.Events));
        Assert.Equal(new DocumentExecuted(Id, InForce.Number, "渝(2022)江津区不动产登记第88号", "officer.zhang", Samples.Now), executed);
    }

    [Fact]
    public void Marking_a_document_executed_twice_yields_no_events()
    {
        var given = InForce.Evolve(new DocumentExecuted(Id, InForce.Number, null, "a", Samples.Now));
        var then = DocumentLifecycle.MarkExecuted(given, null, "a", Samples.Now);
        Assert.False(then.IsError);
        Assert.Empty(then.Events);
    }

    [Fact]
    public void Marking_a_revoked_document_executed_is_a_conflict()
    {
        var given = InForce.Evolve(new DocumentRevoked(Id, InForce.Number, "撤销", "judge.li", Samples.Now));
        Assert.Equal("documents.revoked", DocumentLifecycle.MarkExecuted(given, null, "a", Samples.Now).Error?.Code);
    }

    [Fact]
    public void Revoking_an_executed_document_is_allowed()
    {
        var given = InForce.Evolve(new DocumentExecuted(Id, InForce.Number, null, "a", Samples.Now));
        var revoked = Assert.IsType<DocumentRevoked>(Assert.Single(DocumentLifecycle.Revoke(given, "裁定被撤销", "judge.li", Samples.Now).Events));
        Assert.Equal("judge.li", revoked.RevokedBy);
        Assert.Equal(DocumentStatus.Revoked, given.Evolve(revoked).Status);
    }

    [Fact]
    public void Revoking_twice_yields_no_events()
    {
        var given = InForce.Evolve(new DocumentRevoked(Id, InForce.Number, "撤销", "judge.li", Samples.Now));
        Assert.Empty(DocumentLifecycle.Revoke(given, "again", "judge.li", Samples.Now).Events);
    }

    [Fact]
    public void Revoking_without_a_reason_is_rejected()
    {
        Assert.Equal("documents.reason", DocumentLifecycle.Revoke(InForce, " ", "judge.li", Samples.Now).Error?.Code);
    }

    [Fact]
    public void A_document_that_was_never_issued_cannot_be_executed_or_revoked()
    {
        Assert.Equal("documents.not-found", DocumentLifecycle.MarkExecuted(DocumentLifecycle.Initial, null, "a", Samples.Now).Error?.Code);
        Assert.Equal("documents.not-found", DocumentLifecycle.Revoke(DocumentLifecycle.Initial, "r", "a", Samples.Now).Error?.Code);
    }
}
