using System.Net;
using Court.Web.Tests.Documents.Support;

namespace Court.Web.Tests.Documents;

/// <summary>A verification host that allows 3 checks a minute per client.</summary>
public sealed class ApiWithTightVerifyLimit : DocumentsApi
{
    protected override int VerifyPermitLimit => 3;
}

public sealed class VerifyRateLimitTests(ApiWithTightVerifyLimit api) : IClassFixture<ApiWithTightVerifyLimit>
{
    [Fact]
    public async Task Checks_beyond_the_limit_get_429_problem_details_with_retry_after_and_pages_get_an_html_429()
    {
        var client = api.Anonymous();
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await client.VerifyAsync("江津法协执字〔2022〕第0001号", "AAAA-AAAA-AAAA-AAAA")).StatusCode);
        }

        var refused = await client.VerifyAsync("江津法协执字〔2022〕第0001号", "AAAA-AAAA-AAAA-AAAA");
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        Assert.Equal(429, (await refused.JsonAsync()).GetProperty("status").GetInt32());
        Assert.NotNull(refused.Headers.RetryAfter);

        var page = await client.GetAsync("/verify");
        Assert.Equal(HttpStatusCode.TooManyRequests, page.StatusCode);
        Assert.Contains("请稍后再试", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
