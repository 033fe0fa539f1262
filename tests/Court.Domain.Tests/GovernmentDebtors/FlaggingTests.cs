using Court.Domain.GovernmentDebtors;
using Court.Domain.Identifiers;
using static Court.Domain.Tests.GovernmentDebtors.Facts;

namespace Court.Domain.Tests.GovernmentDebtors;

public sealed class FlaggingTests
{
    [Theory]
    [InlineData("11500116009000001K", RegisteredBodyKind.GovernmentOrgan)]
    [InlineData("12500116450400001T", RegisteredBodyKind.PublicInstitution)]
    [InlineData("91500116MA5U5X7A8B", RegisteredBodyKind.Enterprise)]
    [InlineData("91350100M000100Y43", RegisteredBodyKind.Enterprise)]
    public void A_credit_code_tells_the_kind_of_body_from_its_first_two_characters(string code, RegisteredBodyKind kind) =>
        Assert.Equal(kind, CreditCode.Parse(code).Value.BodyKind);

    [Fact]
    public void A_government_organ_is_flagged_from_its_credit_code() =>
        Assert.Equal(new SpecialPartyFlag(SpecialPartyKind.GovernmentOrgan, FlaggedBy.CreditCode), SpecialParties.Classify(TownGovernment, clerkMarksStateOwned: false));

    [Fact]
    public void A_public_institution_is_flagged_from_its_credit_code() =>
        Assert.Equal(new SpecialPartyFlag(SpecialPartyKind.PublicInstitution, FlaggedBy.CreditCode), SpecialParties.Classify(Hospital, clerkMarksStateOwned: false));

    [Fact]
    public void A_company_is_not_flagged() =>
        Assert.Null(SpecialParties.Classify(Company, clerkMarksStateOwned: false));

    [Fact]
    public void A_company_the_clerk_marks_state_owned_is_flagged_by_the_clerk() =>
        Assert.Equal(new SpecialPartyFlag(SpecialPartyKind.StateOwnedEnterprise, FlaggedBy.Clerk), SpecialParties.Classify(Company, clerkMarksStateOwned: true));

    [Fact]
    public void Marking_an_organ_state_owned_does_not_make_it_an_enterprise() =>
        Assert.Equal(SpecialPartyKind.GovernmentOrgan, SpecialParties.Classify(TownGovernment, clerkMarksStateOwned: true)!.Kind);

    [Fact]
    public void Opening_a_case_records_its_parties_and_flags_the_organ_debtor()
    {
        var opened = Only<GovernmentDebtCaseOpened>(When(GovernmentDebtCase.Initial, Opening(), On(2024, 1, 8)));

        Assert.Equal((SpecialPartyKind.GovernmentOrgan, FlaggedBy.CreditCode), (opened.Flag.Kind, opened.Flag.By));
        Assert.Equal(("重庆江津某某建设工程有限公司", "重庆市江津区白沙镇人民政府"), (opened.Creditor.Name, opened.Debtor.Name));
        Assert.Equal("unit-11500116009000001K", opened.DebtorAgency);
        Assert.Equal(("(2024)渝0116执100号", "渝0116"), (opened.CaseNumber, opened.CourtCode));
    }

    [Fact]
    public void Opening_a_case_against_an_unmarked_company_is_refused() =>
        ThenRefused(When(GovernmentDebtCase.Initial, Opening(Company), On(2024, 1, 8)), "government-debt.debtor-not-special");

    [Fact]
    public void Opening_a_case_against_a_state_owned_company_flags_it_by_the_clerks_choice() =>
        Assert.Equal(FlaggedBy.Clerk, Only<GovernmentDebtCaseOpened>(When(GovernmentDebtCase.Initial, Opening(Company, stateOwned: true), On(2024, 1, 8))).Flag.By);

    [Fact]
    public void Only_an_enforcement_case_number_opens_a_case() =>
        ThenRefused(When(GovernmentDebtCase.Initial, Opening() with { CaseNumber = CaseNumber.Parse("(2024)渝0116民初1号").Value }, On(2024, 1, 8)), "government-debt.not-an-enforcement-case");

    [Fact]
    public void Opening_the_same_case_again_changes_nothing() =>
        Assert.Empty(Then(When(Given(Opened()), Opening(), On(2024, 1, 9))));

