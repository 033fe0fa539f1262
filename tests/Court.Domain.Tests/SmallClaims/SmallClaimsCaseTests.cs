using Court.Domain.Common;
using Court.Domain.Fees;
using Court.Domain.SmallClaims;

namespace Court.Domain.Tests.SmallClaims;

public sealed class SmallClaimsCaseTests
{
    private const string CaseId = "c1";
    private const string Jiangjin = "渝0116";

    private static readonly ThresholdPeriod Confirmed2022 = ShippedThresholds.Chongqing[^1] with { Confirmed = true, Notice = "n" };

    private static DateTimeOffset At(int year, int month, int day) => new(year, month, day, 10, 0, 0, TimeSpan.FromHours(8));

    private static SmallClaimsContext Context(DateTimeOffset now, FeeScheduleCatalog? fees = null, ThresholdPeriod? threshold = null) =>
        new(now, fees ?? FeeScheduleCatalog.BuiltIn, threshold ?? Confirmed2022, TestCalendar.China2024To2025, Periods);

    /// <summary>The periods of workflows/small-claims.v1.json (the decider reads them from the case's pinned definition).</summary>
    private static readonly SmallClaimsPeriods Periods = new(LimitMonths: 2, ExtensionMonths: 1, PaymentDays: 7);

    private static FileSmallClaimsCase Filing(long claimFen = 40_000_00, DateOnly? filedOn = null, SmallClaimsCaseType type = SmallClaimsCaseType.MonetaryClaim, bool agreed = false) =>
        new(CaseId, "(2024)渝0116民初1号", Jiangjin, "CQ", "张三", "李四", "judge1", claimFen, type, agreed, filedOn);

    private static SmallClaimsCase Given(params IDomainEvent[] events) => events.Aggregate(SmallClaimsCase.Initial, (s, e) => s.Evolve(e));

    private static IReadOnlyList<IDomainEvent> When(SmallClaimsCase state, SmallClaimsCommand command, SmallClaimsContext context) =>
        SmallClaimsDecider.Decide(state, command, context).ThrowIfError();

    private static DomainError Rejected(SmallClaimsCase state, SmallClaimsCommand command, SmallClaimsContext context) =>
        SmallClaimsDecider.Decide(state, command, context).Error ?? throw new InvalidOperationException("expected a rejection");

    private static IReadOnlyList<IDomainEvent> Filed(DateTimeOffset on, long claimFen = 40_000_00, FeeScheduleCatalog? fees = null) =>
        When(SmallClaimsCase.Initial, Filing(claimFen), Context(on, fees));

    [Fact]
    public void Filing_assesses_half_the_property_fee_and_issues_a_notice_due_in_seven_days()
    {
        var events = Filed(At(2024, 3, 4));

        var filed = Assert.IsType<SmallClaimsCaseFiled>(events[0]);
        var notice = Assert.IsType<FeeNoticeIssued>(events[1]);
        Assert.Equal((40_000_00L, 400_00L, EligibilityOutcome.Mandatory), (filed.ClaimFen, filed.Fee.FeeFen, filed.Eligibility));
        Assert.Equal((NationalFeeSchedule.Id, 1), (filed.Fee.ScheduleId, filed.Fee.ScheduleVersion));
        Assert.Equal(("c1-F1", 400_00L, new DateOnly(2024, 3, 11)), (notice.NoticeId, notice.AmountFen, notice.DueOn));
    }

    [Fact]
    public void A_payment_deadline_that_ends_in_the_national_day_holiday_moves_to_the_next_working_day()
    {
        var notice = Assert.IsType<FeeNoticeIssued>(Filed(At(2024, 9, 26))[1]);

        Assert.Equal(new DateOnly(2024, 10, 8), notice.DueOn);
    }

    [Fact]
    public void A_payment_deadline_on_an_adjusted_working_sunday_stays()
    {
        var notice = Assert.IsType<FeeNoticeIssued>(Filed(At(2024, 9, 22))[1]);

        Assert.Equal(new DateOnly(2024, 9, 29), notice.DueOn);
    }

