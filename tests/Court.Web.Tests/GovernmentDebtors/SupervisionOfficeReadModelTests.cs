using System.Globalization;
using Court.Web.Tests.GovernmentDebtors.Support;
using static Court.Web.Tests.GovernmentDebtors.Support.GovernmentDebtApi;

namespace Court.Web.Tests.GovernmentDebtors;

/// <summary>
/// The supervision office's read model against the issue: reports due and missing and the meeting due on the docket,
/// outstanding per department moving by exactly a new debt, the unit list paged on the server. Today is 2022-04-23.
/// </summary>
[Collection(GovernmentDebtCollection.Name)]
public sealed class SupervisionOfficeReadModelTests(GovernmentDebtApi api)
{
    private static async Task<System.Text.Json.JsonElement> EntryAsync(HttpClient client, string caseNumberPart)
    {
        var page = await Ok(await client.GetAsync("/api/government-debts/docket?q=" + Uri.EscapeDataString(caseNumberPart)));
        return Assert.Single(page.GetProperty("items").EnumerateArray());
    }

    [Fact]
    public async Task The_march_report_of_a_case_supervised_since_28_march_is_missing_and_the_meeting_is_due_six_months_on()
    {
        await api.SupervisedAsync(340, startedOn: "2022-03-28", code: "11500116709000016K");
        var entry = await EntryAsync(await api.As("supervisor"), "执340号");

        Assert.Equal(1, entry.GetProperty("reportsMissing").GetInt32());
        var reportDue = DateOnly.Parse(entry.GetProperty("reportDueOn").GetString()!, CultureInfo.InvariantCulture);
        Assert.True(reportDue < api.Today && reportDue > new DateOnly(2022, 3, 31), reportDue.ToString("O", CultureInfo.InvariantCulture));
        Assert.Equal("2022-09-28", entry.GetProperty("meetingDueOn").GetString());
        Assert.False(entry.GetProperty("meetingOverdue").GetBoolean());
        Assert.True(entry.GetProperty("overdue").GetBoolean());
    }

    [Fact]
    public async Task A_new_debt_raises_its_departments_outstanding_by_exactly_its_amount()
    {
        var supervisor = await api.As("supervisor");
        static decimal Department(System.Text.Json.JsonElement list) =>
            list.EnumerateArray().Where(d => d.GetProperty("name").GetString() == "重庆市江津区人民政府").Select(d => d.GetProperty("outstanding").GetDecimal()).SingleOrDefault();

        var before = Department(await Ok(await supervisor.GetAsync("/api/government-debts/departments")));
        await api.OpenAsync(341, "115001167090000329", amount: 12_345.67m);
        var after = Department(await Ok(await supervisor.GetAsync("/api/government-debts/departments")));
        Assert.Equal(12_345.67m, after - before);
    }

    [Fact]
    public async Task The_unit_list_is_paged_on_the_server_with_a_cursor()
    {
        await api.OpenAsync(342, "115001167090000404");
        await api.OpenAsync(343, Town);
        var supervisor = await api.As("supervisor");
        var first = await Ok(await supervisor.GetAsync("/api/government-debts/units?limit=1&sort=-outstanding"));
        Assert.Equal(1, first.GetProperty("items").GetArrayLength());
        var next = first.GetProperty("next").GetString()!;
        var second = await Ok(await supervisor.GetAsync("/api/government-debts/units?limit=1&sort=-outstanding&after=" + Uri.EscapeDataString(next)));
        Assert.NotEqual(first.GetProperty("items")[0].GetProperty("creditCode").GetString(), second.GetProperty("items")[0].GetProperty("creditCode").GetString());
        Assert.True(first.GetProperty("items")[0].GetProperty("outstanding").GetDecimal() >= second.GetProperty("items")[0].GetProperty("outstanding").GetDecimal());
    }
}