    [Fact]
    public void A_judgment_not_yet_effective_cannot_be_enforced() =>
        ThenRefused(When(GovernmentDebtCase.Initial, Opening() with { Judgment = new Judgment("(2023)渝0116民初2001号", new DateOnly(2024, 1, 2), new DateOnly(2024, 1, 20)) }, On(2024, 1, 8)), "government-debt.judgment-dates");
}

public sealed class GovernmentDebtorTests
{
    private static readonly Official Leader1 = new("张国华", "镇长");
    private static readonly Official Leader2 = new("李明", "镇长");
    private static readonly DateOnly Today = new(2024, 6, 1);

    private static GovernmentDebtor Flagged() => new[]
    {
        GovernmentDebtorDecider.Decide(GovernmentDebtor.Initial, new FlagGovernmentDebtor(TownGovernment.Value, "重庆市江津区白沙镇人民政府", new SpecialPartyFlag(SpecialPartyKind.GovernmentOrgan, FlaggedBy.CreditCode), true, "重庆市江津区人民政府", Leader1, new Official("王芳", "党政办主任", "023-47000000")), new DateOnly(2024, 1, 8)).ThrowIfError()[0],
    }.Aggregate(GovernmentDebtor.Initial, (s, e) => s.Evolve(e));

    [Fact]
    public void A_change_of_leader_is_an_event_that_ends_the_old_term_and_starts_the_new()
    {
        var debtor = Flagged();

        var changed = Assert.IsType<ResponsibleLeaderChanged>(Assert.Single(GovernmentDebtorDecider.Decide(debtor, new ChangeResponsibleLeader(Leader2, new DateOnly(2024, 3, 1), "换届"), Today).ThrowIfError()));
        var after = debtor.Evolve(changed);

        Assert.Equal((Leader1, Leader2), (changed.From, changed.To));
        Assert.Equal(Leader2, after.Leader);
        Assert.Equal([new LeaderTerm(Leader1, new DateOnly(2024, 1, 8), new DateOnly(2024, 3, 1)), new LeaderTerm(Leader2, new DateOnly(2024, 3, 1), null)], after.Leaders);
    }

    [Fact]
    public void The_debt_stays_with_the_unit_so_both_leaders_answer_for_a_debt_unpaid_since_before_the_change()
    {
        var debtor = Flagged();
        debtor = debtor.Evolve(GovernmentDebtorDecider.Decide(debtor, new ChangeResponsibleLeader(Leader2, new DateOnly(2024, 3, 1), null), Today).ThrowIfError()[0]);

        Assert.Equal([Leader1, Leader2], debtor.LeadersSince(new DateOnly(2024, 1, 8)).Select(t => t.Leader));
        Assert.Equal([Leader2], debtor.LeadersSince(new DateOnly(2024, 3, 2)).Select(t => t.Leader));
    }

    [Fact]
    public void Naming_the_present_leader_again_changes_nothing() =>
        Assert.Empty(GovernmentDebtorDecider.Decide(Flagged(), new ChangeResponsibleLeader(Leader1, null, null), Today).ThrowIfError());

    [Fact]
    public void A_successor_cannot_take_over_before_his_predecessor_took_office() =>
        Assert.Equal("government-debtor.leader-change-before-current", GovernmentDebtorDecider.Decide(Flagged(), new ChangeResponsibleLeader(Leader2, new DateOnly(2023, 12, 1), null), Today).Error?.Code);

    [Fact]
    public void Flagging_an_already_flagged_unit_changes_nothing() =>
        Assert.Empty(GovernmentDebtorDecider.Decide(Flagged(), new FlagGovernmentDebtor(TownGovernment.Value, "x", new SpecialPartyFlag(SpecialPartyKind.GovernmentOrgan, FlaggedBy.CreditCode), false, "y", null, null), Today).ThrowIfError());

    [Fact]
    public void Handler_and_supervising_unit_changes_are_events()
    {
        var debtor = Flagged();

        var handler = Assert.IsType<HandlerChanged>(Assert.Single(GovernmentDebtorDecider.Decide(debtor, new ChangeHandler(new Official("陈静", "财政所所长"), null), Today).ThrowIfError()));
        var unit = Assert.IsType<SupervisingUnitChanged>(Assert.Single(GovernmentDebtorDecider.Decide(debtor, new ChangeSupervisingUnit("重庆市江津区财政局", null, "划转"), Today).ThrowIfError()));

        Assert.Equal(("王芳", "陈静"), (handler.From!.Name, handler.To.Name));
        Assert.Equal("重庆市江津区财政局", debtor.Evolve(unit).SupervisingUnit);
    }
}