    private static SmallClaimsCase FiledWithNoticeNumbered(string number, DateTimeOffset on) =>
        Given([.. Filed(on), new FeeNoticeDocumentIssued(CaseId, "c1-F1", number)]);

    [Fact]
    public void A_fee_notice_issued_on_monday_and_served_on_thursday_is_due_seven_days_after_thursday_past_national_day()
    {
        // Issued Monday 23 September 2024: from issue it would end Monday 30 September.
        var state = FiledWithNoticeNumbered("（2024）渝0116缴1号", At(2024, 9, 23));
        Assert.Equal(new DateOnly(2024, 9, 30), state.Notices[0].DueOn);

        // Served Thursday 26 September: 7 days from Friday 27 end Thursday 3 October, inside the National Day holiday, so Tuesday 8 October.
        var served = Assert.IsType<FeeNoticeServed>(Assert.Single(When(state, new RecordFeeNoticeServed("（2024）渝0116缴1号", new DateOnly(2024, 9, 26)), Context(At(2024, 9, 27)))));

        Assert.Equal(("c1-F1", new DateOnly(2024, 9, 26), new DateOnly(2024, 10, 8)), (served.NoticeId, served.ServedOn, served.DueOn));
        var notice = Given([.. Filed(At(2024, 9, 23)), new FeeNoticeDocumentIssued(CaseId, "c1-F1", "（2024）渝0116缴1号"), served]).Notices[0];
        Assert.Equal((new DateOnly(2024, 10, 8), (DateOnly?)new DateOnly(2024, 9, 26)), (notice.DueOn, notice.ServedOn));
    }

    [Fact]
    public void A_fee_notice_served_again_keeps_its_first_service()
    {
        var state = FiledWithNoticeNumbered("N1", At(2024, 9, 23));
        var first = When(state, new RecordFeeNoticeServed("N1", new DateOnly(2024, 9, 24)), Context(At(2024, 9, 27)));
        state = first.Aggregate(state, (s, e) => s.Evolve(e));

        Assert.Empty(When(state, new RecordFeeNoticeServed("N1", new DateOnly(2024, 9, 26)), Context(At(2024, 9, 27))));
        Assert.Equal(new DateOnly(2024, 10, 8), state.Notices[0].DueOn); // 24 September + 7 = 1 October, a holiday
    }

    [Fact]
    public void Service_of_a_fee_notice_the_case_does_not_have_or_on_a_future_day_is_refused()
    {
        var state = FiledWithNoticeNumbered("N1", At(2024, 9, 23));

        Assert.Equal("small-claims.notice-not-found", Rejected(state, new RecordFeeNoticeServed("N2", new DateOnly(2024, 9, 24)), Context(At(2024, 9, 27))).Code);
        Assert.Equal("small-claims.served-in-future", Rejected(state, new RecordFeeNoticeServed("N1", new DateOnly(2024, 9, 28)), Context(At(2024, 9, 27))).Code);
    }

    [Fact]
    public void Filing_uses_the_schedule_in_force_on_the_filing_date_not_one_published_for_later()
    {
        var local = new FeeSchedule("jiangjin-small-claims", 1, new DateOnly(2024, 6, 1), "江津小额", "Jiangjin small claims", new FeeScope(Jiangjin, Procedure.SmallClaims),
            [new FeeScale(FeeKind.Property, FeeCategory.Acceptance, NationalFeeSchedule.PropertyBands)], [new FeeReduction(ReductionReason.SmallClaimsProcedure, new Ratio(1, 4))]);
        var fees = new FeeScheduleCatalog([NationalFeeSchedule.V1, local]);

        var before = Assert.IsType<SmallClaimsCaseFiled>(Filed(At(2024, 5, 31), fees: fees)[0]);
        var after = Assert.IsType<SmallClaimsCaseFiled>(Filed(At(2024, 6, 1), fees: fees)[0]);

        Assert.Equal((NationalFeeSchedule.Id, 400_00L), (before.Fee.ScheduleId, before.Fee.FeeFen));
        Assert.Equal(("jiangjin-small-claims", 200_00L), (after.Fee.ScheduleId, after.Fee.FeeFen));
    }

