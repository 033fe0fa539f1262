using Court.Domain.Fees;

namespace Court.Domain.Tests.Fees;

public sealed class PublishingTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 2, 9, 0, 0, TimeSpan.FromHours(8));

    private static readonly FeeSchedule Local = new(
        "jiangjin-small-claims",
        0,
        new DateOnly(2026, 4, 1),
        "江津区人民法院小额诉讼案件受理费标准",
        "Jiangjin small-claims fees",
        new FeeScope("渝0116", Procedure.SmallClaims),
        [new FeeScale(FeeKind.Property, FeeCategory.Acceptance, NationalFeeSchedule.PropertyBands)],
        [new FeeReduction(ReductionReason.SmallClaimsProcedure, new Ratio(1, 4))]);

    [Fact]
    public void Publishing_a_new_schedule_makes_version_1()
    {
        var decision = FeeSchedulePublishing.Decide(FeeScheduleHistory.Initial, new PublishFeeSchedule(Local, "院党组会议决定"), Now);

        var published = Assert.IsType<FeeSchedulePublished>(Assert.Single(decision.Events));
        Assert.Equal((1, new DateOnly(2026, 3, 2)), (published.Schedule.Version, published.PublishedOn));
    }

    [Fact]
    public void Publishing_again_with_other_terms_makes_the_next_version()
    {
        var history = FeeScheduleHistory.Initial.Evolve(new FeeSchedulePublished(Local with { Version = 1 }, new DateOnly(2026, 3, 2), null));

        var decision = FeeSchedulePublishing.Decide(history, new PublishFeeSchedule(Local with { EffectiveFrom = new DateOnly(2026, 7, 1) }, null), Now);

        Assert.Equal(2, Assert.IsType<FeeSchedulePublished>(Assert.Single(decision.Events)).Schedule.Version);
    }

    [Fact]
    public void Publishing_the_same_terms_again_yields_no_events()
    {
        var history = FeeScheduleHistory.Initial.Evolve(new FeeSchedulePublished(Local with { Version = 1 }, new DateOnly(2026, 3, 2), null));

        Assert.Empty(FeeSchedulePublishing.Decide(history, new PublishFeeSchedule(Local, null), Now).Events);
    }

    [Fact]
    public void A_new_version_of_the_national_schedule_follows_the_shipped_version_1()
    {
        var terms = NationalFeeSchedule.V1 with { EffectiveFrom = new DateOnly(2027, 1, 1) };

        var decision = FeeSchedulePublishing.Decide(FeeScheduleHistory.Initial, new PublishFeeSchedule(terms, null), Now);

        Assert.Equal(2, Assert.IsType<FeeSchedulePublished>(Assert.Single(decision.Events)).Schedule.Version);
    }

    [Fact]
    public void A_schedule_cannot_take_effect_in_the_past()
    {
        var decision = FeeSchedulePublishing.Decide(FeeScheduleHistory.Initial, new PublishFeeSchedule(Local with { EffectiveFrom = new DateOnly(2026, 3, 1) }, null), Now);

        Assert.Equal("fees.effective-date-past", decision.Error?.Code);
    }

    [Fact]
    public void A_schedule_taking_effect_today_in_china_is_accepted_even_when_it_is_still_yesterday_in_utc()
    {
        var earlyMorning = new DateTimeOffset(2026, 3, 1, 17, 30, 0, TimeSpan.Zero); // 01:30 on 2 March in Beijing

        var decision = FeeSchedulePublishing.Decide(FeeScheduleHistory.Initial, new PublishFeeSchedule(Local with { EffectiveFrom = new DateOnly(2026, 3, 2) }, null), earlyMorning);

        Assert.False(decision.IsError);
    }

    [Fact]
    public void An_invalid_schedule_is_refused_with_its_problems()
    {
        var decision = FeeSchedulePublishing.Decide(FeeScheduleHistory.Initial, new PublishFeeSchedule(Local with { Scales = [] }, null), Now);

        Assert.Equal("fees.schedule-invalid", decision.Error?.Code);
        Assert.Contains("at least one scale", decision.Error!.Message, StringComparison.Ordinal);
    }
}
