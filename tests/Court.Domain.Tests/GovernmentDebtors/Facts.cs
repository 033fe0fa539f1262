using Court.Domain.Common;
using Court.Domain.GovernmentDebtors;
using Court.Domain.Identifiers;

namespace Court.Domain.Tests.GovernmentDebtors;

/// <summary>A town government owes a builder under an effective judgment; the rules of the shipped definition.</summary>
public static class Facts
{
    public const string CaseId = "gd-1";

    /// <summary>重庆市江津区白沙镇人民政府 (a made-up but valid organ code: registration authority 1, category 1).</summary>
    public static readonly CreditCode TownGovernment = CreditCode.Parse("11500116009000001K").Value;

    public static readonly CreditCode Hospital = CreditCode.Parse("12500116450400001T").Value;

    public static readonly CreditCode Company = CreditCode.Parse("91500116MA5U5X7A8B").Value;

    public static readonly GovernmentDebtRules Rules = new(
        PushBeforeMeasures: RulePeriod.WorkingDays(5),
        Removal: RulePeriod.WorkingDays(3),
        CorrectionReview: RulePeriod.CalendarDays(15),
        Correction: RulePeriod.WorkingDays(3),
        ReconsiderationFiling: RulePeriod.CalendarDays(10),
        ReconsiderationDecision: RulePeriod.CalendarDays(15),
        RelistingBar: RulePeriod.Months(6),
        FixedTermYears: 2,
        MinExtensionYears: 1,
        MaxExtensionYears: 3,
        MonthlyReport: RulePeriod.WorkingDays(5),
        CoordinationMeeting: RulePeriod.Months(6),
        SupremeCourtFilingForLocalGovernment: true);

    public static DateTimeOffset At(int year, int month, int day) => new(year, month, day, 10, 0, 0, TimeSpan.FromHours(8));

    public static GovernmentDebtContext On(int year, int month, int day, GovernmentDebtRules? rules = null) =>
        new(At(year, month, day), TestCalendar.China2024To2025, rules ?? Rules);

    public static OpenGovernmentDebtCase Opening(CreditCode? debtor = null, bool stateOwned = false, bool localGovernment = false, InterestOrder? interest = null, long principalFen = 1_000_000_00) => new(
        CaseId,
        CaseNumber.Parse("(2024)渝0116执100号").Value,
        new Judgment("(2023)渝0116民初2001号", new DateOnly(2023, 11, 20), new DateOnly(2023, 12, 10)),
        new DebtParty("重庆江津某某建设工程有限公司", "91500116MA5U5X7A8B"),
        "重庆市江津区白沙镇人民政府",
        debtor ?? TownGovernment,
        stateOwned,
        localGovernment,
        "重庆市江津区人民政府",
        principalFen,
        interest,
        "judge");

    public static GovernmentDebtCaseOpened Opened(bool localGovernment = false, InterestOrder? interest = null) =>
        Assert.IsType<GovernmentDebtCaseOpened>(GovernmentDebtDecider.Decide(GovernmentDebtCase.Initial, Opening(localGovernment: localGovernment, interest: interest), On(2024, 1, 8)).ThrowIfError()[0]);

    public static GovernmentDebtCase Given(params IDomainEvent[] events) => events.Aggregate(GovernmentDebtCase.Initial, (s, e) => s.Evolve(e));

    public static Decision When(GovernmentDebtCase state, GovernmentDebtCommand command, GovernmentDebtContext context) =>
        GovernmentDebtDecider.Decide(state, command, context);

    public static IReadOnlyList<IDomainEvent> Then(Decision decision) => decision.ThrowIfError();

    public static DomainError ThenRefused(Decision decision, string code)
    {
        Assert.Empty(decision.Events);
        Assert.NotNull(decision.Error);
        Assert.Equal(code, decision.Error.Code);
        return decision.Error;
    }

    public static TEvent Only<TEvent>(Decision decision) => Assert.IsType<TEvent>(Assert.Single(Then(decision)));

    /// <summary>Opened, pushed on <paramref name="pushedOn"/>.</summary>
    public static GovernmentDebtCase Pushed(DateOnly pushedOn, bool localGovernment = false) =>
        Given(Opened(localGovernment), new CasePushed(CaseId, pushedOn, null));

    /// <summary>Pushed long ago and listed on ground 1 on <paramref name="listedOn"/>.</summary>
    public static GovernmentDebtCase Listed(DateOnly listedOn) =>
        Given(Opened(), new CasePushed(CaseId, new DateOnly(2024, 1, 10), null), new ListedAsDishonestDebtor(CaseId, CaseId + "-L1", ListingGround.AbleButRefuses, null, listedOn, null));
}
