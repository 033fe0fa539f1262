using Court.Web.Tests.Bankruptcy.Support;
using Court.Web.Tests.GovernmentDebtors.Support;
using static Court.Web.Tests.GovernmentDebtors.Support.GovernmentDebtApi;

namespace Court.Web.Tests.GovernmentDebtors;

[Collection(GovernmentDebtCollection.Name)]
public sealed class EnforcementNoticeTests(GovernmentDebtApi api)
{
    [Fact]
    public async Task The_judge_serves_the_notice_with_the_dishonesty_risk_warning_as_a_document()
    {
        var id = await api.OpenAsync(10);
        await Ok(await (await api.As("judge")).PostJsonAsync(CasePath(id) + "/enforcement-notice", new { }));

        var detail = await api.CaseAsync(id);
        Assert.Equal("Noticed", detail.GetProperty("state").GetString());
        Assert.Contains(detail.GetProperty("documents").EnumerateArray(), d => d.GetProperty("purpose").GetString() == "EnforcementNotice");
    }
}
