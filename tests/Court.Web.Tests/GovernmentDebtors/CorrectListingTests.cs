using System.Net;
using Court.Web.Tests.Bankruptcy.Support;
using Court.Web.Tests.GovernmentDebtors.Support;
using static Court.Web.Tests.GovernmentDebtors.Support.GovernmentDebtApi;

namespace Court.Web.Tests.GovernmentDebtors;

// HTTP acceptance for CorrectGovernmentDebtListing on its own: the correction must say what was corrected.
[Collection(GovernmentDebtCollection.Name)]
public sealed class CorrectListingTests(GovernmentDebtApi api)
{
    [Fact]
    public async Task A_correction_without_text_is_refused_naming_the_field_and_a_complete_one_is_dated_today()
    {
        var id = await api.ListedAsync(62, publish: true);
        await Ok(await (await api.As("town")).PostJsonAsync(CasePath(id) + "/listing/correction-request", new { reason = "统一社会信用代码公布有误" }));
        var judge = await api.As("judge");
        await Ok(await judge.PostJsonAsync(CasePath(id) + "/listing/correction-decision", new { upheld = true, reason = "经核，代码公布有误" }));

        var refused = await Problem(await judge.PostJsonAsync(CasePath(id) + "/listing/correction", new { }), HttpStatusCode.BadRequest);
        Assert.True(refused.GetProperty("errors").TryGetProperty("correction", out _));

        await Ok(await judge.PostJsonAsync(CasePath(id) + "/listing/correction", new { correction = "更正统一社会信用代码" }));
        var corrected = (await api.CaseAsync(id)).GetProperty("listing").GetProperty("correction");
        Assert.Equal(api.Today.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), corrected.GetProperty("correctedOn").GetString());
    }
}
