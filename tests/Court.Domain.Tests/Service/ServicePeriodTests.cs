using Court.Domain.Common;
using Court.Domain.Service;
using static Court.Domain.Tests.Bankruptcy.Spec;
using static Court.Domain.Tests.Service.Facts;

namespace Court.Domain.Tests.Service;

/// <summary>CPL Art. 85 on the 2025 calendar: Spring Festival 28 Jan – 4 Feb, National Day 1–8 Oct.</summary>
public sealed class ServicePeriodTests
{
    private static DateOnly LastDay(ServedDocument document, string servedOn) =>
        ServicePeriods.From(document, DateOnly.Parse(servedOn, System.Globalization.CultureInfo.InvariantCulture), Calendar).Single().LastDay;

    private static readonly ServedDocument FeeNotice = new("fee", "交纳诉讼费用通知书", ServedDocumentKind.FeeNotice, null, null);
    private static readonly ServedDocument Ruling = new("ruling", "民事裁定书", ServedDocumentKind.Ruling, null, null);

    [Theory]
    [InlineData("2025-03-03", "2025-03-18")]
    [InlineData("2025-01-13", "2025-02-05")]
    [InlineData("2025-09-20", "2025-10-09")]
    [InlineData("2025-09-15", "2025-09-30")]
    public void The_answer_period_is_15_days_from_the_day_after_service_and_a_holiday_moves_its_end(string servedOn, string lastDay) =>
        Assert.Equal(DateOnly.Parse(lastDay, System.Globalization.CultureInfo.InvariantCulture), LastDay(Summons, servedOn));

    [Theory]
    [InlineData("2025-09-16", "2025-10-09")]
    [InlineData("2025-01-20", "2025-02-05")]
    public void The_appeal_period_from_a_judgment_is_15_days(string servedOn, string lastDay) =>
        Assert.Equal(DateOnly.Parse(lastDay, System.Globalization.CultureInfo.InvariantCulture), LastDay(Judgment, servedOn));

    [Theory]
    [InlineData("2025-09-21", "2025-10-09")]
    [InlineData("2025-01-18", "2025-02-05")]
    [InlineData("2025-03-03", "2025-03-13")]
    public void The_appeal_period_from_a_ruling_is_10_days(string servedOn, string lastDay) =>
        Assert.Equal(DateOnly.Parse(lastDay, System.Globalization.CultureInfo.InvariantCulture), LastDay(Ruling, servedOn));

    [Theory]
    [InlineData("2025-01-21", "2025-02-05")]
    [InlineData("2025-09-26", "2025-10-09")]
    [InlineData("2025-03-01", "2025-03-10")]
    [InlineData("2025-02-08", "2025-02-17")]
    public void The_fee_period_is_7_days_and_a_weekend_or_holiday_at_its_end_moves_it(string servedOn, string lastDay) =>
        Assert.Equal(DateOnly.Parse(lastDay, System.Globalization.CultureInfo.InvariantCulture), LastDay(FeeNotice, servedOn));

    [Fact]
    public void The_evidence_period_is_what_the_court_set() =>
        Assert.Equal(new DateOnly(2025, 10, 9), LastDay(new ServedDocument("e", "举证通知书", ServedDocumentKind.EvidenceNotice, null, null, 10), "2025-09-22"));

    [Fact]
    public void A_hearing_summons_starts_no_period() =>
        Assert.Empty(ServicePeriods.From(new ServedDocument("h", "传票", ServedDocumentKind.HearingSummons, null, null), new DateOnly(2025, 3, 3), Calendar));

    [Theory]
    [InlineData("2024-12-30", "2025-02-05")]
    [InlineData("2025-09-01", "2025-10-09")]
    [InlineData("2025-03-03", "2025-04-02")]
    public void A_public_notice_is_deemed_served_30_days_after_publication_moved_past_a_holiday(string publishedOn, string deemedOn)
    {
        var ordered = SummonsByExpress with { ServiceId = "s-notice", Channel = ServiceChannel.PublicNotice, Waybill = null };
        var file = File(Court.Domain.Fees.Procedure.Ordinary).Evolve(ordered);
        var published = DateOnly.Parse(publishedOn, System.Globalization.CultureInfo.InvariantCulture);
        var deemed = DateOnly.Parse(deemedOn, System.Globalization.CultureInfo.InvariantCulture);
        var at = new DateTimeOffset(published.AddDays(1).ToDateTime(TimeOnly.MinValue), Court.Domain.Fees.ChinaTime.Offset);

        var decision = When(file, new ServiceCommand.RecordPublication("s-notice", published, "人民法院报", 30), at);
        Then(decision, new PublicationRecorded(CaseId, "s-notice", new Publication(published, "人民法院报", deemed), Clerk, at));
    }