    [Fact]
    public void A_case_filed_on_an_earlier_date_is_charged_and_timed_from_that_date()
    {
        var filed = Assert.IsType<SmallClaimsCaseFiled>(When(SmallClaimsCase.Initial, Filing(filedOn: new DateOnly(2024, 3, 1)), Context(At(2024, 3, 4)))[0]);

        Assert.Equal((new DateOnly(2024, 3, 1), new DateOnly(2024, 5, 6)), (filed.FiledOn, filed.LimitOn));
    }

    [Fact]
    public void Filing_under_an_unconfirmed_threshold_is_refused() =>
        Assert.Equal("small-claims.threshold-unconfirmed", Rejected(SmallClaimsCase.Initial, Filing(), Context(At(2024, 3, 4), threshold: ShippedThresholds.Chongqing[^1])).Code);

    [Fact]
    public void Filing_above_the_mandatory_limit_needs_both_parties_agreement()
    {
        Assert.Equal("small-claims.not-eligible.parties-have-not-agreed", Rejected(SmallClaimsCase.Initial, Filing(claimFen: 60_000_00), Context(At(2024, 3, 4))).Code);

        var filed = Assert.IsType<SmallClaimsCaseFiled>(When(SmallClaimsCase.Initial, Filing(claimFen: 60_000_00, agreed: true), Context(At(2024, 3, 4)))[0]);
        Assert.Equal(EligibilityOutcome.AllowedByAgreement, filed.Eligibility);
    }

    [Fact]
    public void Filing_an_excluded_case_type_is_refused_with_the_rule() =>
        Assert.Contains("Art. 166(5)", Rejected(SmallClaimsCase.Initial, Filing(type: SmallClaimsCaseType.Counterclaim), Context(At(2024, 3, 4))).Message, StringComparison.Ordinal);

    [Fact]
    public void Filing_in_the_future_is_refused() =>
        Assert.Equal("small-claims.filed-in-future", Rejected(SmallClaimsCase.Initial, Filing(filedOn: new DateOnly(2024, 3, 5)), Context(At(2024, 3, 4))).Code);

    [Fact]
    public void Filing_the_same_case_again_yields_no_events() =>
        Assert.Empty(When(Given([.. Filed(At(2024, 3, 4))]), Filing(), Context(At(2024, 3, 4))));

    [Fact]
    public void Converting_to_ordinary_procedure_charges_the_other_half()
    {
        var state = Given([.. Filed(At(2024, 3, 4))]);

        var events = When(state, new ConvertProcedure(Procedure.Ordinary, "需要鉴定"), Context(At(2024, 3, 20)));

        var converted = Assert.IsType<ProcedureConverted>(events[0]);
        var notice = Assert.IsType<FeeNoticeIssued>(events[1]);
        Assert.Equal((800_00L, 400_00L), (converted.Fee.FeeFen, converted.DifferenceFen));
        Assert.Equal(("c1-F2", FeeNoticeReason.Conversion, 400_00L, new DateOnly(2024, 3, 27)), (notice.NoticeId, notice.Reason, notice.AmountFen, notice.DueOn));
    }

    [Fact]
    public void Converting_to_simple_procedure_under_the_national_schedule_costs_nothing_more()
    {
        var events = When(Given([.. Filed(At(2024, 3, 4))]), new ConvertProcedure(Procedure.Simple, "案情复杂"), Context(At(2024, 3, 20)));

        Assert.Equal(0, Assert.IsType<ProcedureConverted>(Assert.Single(events)).DifferenceFen);
    }

    [Fact]
    public void Converting_from_a_lower_local_small_claims_fee_charges_the_difference_to_simple_procedure()
    {
        var local = new FeeSchedule("jiangjin-small-claims", 1, new DateOnly(2024, 1, 1), "江津小额", "Jiangjin small claims", new FeeScope(Jiangjin, Procedure.SmallClaims),
            [new FeeScale(FeeKind.Property, FeeCategory.Acceptance, NationalFeeSchedule.PropertyBands)], [new FeeReduction(ReductionReason.SmallClaimsProcedure, new Ratio(1, 4))]);
        var fees = new FeeScheduleCatalog([NationalFeeSchedule.V1, local]);
        var state = Given([.. Filed(At(2024, 3, 4), fees: fees)]);

        var converted = Assert.IsType<ProcedureConverted>(When(state, new ConvertProcedure(Procedure.Simple, "r"), Context(At(2024, 3, 20), fees))[0]);

        Assert.Equal((400_00L, 200_00L), (converted.Fee.FeeFen, converted.DifferenceFen));
    }

