using System.Text.Json;
using Court.Application.Common;
using Court.Application.Fees;
using Court.Application.Projections;
using Court.Application.SmallClaims;
using Court.Domain.Calendars;
using Court.Domain.Fees;
using Court.Domain.SmallClaims;
using Court.Infrastructure.EventStore;
using Court.Infrastructure.Persistence;
using Court.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Court.Application.Tests.SmallClaims;

/// <summary>The clerk's notices and refunds and the judge's docket follow a case in its own transaction, and rebuild to the same documents.</summary>
public sealed class SmallClaimsProjectionTests
{
    private const string CaseId = "case-1";

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSql)]
    public async Task A_case_s_read_models_follow_its_events_and_rebuild_identically(DatabaseProvider provider)
    {
        await using var database = TestDatabase.For(provider);
        await database.InitializeAsync();
        var clock = new FakeTimeProvider(new DateTimeOffset(2022, 4, 25, 2, 0, 0, TimeSpan.Zero));
        await using var services = await CourtServices.BuildAsync(database, s =>
        {
            s.AddSingleton<TimeProvider>(clock);
            s.AddScoped<AggregateStore>();
            s.AddScoped<Court.Application.Workflows.WorkflowExecution>();
            s.AddScoped<ICallerContext>(_ => new FixedCaller("clerk", null, new HashSet<string> { Roles.Clerk }, Guid.NewGuid()));
            s.AddFees(new FeesSettings());
            s.AddSmallClaims();
        });

        var threshold = ShippedThresholds.Chongqing[0] with { Confirmed = true, Notice = "n" };
        await DecideAsync(services, new FileSmallClaimsCase(CaseId, "(2022)渝0116民初1号", "渝0116", "CQ", "甲", "乙", "judge", 40_000_00, SmallClaimsCaseType.MonetaryClaim, false, null), threshold);
        await DecideAsync(services, new RecordFeePayment(CaseId + "-F1"));
        await DecideAsync(services, new LowerClaim(30_000_00));
        await DecideAsync(services, new ExtendLimit("补充证据"));

        var readModels = services.GetRequiredService<IReadModels>();
        var view = Assert.Single(await readModels.ListAsync<SmallClaimsCaseView>("judge"));
        Assert.Equal((30_000_00L, 275_00L, true, new DateOnly(2022, 7, 25), 4L), (view.ClaimFen, view.FeeFen, view.Extended, view.LimitOn, view.Version));
        Assert.True(Assert.Single(await readModels.ListAsync<FeeNoticeView>()).Paid);
        Assert.Equal(125_00, Assert.Single(await readModels.ListAsync<FeeRefundView>()).AmountFen);

        var before = await SnapshotAsync(readModels);
        var rebuilder = services.GetRequiredService<ProjectionRebuilder>();
        await rebuilder.RebuildAsync(rebuilder.Projections.Single(p => p is SmallClaimsProjection), null, CancellationToken.None);

        Assert.Equal(before, await SnapshotAsync(readModels));
    }

    private static async Task DecideAsync(IServiceProvider services, SmallClaimsCommand command, ThresholdPeriod? threshold = null)
    {
        await using var scope = services.CreateAsyncScope();
        var store = scope.ServiceProvider.GetRequiredService<AggregateStore>();
        await store.ExecuteAsync<SmallClaimsCase>(
            CaseId,
            (state, now) => SmallClaimsDecider.Decide(state, command, new SmallClaimsContext(now, FeeScheduleCatalog.BuiltIn, threshold, WorkingDayCalendar.WithoutNotices, new SmallClaimsPeriods(2, 1, 7))));
    }

    private static async Task<string> SnapshotAsync(IReadModels readModels) => JsonSerializer.Serialize(new object[]
    {
        await readModels.ListAsync<SmallClaimsCaseView>(),
        await readModels.ListAsync<FeeNoticeView>(),
        await readModels.ListAsync<FeeRefundView>(),
    });
}
