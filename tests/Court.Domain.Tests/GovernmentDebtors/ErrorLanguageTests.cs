using System.Globalization;
using Court.Domain.GovernmentDebtors;
using static Court.Domain.Tests.GovernmentDebtors.Facts;

namespace Court.Domain.Tests.GovernmentDebtors;

/// <summary>Government-debt refusals are worded in both languages under their stable codes.</summary>
public sealed class ErrorLanguageTests
{
    private static readonly CultureInfo Chinese = CultureInfo.GetCultureInfo("zh-CN");
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en");

    [Fact]
    public void A_listing_before_the_push_period_ends_is_refused_in_chinese_and_english()
    {
        var error = ThenRefused(When(Pushed(new DateOnly(2024, 9, 27)), new ListDebtor(ListingGround.AbleButRefuses, null), On(2024, 10, 9)), "government-debt.push-period-running");

        Assert.Contains("2024-10-10 起方可进行", error.MessageIn(Chinese), StringComparison.Ordinal);
        Assert.Contains("may come from 2024-10-10", error.MessageIn(English), StringComparison.Ordinal);
    }

    [Fact]
    public void A_push_dated_before_the_opening_is_refused_in_chinese_and_english()
    {
        var error = ThenRefused(When(Given(Opened()), new PushCase(), On(2024, 1, 5)), "government-debt.pushed-on");

        Assert.Contains("推送日期须在立案日", error.MessageIn(Chinese), StringComparison.Ordinal);
        Assert.Contains("A push is dated from the opening", error.MessageIn(English), StringComparison.Ordinal);
    }

    [Fact]
    public void A_removal_for_a_term_that_has_not_ended_is_refused_in_chinese_and_english()
    {
        var error = ThenRefused(When(Listed(new DateOnly(2024, 3, 1)), new RemoveListing(RemovalReason.TermEnded), On(2030, 1, 1)), "government-debt.term-running");

        Assert.Contains("没有固定期限", error.MessageIn(Chinese), StringComparison.Ordinal);
        Assert.Contains("no term that could end", error.MessageIn(English), StringComparison.Ordinal);
    }
}
