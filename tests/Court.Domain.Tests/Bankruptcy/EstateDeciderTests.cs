using Court.Domain.Bankruptcy;
using Court.Domain.Common;
using Court.Domain.Identifiers;
using static Court.Domain.Tests.Bankruptcy.Facts;
using static Court.Domain.Tests.Bankruptcy.Spec;

namespace Court.Domain.Tests.Bankruptcy;

public sealed class EstateDeciderTests
{
    private static readonly EstateCommand.OpenCase Open = new(EstateId, Case, "重庆江津某某机械制造有限公司", Debtor, new DateOnly(2022, 4, 20), Admin, "重庆某某律师事务所", "clerk");

    private static Decision When(Estate state, EstateCommand command) => EstateDecider.Decide(state, command, Now);

    [Fact]
    public void Opening_a_case_records_it_with_the_canonical_number() =>
        Then(When(Estate.Initial, Open), Opened with { At = Now });

    [Fact]
    public void Opening_the_same_case_again_yields_no_events() =>
        ThenNothing(When(Given<Estate>(Opened), Open));

    [Fact]
    public void Opening_the_case_again_with_another_administrator_is_a_conflict() =>
        ThenError(When(Given<Estate>(Opened), Open with { AdministratorUserId = "admin2" }), "estate.already-opened", ErrorKind.Conflict);

    [Fact]
    public void An_estate_needs_a_bankruptcy_case_number() =>
        ThenError(When(Estate.Initial, Open with { CaseNumber = CaseNumber.Parse("(2022)渝0116破申3号").Value }), "estate.case-type", ErrorKind.Validation);

    [Fact]
    public void A_case_cannot_be_accepted_in_the_future() =>
        ThenError(When(Estate.Initial, Open with { AcceptedOn = new DateOnly(2022, 6, 3) }), "estate.accepted-in-future");

    [Fact]
    public void A_case_cannot_be_accepted_before_its_year() =>
        ThenError(When(Estate.Initial, Open with { AcceptedOn = new DateOnly(2021, 12, 31) }), "estate.accepted-before-case-year");

    [Fact]
    public void Nothing_but_opening_works_on_a_case_that_does_not_exist() =>
        ThenError(When(Estate.Initial, new EstateCommand.LapseExpiredSeizures("system")), "estate.not-found", ErrorKind.NotFound);

    private static readonly EstateCommand.RegisterAsset Register = new(AssetId, AssetKind.Building, "厂房一栋", Building, Bureau, new Money(1_200_000_00), Admin);

    [Fact]
    public void Registering_an_asset_lists_it_in_the_estate() =>
        Then(When(Given<Estate>(Opened), Register), BuildingRegistered with { At = Now });

    [Fact]
    public void Registering_the_same_asset_twice_yields_no_events() =>
        ThenNothing(When(Given<Estate>(Opened, BuildingRegistered), Register));

    [Fact]
    public void Registering_the_same_asset_again_under_a_new_id_yields_no_events() =>
        ThenNothing(When(Given<Estate>(Opened, BuildingRegistered), Register with { AssetId = "asset-2" }));

    [Fact]
    public void Registering_another_asset_with_the_same_unit_code_is_a_conflict() =>
        ThenError(When(Given<Estate>(Opened, BuildingRegistered), Register with { AssetId = "asset-2", Description = "同一厂房" }), "asset.already-registered", ErrorKind.Conflict);

    [Fact]
    public void A_building_is_held_by_the_natural_resources_bureau_not_the_vehicle_office() =>
        ThenError(When(Given<Estate>(Opened), Register with { HoldingAgency = Agencies.VehicleOffice.Code }), "asset.holding-agency", ErrorKind.Validation);

    private static readonly EstateCommand.RecordSeizure Seize = new(AssetId, FirstSeizure, "重庆市江津区人民法院", "重庆市第五中级人民法院", "(2021)渝0116执100号", new DateOnly(2021, 5, 10), SeizureRank.First, "查封登记2021-77", Admin);

    [Fact]
    public void A_seizure_of_real_estate_expires_after_three_years() =>
        Then(When(Given<Estate>(Opened, BuildingRegistered), Seize), FirstSeized with { At = Now });

