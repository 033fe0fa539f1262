using System.Net;
using Court.Web.Tests.Bankruptcy.Support;
using Court.Web.Tests.Fees.Support;

namespace Court.Web.Tests.SmallClaims;

/// <summary>POST /api/small-claims/cases on Saturday 23 April 2022, with the 2022 Chongqing threshold confirmed.</summary>
[Collection(SmallClaimsCollection.Name)]
public sealed class FileSmallClaimsCaseTests(CourtWithConfirmedThreshold api)
{
    [Fact]
    public async Task Filing_assesses_half_the_fee_by_the_schedule_in_force_and_issues_a_notice_past_the_may_day_holiday()
    {
        var clerk = await api.As("clerk");

        var response = await clerk.PostJsonAsync("/api/small-claims/cases", SmallClaimsSamples.Case(101));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var filed = await response.ReadJsonAsync();
        Assert.Equal((400m, "cn-fee-measures-2007", 1, "2022-06-23"), (filed.GetProperty("fee").GetDecimal(), filed.GetProperty("scheduleId").GetString(), filed.GetProperty("scheduleVersion").GetInt32(), filed.GetProperty("limitOn").GetString()));
        Assert.Equal($"/api/small-claims/cases/{filed.GetProperty("id").GetString()}", response.Headers.Location?.ToString());

        var notices = await clerk.GetItemsAsync("/api/fees/notices");
        var notice = notices.Single(n => n.GetProperty("caseNumber").GetString() == "(2022)渝0116民初101号");
        // Seven days from 23 April end on 30 April, a day off (Labour Day, 30 April - 4 May 2022): the next working day is 5 May.
        Assert.Equal((400m, "2022-04-23", "2022-05-05", false), (notice.GetProperty("amount").GetDecimal(), notice.GetProperty("issuedOn").GetString(), notice.GetProperty("dueOn").GetString(), notice.GetProperty("overdue").GetBoolean()));
    }

    [Fact]
    public async Task The_fee_notice_is_issued_as_a_numbered_court_document_addressed_to_the_plaintiff()
    {
        var clerk = await api.As("clerk");
        var id = (await (await clerk.PostJsonAsync("/api/small-claims/cases", SmallClaimsSamples.Case(109))).ReadJsonAsync()).GetProperty("id").GetString();

        var notice = (await (await clerk.GetAsync($"/api/small-claims/cases/{id}")).ReadJsonAsync()).GetProperty("notices")[0];
        var number = notice.GetProperty("documentNumber").GetString();
        Assert.Contains("缴费", number, StringComparison.Ordinal);

        var document = await (await clerk.GetAsync("/api/documents/" + Uri.EscapeDataString(number!))).ReadJsonAsync();
        Assert.Equal("交纳诉讼费用通知书", document.GetProperty("content").GetProperty("title").GetString());
        Assert.Equal("重庆某某商贸有限公司", document.GetProperty("content").GetProperty("addressee").GetString());
    }

    [Fact]
    public async Task Filing_the_same_case_again_answers_200_and_writes_nothing()
    {
        var clerk = await api.As("clerk");
        await clerk.PostJsonAsync("/api/small-claims/cases", SmallClaimsSamples.Case(102));

        var again = await clerk.PostJsonAsync("/api/small-claims/cases", SmallClaimsSamples.Case(102));

        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.False((await again.ReadJsonAsync()).GetProperty("created").GetBoolean());
    }

    [Fact]
    public async Task A_claim_above_the_mandatory_limit_without_agreement_is_refused()
    {
        var response = await (await api.As("clerk")).PostJsonAsync("/api/small-claims/cases", SmallClaimsSamples.Case(103, 46_908.01m));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Equal("small-claims.not-eligible.parties-have-not-agreed", (await response.ReadJsonAsync()).GetProperty("code").GetString());
    }

    [Fact]
    public async Task A_filing_date_in_the_future_is_400()
    {
        var response = await (await api.As("clerk")).PostJsonAsync("/api/small-claims/cases", SmallClaimsSamples.Case(105, filedOn: "2022-07-01"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("small-claims.filed-in-future", (await response.ReadJsonAsync()).GetProperty("code").GetString());
    }

    [Theory]
    [InlineData("(2022)渝0116民初号", "caseNumber")]
    [InlineData(null, "plaintiff")]
    public async Task Bad_fields_are_400(string? caseNumber, string field)
    {
        var response = await (await api.As("clerk")).PostJsonAsync("/api/small-claims/cases", new { caseNumber = caseNumber ?? "(2022)渝0116民初106号", plaintiff = caseNumber is null ? null : "甲", defendant = "乙", claim = 100m });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.ReadJsonAsync()).GetProperty("errors").TryGetProperty(field, out _));
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(0.001)]
    public async Task A_negative_or_sub_fen_claim_is_400(double claim)
    {
        var response = await (await api.As("clerk")).PostJsonAsync("/api/small-claims/cases", SmallClaimsSamples.Case(107, (decimal)claim));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.ReadJsonAsync()).GetProperty("errors").TryGetProperty("claim", out _));
    }

    [Fact]
    public async Task A_judge_may_not_file() =>
        Assert.Equal(HttpStatusCode.Forbidden, (await (await api.As("judge")).PostJsonAsync("/api/small-claims/cases", SmallClaimsSamples.Case(108))).StatusCode);
}

/// <summary>POST /api/small-claims/cases where the shipped Chongqing example has not been confirmed.</summary>
[Collection(FeesCollection.Name)]
public sealed class FilingUnderAnUnconfirmedThresholdTests(FeesApi api)
{
    [Fact]
    public async Task Filing_is_refused_until_an_administrator_confirms_the_threshold()
    {
        var response = await (await api.As("clerk")).PostJsonAsync("/api/small-claims/cases", SmallClaimsSamples.Case(901));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Equal("small-claims.threshold-unconfirmed", (await response.ReadJsonAsync()).GetProperty("code").GetString());
    }
}