    [Fact]
    public void Lowering_a_paid_claim_before_the_investigation_ends_refunds_the_difference()
    {
        var state = Given([.. Filed(At(2024, 3, 4)), new FeeNoticePaid(CaseId, "c1-F1", 400_00, new DateOnly(2024, 3, 5))]);

        var lowered = Assert.IsType<ClaimLowered>(Assert.Single(When(state, new LowerClaim(30_000_00), Context(At(2024, 3, 25)))));

        // 30,000: 50 + 20,000 × 2.5 % = 550, halved 275; paid 400.
        Assert.Equal((true, 275_00L, "c1-R1", 125_00L), (lowered.BeforeInvestigationEnded, lowered.Fee!.FeeFen, lowered.RefundId, lowered.RefundFen));
        Assert.Empty(lowered.Amendments);
    }

    [Fact]
    public void Lowering_an_unpaid_claim_lowers_the_notice_instead_of_refunding()
    {
        var state = Given([.. Filed(At(2024, 3, 4))]);

        var lowered = Assert.IsType<ClaimLowered>(Assert.Single(When(state, new LowerClaim(30_000_00), Context(At(2024, 3, 6)))));

        Assert.Equal([new NoticeAmendment("c1-F1", 400_00, 275_00)], lowered.Amendments);
        Assert.Equal((null, 0L), (lowered.RefundId, lowered.RefundFen));
        Assert.Equal(275_00, Given([.. Filed(At(2024, 3, 4)), lowered]).Notices.Single().AmountFen);
    }

    [Fact]
    public void Lowering_after_the_court_investigation_ended_refunds_nothing()
    {
        var state = Given([.. Filed(At(2024, 3, 4)), new FeeNoticePaid(CaseId, "c1-F1", 400_00, new DateOnly(2024, 3, 5)),
            new SmallClaimsServed(CaseId, ServiceMethod.Electronic, new DateOnly(2024, 3, 6)), new SmallClaimsHearingOpened(CaseId, new DateOnly(2024, 3, 20)),
            new CourtInvestigationEnded(CaseId, new DateOnly(2024, 3, 20))]);

        var lowered = Assert.IsType<ClaimLowered>(Assert.Single(When(state, new LowerClaim(30_000_00), Context(At(2024, 3, 20)))));

        Assert.Equal((false, (FeeAssessment?)null, 0L), (lowered.BeforeInvestigationEnded, lowered.Fee, lowered.RefundFen));
        Assert.Equal(400_00, Given([.. Filed(At(2024, 3, 4)), lowered]).AssessedFen);
    }

    [Fact]
    public void Raising_the_claim_is_not_lowering_it() =>
        Assert.Equal("small-claims.not-a-lower-claim", Rejected(Given([.. Filed(At(2024, 3, 4))]), new LowerClaim(45_000_00), Context(At(2024, 3, 6))).Code);

    [Fact]
    public void Recording_a_refund_paid_twice_yields_no_events_the_second_time()
    {
        var state = Given([.. Filed(At(2024, 3, 4)), new FeeNoticePaid(CaseId, "c1-F1", 400_00, new DateOnly(2024, 3, 5))]);
        var lowered = When(state, new LowerClaim(30_000_00), Context(At(2024, 3, 25)));
        state = Given([.. Filed(At(2024, 3, 4)), new FeeNoticePaid(CaseId, "c1-F1", 400_00, new DateOnly(2024, 3, 5)), .. lowered]);

        var paid = Assert.IsType<FeeRefundPaid>(Assert.Single(When(state, new RecordRefundPaid("c1-R1"), Context(At(2024, 3, 26)))));

        Assert.Equal(125_00, paid.AmountFen);
        Assert.Empty(When(state.Evolve(paid), new RecordRefundPaid("c1-R1"), Context(At(2024, 3, 27))));
        Assert.Equal("small-claims.refund-not-found", Rejected(state, new RecordRefundPaid("c1-R9"), Context(At(2024, 3, 27))).Code);
    }

