using System.Net;
using Court.Web.Tests.Bankruptcy.Support;
using Court.Web.Tests.GovernmentDebtors.Support;

namespace Court.Web.Tests.GovernmentDebtors;

/// <summary>The docket and the supervision office's lists: paged on the server, sorted by what is due, exported as CSV.</summary>
[Collection(GovernmentDebtCollection.Name)]
public sealed class DocketTests(GovernmentDebtApi api)
{
    [Fact]
    public async Task The_docket_pages_with_a_cursor_and_the_csv_export_has_every_row()
    {
        for (var i = 0; i < 3; i++)
        {
            await api.SupervisedAsync(35 + i, amount: 100_000m + i);
        }

        var supervisor = await api.As("supervisor");
        var first = await Ok(await supervisor.GetAsync("/api/government-debts/docket?limit=2&sort=report-due&total=true"));
        Assert.Equal(2, first.GetProperty("items").GetArrayLength());
        Assert.True(first.GetProperty("hasMore").GetBoolean());
        var next = first.GetProperty("next").GetString()!;
        var second = await Ok(await supervisor.GetAsync("/api/government-debts/docket?limit=2&sort=report-due&after=" + Uri.EscapeDataString(next)));
        Assert.NotEqual(first.GetProperty("items")[0].GetProperty("id").GetString(), second.GetProperty("items")[0].GetProperty("id").GetString());

        var csv = await supervisor.GetAsync("/api/government-debts/docket?format=csv&sort=report-due");
        Assert.Equal("text/csv", csv.Content.Headers.ContentType!.MediaType);
        var lines = (await csv.Content.ReadAsStringAsync()).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(first.GetProperty("total").GetInt64() + 1, lines.Length);
        Assert.StartsWith("\uFEFFcase_number,", lines[0]);

        var units = await Ok(await supervisor.GetAsync("/api/government-debts/units?sort=-outstanding"));
        Assert.Contains(units.GetProperty("items").EnumerateArray(), u => u.GetProperty("creditCode").GetString() == GovernmentDebtApi.Town);
        var departments = await Ok(await supervisor.GetAsync("/api/government-debts/departments"));
        Assert.Contains(departments.EnumerateArray(), d => d.GetProperty("name").GetString() == "重庆市江津区人民政府" && d.GetProperty("outstanding").GetDecimal() > 0);
        Assert.NotEmpty((await Ok(await supervisor.GetAsync("/api/government-debts/totals"))).EnumerateArray());

        var badSort = await GovernmentDebtApi.Problem(await supervisor.GetAsync("/api/government-debts/docket?sort=colour"), HttpStatusCode.BadRequest);
        Assert.True(badSort.GetProperty("errors").TryGetProperty("sort", out _));
    }

    [Fact]
    public async Task A_case_paid_in_full_leaves_the_report_due_and_meeting_due_sorts()
    {
        var paid = await api.SupervisedAsync(43);
        var supervisor = await api.As("supervisor");
        foreach (var sort in new[] { "report-due", "meeting-due" })
        {
            Assert.Contains(await IdsAsync(supervisor, sort), id => id == paid);
        }

        await Ok(await (await api.As("clerk")).PostJsonAsync(GovernmentDebtApi.CasePath(paid) + "/performances", new { kind = "payment", amount = 1_000_000m, on = "2022-04-22" }));

        // Closed cases are listed with open=false; sorted by what is due, a closed case has nothing due.
        foreach (var sort in new[] { "report-due", "meeting-due" })
        {
            Assert.DoesNotContain(await IdsAsync(supervisor, sort, open: false), id => id == paid);
        }

        Assert.Contains(await IdsAsync(supervisor, "number", open: false), id => id == paid);
    }

    private static async Task<List<string?>> IdsAsync(HttpClient client, string sort, bool open = true) =>
        [.. (await client.GetItemsAsync($"/api/government-debts/docket?sort={sort}&open={(open ? "true" : "false")}")).Select(i => i.GetProperty("id").GetString())];

    private static Task<System.Text.Json.JsonElement> Ok(HttpResponseMessage response) => GovernmentDebtApi.Ok(response);
}
