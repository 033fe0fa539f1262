using System.Net;
using System.Text.Json;
using Court.Domain.Fees;
using Court.Web.Tests.Bankruptcy.Support;

namespace Court.Web.Tests.GovernmentDebtors.Support;

/// <summary>The real host (demo users, the town government's officer among them) on Saturday 23 April 2022; each test opens its own case number.</summary>
public class GovernmentDebtApi : BankruptcyApi
{
    public const string Town = "11500116009000001K";
    public const string Hospital = "12500116450400001T";
    public const string Company = "91500116MA5U5X7A8B";
    public const string Bureau = "115001167090000039";

    private static readonly string[] CopiedUpward = ["重庆市第五中级人民法院"];

    public DateOnly Today => ChinaTime.DateOf(Clock.GetUtcNow());

    public static string CasePath(string id) => $"/api/government-debts/cases/{id}";

    public static object Opening(int serial, string code = Town, string name = "重庆市江津区白沙镇人民政府", bool stateOwned = false, decimal amount = 1_000_000m, string? openedOn = "2022-03-20", bool localGovernment = false) => new
    {
        caseNumber = $"(2022)渝0116执{serial}号",
        judgmentNumber = $"(2021)渝0116民初{serial}号",
        judgmentDate = "2022-01-10",
        judgmentEffectiveOn = "2022-02-10",
        creditorName = "重庆江津某某建设工程有限公司",
        debtorName = name,
        debtorCreditCode = code,
        stateOwned,
        localGovernment,
        supervisingUnit = "重庆市江津区人民政府",
        amount,
        judgeId = "judge",
        openedOn,
        leaderName = "张明",
        leaderPost = "镇长",
        handlerName = "刘洋",
        handlerPost = "党政办主任",
    };

    /// <summary>Opens a case as the clerk and returns its id.</summary>
    public async Task<string> OpenAsync(int serial, string code = Town, decimal amount = 1_000_000m, string? openedOn = "2022-03-20")
    {
        var response = await (await As("clerk")).PostJsonAsync("/api/government-debts/cases", Opening(serial, code, code == Town ? "重庆市江津区白沙镇人民政府" : "重庆市江津区交通运输局", amount: amount, openedOn: openedOn));
        return (await Ok(response)).GetProperty("id").GetString()!;
    }

    /// <summary>Opened, noticed and pushed on <paramref name="pushedOn"/> (by default long enough ago for measures and listing).</summary>
    public async Task<string> PushedAsync(int serial, string pushedOn = "2022-03-25", string code = Town, decimal amount = 1_000_000m)
    {
        var id = await OpenAsync(serial, code, amount);
        var judge = await As("judge");
        await Ok(await judge.PostJsonAsync(CasePath(id) + "/enforcement-notice", new { }));
        await Ok(await judge.PostJsonAsync(CasePath(id) + "/push", new { on = pushedOn }));
        return id;
    }

    /// <summary>Pushed, then under supervision from <paramref name="startedOn"/>.</summary>
    public async Task<string> SupervisedAsync(int serial, string startedOn = "2022-04-01", string code = Town, decimal amount = 1_000_000m)
    {
        var id = await PushedAsync(serial, code: code, amount: amount);
        await Ok(await (await As("supervisor")).PostJsonAsync(CasePath(id) + "/supervision", new { performBy = "2022-06-30", on = startedOn }));
        return id;
    }

    /// <summary>Supervised, found not performed and reported to the Party committee.</summary>
    public async Task<string> ReportedAsync(int serial, decimal amount = 1_000_000m)
    {
        var id = await SupervisedAsync(serial, amount: amount);
        var judge = await As("judge");
        await Ok(await judge.PostJsonAsync(CasePath(id) + "/non-performance", new { }));
        await Ok(await judge.PostJsonAsync(CasePath(id) + "/party-committee-report", new { partyCommittee = "中共重庆市江津区委员会", government = "重庆市江津区人民政府", copiedTo = CopiedUpward, organisationDepartmentNotified = true }));
        return id;
    }

    /// <summary>Reported and listed on ground 1.</summary>
    public async Task<string> ListedAsync(int serial, decimal amount = 1_000_000m, bool publish = false)
    {
        var id = await ReportedAsync(serial, amount);
        var judge = await As("judge");
        await Ok(await judge.PostJsonAsync(CasePath(id) + "/listing", new { ground = 1 }));
        if (publish)
        {
            await Ok(await judge.PostJsonAsync(CasePath(id) + "/listing/publication", new { }));
        }

        return id;
    }

    public async Task<JsonElement> CaseAsync(string id, string user = "judge") => await Ok(await (await As(user)).GetAsync(CasePath(id)));

    /// <summary>A case id no case has.</summary>
    public const string UnknownCase = "no-such-case";

    /// <summary>A POST asking for the answer in <paramref name="language"/> (an Accept-Language value).</summary>
    public static HttpRequestMessage PostIn(string language, string path, object body)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = System.Net.Http.Json.JsonContent.Create(body) };
        request.Headers.AcceptLanguage.ParseAdd(language);
        return request;
    }

    /// <summary>Bad input refused on each of <paramref name="fields"/> in Chinese by default and in English when asked.</summary>
    public static async Task AssertRefusedInBothLanguagesAsync(HttpClient client, string path, object body, params string[] fields)
    {
        var zh = await Problem(await client.SendAsync(PostIn("zh-CN", path, body)), HttpStatusCode.BadRequest);
        var en = await Problem(await client.SendAsync(PostIn("en-US,en;q=0.9", path, body)), HttpStatusCode.BadRequest);
        foreach (var field in fields)
        {
            Assert.Contains(zh.GetProperty("errors").GetProperty(field)[0].GetString()!, c => c >= '\u4e00' && c <= '\u9fff');
            Assert.DoesNotContain(en.GetProperty("errors").GetProperty(field)[0].GetString()!, c => c >= '\u4e00' && c <= '\u9fff');
        }
    }

    /// <summary>A step on a case nobody has is 404, said in Chinese by default and in English when asked.</summary>
    public static async Task AssertUnknownCaseInBothLanguagesAsync(HttpClient client, string route, object body)
    {
        var path = CasePath(UnknownCase) + "/" + route;
        var zh = (await Problem(await client.SendAsync(PostIn("zh-CN", path, body)), HttpStatusCode.NotFound)).GetProperty("title").GetString()!;
        var en = (await Problem(await client.SendAsync(PostIn("en-US,en;q=0.9", path, body)), HttpStatusCode.NotFound)).GetProperty("title").GetString()!;
        Assert.Contains(zh, c => c >= '\u4e00' && c <= '\u9fff');
        Assert.DoesNotContain(en, c => c >= '\u4e00' && c <= '\u9fff');
    }

    public static async Task<JsonElement> Ok(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode} {response.RequestMessage?.RequestUri}: {body}");
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    public static async Task<JsonElement> Problem(HttpResponseMessage response, HttpStatusCode status)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == status, $"expected {(int)status}, got {(int)response.StatusCode}: {body}");
        return JsonDocument.Parse(body).RootElement.Clone();
    }
}

[CollectionDefinition(Name)]
public sealed class GovernmentDebtCollection : ICollectionFixture<GovernmentDebtApi>
{
    public const string Name = "government-debt-api";
}