    [Fact]
    public void Paying_a_notice_twice_yields_no_events_the_second_time()
    {
        var state = Given([.. Filed(At(2024, 3, 4))]);

        var paid = Assert.IsType<FeeNoticePaid>(Assert.Single(When(state, new RecordFeePayment("c1-F1"), Context(At(2024, 3, 5)))));

        Assert.Equal(400_00, paid.AmountFen);
        Assert.Empty(When(state.Evolve(paid), new RecordFeePayment("c1-F1"), Context(At(2024, 3, 6))));
    }

    [Fact]
    public void A_payment_is_recorded_on_the_day_paid_with_its_receipt_number()
    {
        var state = Given([.. Filed(At(2024, 3, 4))]);

        var paid = Assert.IsType<FeeNoticePaid>(Assert.Single(When(state, new RecordFeePayment("c1-F1", new DateOnly(2024, 3, 5), " 渝财0012 "), Context(At(2024, 3, 8)))));

        Assert.Equal((new DateOnly(2024, 3, 5), "渝财0012"), (paid.PaidOn, paid.ReceiptNumber));
    }

    [Theory]
    [InlineData("2024-03-09", "small-claims.paid-in-future")]
    [InlineData("2024-03-03", "small-claims.paid-before-notice")]
    public void A_payment_cannot_be_dated_in_the_future_or_before_its_notice(string paidOn, string code) =>
        Assert.Equal(code, Rejected(Given([.. Filed(At(2024, 3, 4))]), new RecordFeePayment("c1-F1", DateOnly.Parse(paidOn, System.Globalization.CultureInfo.InvariantCulture), "r"), Context(At(2024, 3, 8))).Code);

    [Fact]
    public void A_notice_keeps_the_number_of_its_document_once()
    {
        var state = Given([.. Filed(At(2024, 3, 4))]);

        var issued = Assert.IsType<FeeNoticeDocumentIssued>(Assert.Single(When(state, new RecordFeeNoticeDocument("c1-F1", "江津法缴费字〔2024〕第0001号"), Context(At(2024, 3, 4)))));

        Assert.Equal("江津法缴费字〔2024〕第0001号", state.Evolve(issued).Notices.Single().DocumentNumber);
        Assert.Empty(When(state.Evolve(issued), new RecordFeeNoticeDocument("c1-F1", "another"), Context(At(2024, 3, 4))));
        Assert.Equal("small-claims.notice-not-found", Rejected(state, new RecordFeeNoticeDocument("c1-F9", "x"), Context(At(2024, 3, 4))).Code);
    }

    [Fact]
    public void Public_notice_service_is_refused() =>
        Assert.Equal("small-claims.public-notice-refused", Rejected(Given([.. Filed(At(2024, 3, 4))]), new RecordService(ServiceMethod.PublicNotice), Context(At(2024, 3, 6))).Code);

    [Fact]
    public void Service_hearing_the_end_of_investigation_and_the_decision_are_each_recorded_once()
    {
        var state = Given([.. Filed(At(2024, 3, 4))]);
        SmallClaimsCommand[] commands = [new RecordService(ServiceMethod.Postal), new OpenHearing(), new EndCourtInvestigation(), new DecideSmallClaimsCase(CaseClosing.None)];
        var recorded = new List<IDomainEvent>();
        foreach (var command in commands)
        {
            var events = When(state, command, Context(At(2024, 3, 20)));
            recorded.AddRange(events);
            state = events.Aggregate(state, (s, e) => s.Evolve(e));
        }

        Assert.Equal([typeof(SmallClaimsServed), typeof(SmallClaimsHearingOpened), typeof(CourtInvestigationEnded), typeof(SmallClaimsCaseDecided)], recorded.Select(e => e.GetType()));
        Assert.Empty(When(state, new EndCourtInvestigation(), Context(At(2024, 3, 21))));
    }

