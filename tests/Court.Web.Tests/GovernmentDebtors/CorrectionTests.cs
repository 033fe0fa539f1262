using Court.Web.Tests.Bankruptcy.Support;
using Court.Web.Tests.GovernmentDebtors.Support;
using static Court.Web.Tests.GovernmentDebtors.Support.GovernmentDebtApi;

namespace Court.Web.Tests.GovernmentDebtors;

[Collection(GovernmentDebtCollection.Name)]
public sealed class CorrectionTests(GovernmentDebtApi api)
{
    [Fact]
    public async Task The_unit_asks_for_a_correction_reviewed_within_15_days_and_a_justified_one_is_made()
    {
        var id = await api.ListedAsync(29, publish: true);
        await Ok(await (await api.As("town")).PostJsonAsync(CasePath(id) + "/listing/correction-request", new { reason = "统一社会信用代码公布有误" }));
        var requested = (await api.CaseAsync(id)).GetProperty("listing").GetProperty("correction");
        Assert.Equal("2022-05-09", requested.GetProperty("reviewDueOn").GetString());

        var judge = await api.As("judge");
        await Ok(await judge.PostJsonAsync(CasePath(id) + "/listing/correction-decision", new { upheld = true, reason = "经核，代码公布有误" }));
        await Ok(await judge.PostJsonAsync(CasePath(id) + "/listing/correction", new { correction = "更正统一社会信用代码" }));
        var corrected = (await api.CaseAsync(id)).GetProperty("listing").GetProperty("correction");
        Assert.Equal(api.Today.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), corrected.GetProperty("correctedOn").GetString());
    }
}