    [Theory]
    [InlineData(AssetKind.DepositAccount, 1)]
    [InlineData(AssetKind.Vehicle, 2)]
    [InlineData(AssetKind.LandUseRight, 3)]
    [InlineData(AssetKind.Equity, 3)]
    public void Seizures_expire_by_kind(AssetKind kind, int years) =>
        Assert.Equal(years, EstateDecider.SeizureYears(kind));

    [Fact]
    public void Recording_the_same_seizure_twice_yields_no_events() =>
        ThenNothing(When(Given<Estate>(Opened, BuildingRegistered, FirstSeized), Seize));

    [Fact]
    public void A_second_first_seizure_must_be_recorded_as_queued() =>
        ThenError(When(Given<Estate>(Opened, BuildingRegistered, FirstSeized), Seize with { SeizureId = "s-3", DocumentNumber = "(2022)渝0116执9号" }), "seizure.first-taken", ErrorKind.Conflict);

    [Fact]
    public void A_seizure_cannot_be_dated_in_the_future() =>
        ThenError(When(Given<Estate>(Opened, BuildingRegistered), Seize with { SeizedOn = new DateOnly(2022, 6, 3) }), "seizure.in-future");

    [Fact]
    public void A_seizure_needs_a_known_asset() =>
        ThenError(When(Given<Estate>(Opened), Seize), "asset.not-found", ErrorKind.NotFound);

    [Fact]
    public void Lifting_the_first_seizure_moves_the_queued_one_up()
    {
        var lift = new EstateCommand.LiftSeizures(AssetId, [FirstSeizure], LiftedBy.SeizingBody, "(2021)渝0116执100号之一", new DateOnly(2022, 6, 1), "r-1", Admin);

        Then(
            When(SeizedEstate, lift),
            new SeizureLifted(EstateId, AssetId, FirstSeizure, LiftedBy.SeizingBody, "(2021)渝0116执100号之一", new DateOnly(2022, 6, 1), "r-1", Admin, Now),
            new SeizureMovedToFirst(EstateId, AssetId, QueuedSeizure, Admin, Now));
    }

    [Fact]
    public void Lifting_every_seizure_frees_the_asset()
    {
        var lift = new EstateCommand.LiftSeizures(AssetId, [FirstSeizure, QueuedSeizure], LiftedBy.CourtRuling, "登记2022-1", new DateOnly(2022, 6, 2), "r-1", "nrb");

        Then(
            When(SeizedEstate, lift),
            new SeizureLifted(EstateId, AssetId, FirstSeizure, LiftedBy.CourtRuling, "登记2022-1", new DateOnly(2022, 6, 2), "r-1", "nrb", Now),
            new SeizureLifted(EstateId, AssetId, QueuedSeizure, LiftedBy.CourtRuling, "登记2022-1", new DateOnly(2022, 6, 2), "r-1", "nrb", Now),
            new AssetFreed(EstateId, AssetId, "nrb", Now));
    }

    [Fact]
    public void Lifting_a_seizure_already_lifted_yields_no_events()
    {
        var lifted = new SeizureLifted(EstateId, AssetId, FirstSeizure, LiftedBy.SeizingBody, "x", new DateOnly(2022, 6, 1), null, Admin, Now);

        ThenNothing(When(Given<Estate>(Opened, BuildingRegistered, FirstSeized, QueuedSeized, lifted), new EstateCommand.LiftSeizures(AssetId, [FirstSeizure], LiftedBy.SeizingBody, "x", new DateOnly(2022, 6, 1), null, Admin)));
    }

    [Fact]
    public void Lifting_an_unknown_seizure_is_not_found() =>
        ThenError(When(SeizedEstate, new EstateCommand.LiftSeizures(AssetId, ["nope"], LiftedBy.SeizingBody, "x", new DateOnly(2022, 6, 1), null, Admin)), "seizure.not-found", ErrorKind.NotFound);

