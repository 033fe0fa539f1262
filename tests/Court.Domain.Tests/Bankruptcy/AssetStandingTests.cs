using Court.Domain.Bankruptcy;

namespace Court.Domain.Tests.Bankruptcy;

/// <summary>Where an asset stands and what blocks it: the workflow state of the process holding it, seizures as of the reader's clock.</summary>
public sealed class AssetStandingTests
{
    private static readonly DateTimeOffset Now = new(2022, 4, 20, 10, 0, 0, TimeSpan.FromHours(8));

    private static StandingSeizure Seizure(DateOnly expiresOn, bool bound = true) =>
        new("重庆市江津区人民法院", "重庆市第五中级人民法院", "(2021)渝0116执100号", SeizureRank.First, new DateOnly(2021, 5, 10), expiresOn, bound);

    [Fact]
    public void A_seizure_past_its_expiry_no_longer_binds_though_no_lapse_was_recorded()
    {
        var standing = AssetStanding.Of("asset-1", "nrb-jiangjin", [Seizure(new DateOnly(2022, 4, 19))], null, null, false, Now);

        Assert.Equal((AssetStanding.Free, StandingSource.None), (standing.State, standing.Source));
        Assert.Empty(standing.BlockedBy);
    }

    [Fact]
    public void A_seizure_on_its_last_day_still_binds()
    {
        var standing = AssetStanding.Of("asset-1", "nrb-jiangjin", [Seizure(new DateOnly(2022, 4, 20))], null, null, false, Now);

        Assert.Equal(AssetStanding.Seized, standing.State);
        Assert.Equal("first-seizure", Assert.Single(standing.BlockedBy).Kind);
    }

    [Fact]
    public void While_a_seizure_binds_an_open_release_names_the_state_by_its_recorded_workflow_state()
    {
        var due = Now.AddDays(15);
        var standing = AssetStanding.Of("asset-1", "nrb-jiangjin", [Seizure(new DateOnly(2024, 5, 10))], new StandingRelease("r-1", "AwaitingSuperiors", true, due, null, WaitsOn.Superiors), null, false, Now);

        Assert.Equal(("AwaitingSuperiors", StandingSource.Release), (standing.State, standing.Source));
        Assert.Equal(new Blocker("awaiting-superiors", "重庆市第五中级人民法院", "r-1", due), standing.BlockedBy[^1]);
    }

    [Fact]
    public void Whom_a_state_waits_on_comes_from_the_definition_not_from_the_state_name()
    {
        // A court's own state, unknown to the code: its definition says the holding agency must act, on the notice.
        var standing = AssetStanding.Of("asset-1", "nrb-jiangjin", [Seizure(new DateOnly(2024, 5, 10))], new StandingRelease("r-1", "WithTheRegistryAgain", true, null, "notice-1", WaitsOn.HoldingAgency), null, false, Now);

        Assert.Equal("WithTheRegistryAgain", standing.State);
        Assert.Equal(new Blocker("awaiting-holding-agency", "nrb-jiangjin", "notice-1", null), standing.BlockedBy[^1]);
    }

    [Fact]
    public void A_state_that_waits_on_no_one_outside_adds_no_blocker_beyond_the_seizures()
    {
        var standing = AssetStanding.Of("asset-1", "nrb-jiangjin", [Seizure(new DateOnly(2024, 5, 10))], new StandingRelease("r-1", "Requested", true, null, null), null, false, Now);

        Assert.Equal("first-seizure", Assert.Single(standing.BlockedBy).Kind);
    }

    [Fact]
    public void A_sold_asset_waits_on_the_judge_and_a_confirmed_one_on_the_holding_agency_as_the_disposal_definition_says()
    {
        var sold = AssetStanding.Of("asset-1", "nrb-jiangjin", [], null, new StandingDisposal("Sold", false, null, WaitsOn.Judge), false, Now);
        var confirmed = AssetStanding.Of("asset-1", "nrb-jiangjin", [], null, new StandingDisposal("Confirmed", false, "notice-9", WaitsOn.HoldingAgency), false, Now);

        Assert.Equal(new Blocker("awaiting-judge", "judge", "asset-1", null), Assert.Single(sold.BlockedBy));
        Assert.Equal(new Blocker("awaiting-holding-agency", "nrb-jiangjin", "notice-9", null), Assert.Single(confirmed.BlockedBy));
    }

    [Fact]
    public void A_disposal_state_the_code_does_not_list_is_the_assets_state_as_recorded()
    {
        var standing = AssetStanding.Of("asset-1", "nrb-jiangjin", [Seizure(new DateOnly(2024, 5, 10), bound: false)], null, new StandingDisposal("PublicNoticePeriod", false, null), false, Now);

        Assert.Equal(("PublicNoticePeriod", StandingSource.Disposal), (standing.State, standing.Source));
    }

    [Fact]
    public void A_final_disposal_ends_every_other_concern()
    {
        var standing = AssetStanding.Of("asset-1", "nrb-jiangjin", [Seizure(new DateOnly(2024, 5, 10))], null, new StandingDisposal("Transferred", true, null), false, Now);

        Assert.Equal(("Transferred", StandingSource.Disposal), (standing.State, standing.Source));
        Assert.Empty(standing.BlockedBy);
    }
}