    [Fact]
    public void A_published_notice_stays_running_until_its_period_is_recorded_as_run_out_and_is_served_on_its_last_day()
    {
        var ordered = SummonsByExpress with { ServiceId = "s-notice", Channel = ServiceChannel.PublicNotice, Waybill = null };
        var published = new DateOnly(2025, 3, 3);
        var deemed = new DateOnly(2025, 4, 2);
        var file = File(Court.Domain.Fees.Procedure.Ordinary).Evolve(ordered)
            .Evolve(new PublicationRecorded(CaseId, "s-notice", new Publication(published, "人民法院报", deemed), Clerk, Now));
        Assert.Equal(ServiceOutcome.Pending, file.RecordOf(file.ServiceById("s-notice")!).Outcome);

        var decision = When(file, new ServiceCommand.RecordDeemedService("s-notice", deemed), Now);
        Then(decision, new PublicNoticeDeemedServed(CaseId, "s-notice", deemed, Clerk, Now));

        var served = decision.Events.Aggregate(file, (s, e) => s.Evolve(e));
        var record = served.RecordOf(served.ServiceById("s-notice")!);
        Assert.Equal((ServiceOutcome.Served, ServiceRule.PublicNoticeDeemed, deemed), (record.Outcome, record.Rule!.Value, record.ServedOn!.Value));
        Assert.Empty(When(served, new ServiceCommand.RecordDeemedService("s-notice", deemed), Now).Events);
        ThenError(When(served, new ServiceCommand.RecordDeemedService("s-notice", deemed.AddDays(1)), Now), "service.already-deemed-served");
    }

    [Fact]
    public void Only_a_published_notice_can_be_deemed_served()
    {
        var ordered = SummonsByExpress with { ServiceId = "s-notice", Channel = ServiceChannel.PublicNotice, Waybill = null };
        var file = File(Court.Domain.Fees.Procedure.Ordinary).Evolve(ordered);
        ThenError(When(file, new ServiceCommand.RecordDeemedService("s-notice", new DateOnly(2025, 4, 2)), Now), "service.not-found");
    }

    [Fact]
    public void The_act_a_period_ran_for_is_recorded_once_between_the_service_date_and_today()
    {
        // The summons handed to 张三 on Friday 3 January 2025; today is Monday 6 January.
        var ordered = SummonsByExpress with { ServiceId = "s-direct", Channel = ServiceChannel.Direct, Waybill = null };
        var file = File().Evolve(ordered);
        ThenError(When(file, new ServiceCommand.RecordPeriodDone("s-direct", PeriodKind.Answer, new DateOnly(2025, 1, 5))), "service.period-not-running", ErrorKind.Conflict);

        var served = file.Evolve(new HandDeliveryRecorded(CaseId, "s-direct", new HandDelivery("张三", SignerRelationship.Recipient, new DateOnly(2025, 1, 3), false, [], null), Clerk, Now));
        ThenError(When(served, new ServiceCommand.RecordPeriodDone("s-other", PeriodKind.Answer, new DateOnly(2025, 1, 5))), "service.not-found", ErrorKind.NotFound);
        var appeal = When(served, new ServiceCommand.RecordPeriodDone("s-direct", PeriodKind.Appeal, new DateOnly(2025, 1, 5)));
        ThenError(appeal, "service.period-not-running", ErrorKind.Conflict);
        Assert.Equal("period", appeal.Error!.Field);

        foreach (var wrong in new[] { new DateOnly(2025, 1, 2), new DateOnly(2025, 1, 7) })
        {
            var refused = When(served, new ServiceCommand.RecordPeriodDone("s-direct", PeriodKind.Answer, wrong));
            ThenError(refused, "service.period-done-on", ErrorKind.Validation);
            Assert.Equal("doneOn", refused.Error!.Field);
            Assert.Contains("2025-01-03", refused.Error.MessageZh, StringComparison.Ordinal);
        }

        var done = When(served, new ServiceCommand.RecordPeriodDone("s-direct", PeriodKind.Answer, new DateOnly(2025, 1, 5)));
        Then(done, new PeriodActDone(CaseId, "s-direct", PeriodKind.Answer, new DateOnly(2025, 1, 5), Clerk, Now));
        var recorded = done.Events.Aggregate(served, (s, e) => s.Evolve(e));
        Assert.Equal([new PeriodDone(PeriodKind.Answer, new DateOnly(2025, 1, 5), Clerk)], recorded.ServiceById("s-direct")!.PeriodsDone);

        Assert.Empty(When(recorded, new ServiceCommand.RecordPeriodDone("s-direct", PeriodKind.Answer, new DateOnly(2025, 1, 5))).Events);
        var again = When(recorded, new ServiceCommand.RecordPeriodDone("s-direct", PeriodKind.Answer, new DateOnly(2025, 1, 6)));
        ThenError(again, "service.period-already-done", ErrorKind.Conflict);
        Assert.Equal(("period", true), (again.Error!.Field, again.Error.MessageZh!.Contains("2025-01-05", StringComparison.Ordinal)));
    }
}
