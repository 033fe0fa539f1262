using System.Net;
using System.Net.Http.Json;
using Court.Web.Tests.GovernmentDebtors.Support;
using static Court.Web.Tests.GovernmentDebtors.Support.GovernmentDebtApi;

namespace Court.Web.Tests.GovernmentDebtors;

/// <summary>A rule of the domain refuses in the caller's language: zh-CN by default, English on Accept-Language: en, the code and field the same in both.</summary>
[Collection(GovernmentDebtCollection.Name)]
public sealed class RefusalLanguageTests(GovernmentDebtApi api)
{
    private static bool HasChinese(string text) => text.Any(c => c >= '\u4e00' && c <= '\u9fff');

    private static HttpRequestMessage Post(string path, object body, string? language)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(body) };
        if (language is not null)
        {
            request.Headers.AcceptLanguage.ParseAdd(language);
        }

        return request;
    }

    [Fact]
    public async Task A_payment_above_the_outstanding_amount_is_refused_in_chinese_by_default_and_in_english_when_asked()
    {
        var id = await api.SupervisedAsync(500, amount: 300_000m);
        var clerk = await api.As("clerk");
        var payment = new { kind = "payment", amount = 300_000.01m };

        var zh = await Problem(await clerk.SendAsync(Post(CasePath(id) + "/performances", payment, null)), HttpStatusCode.BadRequest);
        var en = await Problem(await clerk.SendAsync(Post(CasePath(id) + "/performances", payment, "en")), HttpStatusCode.BadRequest);

        Assert.Equal(("government-debt.overperformed", "government-debt.overperformed"), (zh.GetProperty("code").GetString(), en.GetProperty("code").GetString()));
        Assert.Equal(("amount", "amount"), (zh.GetProperty("field").GetString(), en.GetProperty("field").GetString()));
        Assert.Equal(zh.GetProperty("title").GetString(), zh.GetProperty("errors").GetProperty("amount")[0].GetString());
        Assert.Contains("尚未履行的 300,000.00 元", zh.GetProperty("title").GetString()!, StringComparison.Ordinal);
        Assert.Contains("is more than the 300,000.00 yuan outstanding", en.GetProperty("title").GetString()!, StringComparison.Ordinal);
        Assert.False(HasChinese(en.GetProperty("title").GetString()!));
        Assert.Equal(300_000m, (await api.CaseAsync(id)).GetProperty("outstanding").GetDecimal());
    }

    [Fact]
    public async Task A_measure_inside_the_push_period_is_refused_in_chinese_by_default_and_in_english_when_asked()
    {
        // Pushed yesterday: the five working days have not run.
        var id = await api.PushedAsync(501, pushedOn: "2022-04-22");
        var judge = await api.As("judge");
        var version = (await api.CaseAsync(id)).GetProperty("version").GetInt64();
        var measure = new { measure = "冻结银行存款" };

        var zh = await Problem(await judge.SendAsync(Post(CasePath(id) + "/measures", measure, null)), HttpStatusCode.Conflict);
        var en = await Problem(await judge.SendAsync(Post(CasePath(id) + "/measures", measure, "en-US,en;q=0.9")), HttpStatusCode.Conflict);

        Assert.Equal(("government-debt.push-period-running", "government-debt.push-period-running"), (zh.GetProperty("code").GetString(), en.GetProperty("code").GetString()));
        Assert.Contains("个工作日后", zh.GetProperty("title").GetString()!, StringComparison.Ordinal);
        Assert.Contains("working days later", en.GetProperty("title").GetString()!, StringComparison.Ordinal);
        Assert.False(HasChinese(en.GetProperty("title").GetString()!));
        Assert.Equal(version, (await api.CaseAsync(id)).GetProperty("version").GetInt64());
    }
}
