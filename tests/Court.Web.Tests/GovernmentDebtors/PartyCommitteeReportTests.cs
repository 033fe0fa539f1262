using Court.Web.Tests.GovernmentDebtors.Support;

namespace Court.Web.Tests.GovernmentDebtors;

[Collection(GovernmentDebtCollection.Name)]
public sealed class PartyCommitteeReportTests(GovernmentDebtApi api)
{
    [Fact]
    public async Task The_written_report_to_the_party_committee_is_issued_as_a_document()
    {
        var id = await api.ReportedAsync(21);
        var detail = await api.CaseAsync(id);
        Assert.Equal("ReportedUpward", detail.GetProperty("state").GetString());
        Assert.Contains(detail.GetProperty("documents").EnumerateArray(), d => d.GetProperty("purpose").GetString() == "PartyCommitteeReport");
    }
}
