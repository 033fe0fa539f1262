using Court.Domain.Bankruptcy;
using Court.Domain.Common;
using static Court.Domain.Tests.Bankruptcy.Facts;
using static Court.Domain.Tests.Bankruptcy.Spec;

namespace Court.Domain.Tests.Bankruptcy;

public sealed class DisposalDeciderTests
{
    private static readonly DateOnly AuctionDay = new(2022, 6, 20);
    private static readonly Estate FreeEstate = Given<Estate>(Opened, BuildingRegistered);

    private static DisposalScheduled Scheduled => new(AssetId, EstateId, Case.Value, Admin, DisposalMethod.Auction, "人民法院诉讼资产网", AuctionDay, 1_000_000_00, Admin, Now);

    private static AssetSold Sold(DateTimeOffset at) => new(AssetId, "重庆某某置业有限公司", "91500116MA60000001", 1_150_000_00, AuctionDay, Admin, at);

    private static DisposalCommand.Schedule Schedule(Estate estate) => new(estate, estate.Asset(AssetId)!, DisposalMethod.Auction, "人民法院诉讼资产网", AuctionDay, 1_000_000_00, Admin);

    private static readonly DateTimeOffset AfterAuction = new(2022, 6, 21, 10, 0, 0, CourtCalendar.Offset);

    private static Decision When(Disposal state, DisposalCommand command, DateTimeOffset? at = null) => DisposalDecider.Decide(state, command, at ?? Now);

    [Fact]
    public void A_free_asset_is_scheduled_for_auction() =>
        Then(When(Disposal.Initial, Schedule(FreeEstate)), Scheduled);

    [Fact]
    public void A_seized_asset_cannot_be_scheduled() =>
        ThenError(When(Disposal.Initial, Schedule(SeizedEstate)), "asset.seized", ErrorKind.Conflict);

    [Fact]
    public void A_disposal_cannot_be_scheduled_in_the_past() =>
        ThenError(When(Disposal.Initial, Schedule(FreeEstate) with { ScheduledOn = new DateOnly(2022, 6, 1) }), "disposal.date-past", ErrorKind.Validation);

    [Fact]
    public void A_reserve_price_is_required() =>
        ThenError(When(Disposal.Initial, Schedule(FreeEstate) with { ReservePriceFen = 0 }), "disposal.reserve");

    [Fact]
    public void Scheduling_the_same_auction_twice_yields_no_events() =>
        ThenNothing(When(Given<Disposal>(Scheduled), Schedule(FreeEstate)));

    [Fact]
    public void An_unsold_auction_may_be_followed_by_a_sale()
    {
        var unsold = Given<Disposal>(Scheduled, new DisposalUnsold(AssetId, "无人竞买", Admin, AfterAuction));

        Then(When(unsold, Schedule(FreeEstate) with { Method = DisposalMethod.Sale, ScheduledOn = new DateOnly(2022, 7, 1), ReservePriceFen = 800_000_00 }, AfterAuction), new DisposalScheduled(AssetId, EstateId, Case.Value, Admin, DisposalMethod.Sale, "人民法院诉讼资产网", new DateOnly(2022, 7, 1), 800_000_00, Admin, AfterAuction));
    }

    [Fact]
    public void An_auction_without_bidders_is_recorded_unsold() =>
        Then(When(Given<Disposal>(Scheduled), new DisposalCommand.RecordUnsold("无人竞买", Admin), AfterAuction), new DisposalUnsold(AssetId, "无人竞买", Admin, AfterAuction));

    [Fact]
    public void The_sale_records_buyer_and_price() =>
        Then(When(Given<Disposal>(Scheduled), new DisposalCommand.RecordSale("重庆某某置业有限公司", "91500116MA60000001", 1_150_000_00, AuctionDay, Admin), AfterAuction), Sold(AfterAuction));

    [Fact]
    public void A_sale_below_the_reserve_is_refused() =>
        ThenError(When(Given<Disposal>(Scheduled), new DisposalCommand.RecordSale("买受人", "x", 999_999_99, AuctionDay, Admin), AfterAuction), "disposal.below-reserve", ErrorKind.Validation);

    [Fact]
    public void A_sale_before_the_auction_day_is_refused() =>
        ThenError(When(Given<Disposal>(Scheduled), new DisposalCommand.RecordSale("买受人", "x", 1_150_000_00, new DateOnly(2022, 6, 19), Admin), AfterAuction), "disposal.sale-date");

    [Fact]
    public void Nothing_is_sold_before_a_disposal_is_scheduled() =>
        ThenError(When(Disposal.Initial, new DisposalCommand.RecordSale("买受人", "x", 1, AuctionDay, Admin)), "disposal.not-scheduled", ErrorKind.Conflict);

    [Fact]
    public void The_judge_confirms_the_sale_and_sends_the_transfer_notice() =>
        Then(
            When(Given<Disposal>(Scheduled, Sold(AfterAuction)), new DisposalCommand.ConfirmSale("ruling-2", "notice-2", Bureau, Judge), AfterAuction),
            new SaleConfirmed(AssetId, "ruling-2", "notice-2", Bureau, "重庆某某置业有限公司", 1_150_000_00, new DateOnly(2022, 6, 21), Judge, AfterAuction));

    [Fact]
    public void The_transfer_notice_executed_registers_the_transfer()
    {
        var confirmed = Given<Disposal>(Scheduled, Sold(AfterAuction), new SaleConfirmed(AssetId, "ruling-2", "notice-2", Bureau, "重庆某某置业有限公司", 1_150_000_00, new DateOnly(2022, 6, 21), Judge, AfterAuction));
        var registered = new TransferRegistered(AssetId, "notice-2", "渝(2022)江津区不动产权第0009999号", new DateOnly(2022, 6, 21), "nrb", AfterAuction);

        Then(When(confirmed, new DisposalCommand.RecordTransfer("notice-2", "渝(2022)江津区不动产权第0009999号", new DateOnly(2022, 6, 21), "nrb"), AfterAuction), registered);
        ThenError(When(confirmed, new DisposalCommand.RecordTransfer("notice-9", "x", new DateOnly(2022, 6, 21), "nrb"), AfterAuction), "disposal.other-notice", ErrorKind.Conflict);
    }
}