    [Fact]
    public void Mediation_does_not_halve_a_small_claims_fee_a_second_time()
    {
        var state = Given([.. Filed(At(2024, 3, 4)), new SmallClaimsServed(CaseId, ServiceMethod.Direct, new DateOnly(2024, 3, 5)), new SmallClaimsHearingOpened(CaseId, new DateOnly(2024, 3, 6))]);

        var decided = Assert.IsType<SmallClaimsCaseDecided>(Assert.Single(When(state, new DecideSmallClaimsCase(CaseClosing.Mediation), Context(At(2024, 3, 6)))));

        Assert.Equal((400_00L, 0L), (decided.Fee!.FeeFen, decided.RefundFen));
    }

    /// <summary>
    /// Every combination of the fee rules on a 40,000-yuan claim (full fee 800) that may be lowered to 20,000 (full fee
    /// 300), all notices paid as they come: small claims halves (Art. 16); mediation or withdrawal halves (Art. 15) but
    /// does not halve a halved fee again (decision 0012); a claim lowered before the end of court investigation lowers
    /// the fee, one lowered after it does not, whatever the closing (Art. 21).
    /// </summary>
    [Theory]
    [InlineData(false, "never", CaseClosing.None, 400_00L, 0L)]
    [InlineData(false, "never", CaseClosing.Mediation, 400_00L, 0L)]
    [InlineData(false, "never", CaseClosing.Withdrawal, 400_00L, 0L)]
    [InlineData(false, "before", CaseClosing.None, 150_00L, 250_00L)]
    [InlineData(false, "before", CaseClosing.Mediation, 150_00L, 250_00L)]
    [InlineData(false, "before", CaseClosing.Withdrawal, 150_00L, 250_00L)]
    [InlineData(false, "after", CaseClosing.None, 400_00L, 0L)]
    [InlineData(false, "after", CaseClosing.Mediation, 400_00L, 0L)]
    [InlineData(false, "after", CaseClosing.Withdrawal, 400_00L, 0L)]
    [InlineData(true, "never", CaseClosing.None, 800_00L, 0L)]
    [InlineData(true, "never", CaseClosing.Mediation, 400_00L, 400_00L)]
    [InlineData(true, "never", CaseClosing.Withdrawal, 400_00L, 400_00L)]
    [InlineData(true, "before", CaseClosing.None, 300_00L, 500_00L)]
    [InlineData(true, "before", CaseClosing.Mediation, 150_00L, 650_00L)]
    [InlineData(true, "before", CaseClosing.Withdrawal, 150_00L, 650_00L)]
    [InlineData(true, "after", CaseClosing.None, 800_00L, 0L)]
    [InlineData(true, "after", CaseClosing.Mediation, 400_00L, 400_00L)]
    [InlineData(true, "after", CaseClosing.Withdrawal, 400_00L, 400_00L)]
    public void The_fee_rules_compose_for_every_procedure_lowering_and_closing(bool convertedToOrdinary, string lowered, CaseClosing closing, long feeFen, long refundedFen)
    {
        var state = Given([.. Filed(At(2024, 3, 4))]);
        var context = Context(At(2024, 3, 6));
        SmallClaimsCase Apply(SmallClaimsCase current, SmallClaimsCommand command) => When(current, command, context).Aggregate(current, (s, e) => s.Evolve(e));
        SmallClaimsCase PayAll(SmallClaimsCase current) => current.Notices.Where(n => n.Outstanding).Aggregate(current, (s, n) => Apply(s, new RecordFeePayment(n.NoticeId)));

        state = PayAll(state);
        if (convertedToOrdinary)
        {
            state = PayAll(Apply(state, new ConvertProcedure(Procedure.Ordinary, "需要鉴定")));
        }

        if (lowered == "before")
        {
            state = Apply(state, new LowerClaim(20_000_00));
        }

        state = Apply(state, new EndCourtInvestigation());
        if (lowered == "after")
        {
            state = Apply(state, new LowerClaim(20_000_00));
        }

        state = Apply(state, new DecideSmallClaimsCase(closing));

        Assert.Equal((feeFen, refundedFen), (state.AssessedFen, state.Refunds.Values.Sum(r => r.AmountFen)));
    }