    [Fact]
    public void Seizures_past_their_expiry_lapse_and_free_the_asset()
    {
        var later = new DateTimeOffset(2024, 9, 2, 0, 30, 0, CourtCalendar.Offset);

        Then(
            EstateDecider.Decide(SeizedEstate, new EstateCommand.LapseExpiredSeizures("system"), later),
            new SeizureLapsed(EstateId, AssetId, FirstSeizure, new DateOnly(2024, 5, 10), "system", later),
            new SeizureLapsed(EstateId, AssetId, QueuedSeizure, new DateOnly(2024, 9, 1), "system", later),
            new AssetFreed(EstateId, AssetId, "system", later));
    }

    [Fact]
    public void A_seizure_binds_through_its_expiry_day() =>
        ThenNothing(EstateDecider.Decide(SeizedEstate, new EstateCommand.LapseExpiredSeizures("system"), new DateTimeOffset(2024, 5, 10, 23, 59, 0, CourtCalendar.Offset)));

    [Fact]
    public void A_renewal_before_expiry_runs_another_full_period_from_the_renewal() =>
        Then(
            When(SeizedEstate, new EstateCommand.RenewSeizure(AssetId, FirstSeizure, "(2021)渝0116执100号之二", new DateOnly(2022, 6, 1), "admin")),
            new SeizureRenewed(EstateId, AssetId, FirstSeizure, "(2021)渝0116执100号之二", new DateOnly(2022, 6, 1), new DateOnly(2025, 6, 1), "admin", Now));

    [Fact]
    public void The_same_renewal_twice_yields_no_events()
    {
        var renewed = SeizedEstate.Evolve(new SeizureRenewed(EstateId, AssetId, FirstSeizure, "x", new DateOnly(2022, 6, 1), new DateOnly(2025, 6, 1), "admin", Now));

        ThenNothing(When(renewed, new EstateCommand.RenewSeizure(AssetId, FirstSeizure, "x", new DateOnly(2022, 6, 1), "admin")));
    }

    [Fact]
    public void A_renewal_after_expiry_is_refused() =>
        ThenError(
            EstateDecider.Decide(SeizedEstate, new EstateCommand.RenewSeizure(AssetId, FirstSeizure, "x", new DateOnly(2024, 5, 11), "admin"), new DateTimeOffset(2024, 5, 11, 9, 0, 0, CourtCalendar.Offset)),
            "seizure.expired",
            ErrorKind.Conflict);

    [Fact]
    public void A_renewed_seizure_does_not_lapse_at_its_old_expiry()
    {
        var renewed = SeizedEstate.Evolve(new SeizureRenewed(EstateId, AssetId, FirstSeizure, "x", new DateOnly(2022, 6, 1), new DateOnly(2025, 6, 1), "admin", Now));
        var at = new DateTimeOffset(2024, 9, 2, 9, 0, 0, CourtCalendar.Offset);

        Then(
            EstateDecider.Decide(renewed, new EstateCommand.LapseExpiredSeizures("system"), at),
            new SeizureLapsed(EstateId, AssetId, QueuedSeizure, new DateOnly(2024, 9, 1), "system", at));
    }

    [Fact]
    public void A_transfer_is_recorded_only_once_the_asset_is_free() =>
        ThenError(When(SeizedEstate, new EstateCommand.RecordTransfer(AssetId, "买受人", "转移登记1", new DateOnly(2022, 6, 2), "nrb")), "asset.seized", ErrorKind.Conflict);

    [Fact]
    public void A_free_asset_is_transferred_once()
    {
        var free = Given<Estate>(Opened, BuildingRegistered);
        var transfer = new EstateCommand.RecordTransfer(AssetId, "买受人", "转移登记1", new DateOnly(2022, 6, 2), "nrb");

        Then(When(free, transfer), new AssetTransferred(EstateId, AssetId, "买受人", "转移登记1", new DateOnly(2022, 6, 2), "nrb", Now));
        ThenNothing(When(free.Evolve(new AssetTransferred(EstateId, AssetId, "买受人", "转移登记1", new DateOnly(2022, 6, 2), "nrb", Now)), transfer));
    }

    [Fact]
    public void No_seizure_can_be_recorded_on_a_transferred_asset() =>
        ThenError(When(Given<Estate>(Opened, BuildingRegistered, new AssetTransferred(EstateId, AssetId, "买受人", "r", new DateOnly(2022, 6, 1), "nrb", Now)), Seize), "asset.transferred");
}