    [Theory]
    [InlineData("2024-08-01", "2024-10-08", "2024-11-01")] // 1 October falls in the National Day holiday
    [InlineData("2024-07-05", "2024-09-05", "2024-10-08")] // the extended limit 5 October does
    [InlineData("2024-11-29", "2025-02-05", "2025-02-28")] // 29 January in the Spring Festival; 29 February does not exist in 2025
    [InlineData("2024-03-09", "2024-05-09", "2024-06-11")] // 9 June is in the Dragon Boat holiday
    [InlineData("2024-11-26", "2025-01-26", "2025-02-26")] // Sunday 26 January 2025 is an adjusted working day
    public void The_two_month_limit_and_its_one_month_extension_skip_days_off(string filedOn, string limit, string extended)
    {
        var filed = DateOnly.Parse(filedOn, System.Globalization.CultureInfo.InvariantCulture);
        var now = new DateTimeOffset(filed.ToDateTime(new TimeOnly(10, 0)), TimeSpan.FromHours(8));
        var state = Given([.. Filed(now)]);

        Assert.Equal(DateOnly.Parse(limit, System.Globalization.CultureInfo.InvariantCulture), state.LimitOn);

        var extension = Assert.IsType<SmallClaimsLimitExtended>(Assert.Single(When(state, new ExtendLimit("证据交换需时"), Context(now.AddDays(20)))));
        Assert.Equal(DateOnly.Parse(extended, System.Globalization.CultureInfo.InvariantCulture), extension.ToLimit);
    }

    [Fact]
    public void The_limit_is_extended_only_once()
    {
        var state = Given([.. Filed(At(2024, 3, 4)), new SmallClaimsLimitExtended(CaseId, new DateOnly(2024, 5, 6), new DateOnly(2024, 6, 4), "r")]);

        var error = Rejected(state, new ExtendLimit("again"), Context(At(2024, 5, 20)));

        Assert.Equal(("small-claims.already-extended", ErrorKind.Conflict), (error.Code, error.Kind));
    }

    [Fact]
    public void A_limit_that_has_passed_cannot_be_extended() =>
        Assert.Equal("small-claims.limit-passed", Rejected(Given([.. Filed(At(2024, 3, 4))]), new ExtendLimit("late"), Context(At(2024, 5, 7))).Code);

    [Theory]
    [InlineData("(2024)渝0116破1号", "small-claims.case-type-wrong")]
    [InlineData("(2024)渝0116执1号", "small-claims.case-type-wrong")]
    [InlineData("(2024)渝05民初1号", "small-claims.court-wrong")]
    [InlineData("(2024)渝民初1号", "small-claims.court-wrong")]
    [InlineData("(2023)渝0116民初1号", "small-claims.year-wrong")]
    [InlineData("(2015)渝0116民初1号", "case-number.year-out-of-range")]
    public void Filing_refuses_a_number_that_is_not_this_courts_civil_first_instance_number_of_the_filing_year(string caseNumber, string code)
    {
        var error = Rejected(SmallClaimsCase.Initial, Filing() with { CaseNumber = caseNumber }, Context(At(2024, 3, 4)));

        Assert.Equal((code, ErrorKind.Validation), (error.Code, error.Kind));
    }

    [Fact]
    public void A_civil_first_instance_number_of_this_court_and_year_is_filed() =>
        Assert.IsType<SmallClaimsCaseFiled>(When(SmallClaimsCase.Initial, Filing() with { CaseNumber = "（2024）渝0116民初88号" }, Context(At(2024, 12, 31)))[0]);

    [Fact]
    public void Commands_for_a_case_never_filed_are_not_found() =>
        Assert.Equal(ErrorKind.NotFound, Rejected(SmallClaimsCase.Initial, new OpenHearing(), Context(At(2024, 3, 4))).Kind);
}
