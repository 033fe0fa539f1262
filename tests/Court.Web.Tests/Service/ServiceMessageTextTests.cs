using System.Text.Json;
using System.Text.RegularExpressions;
using Court.Web.Tests.Bankruptcy.Support;
using static Court.Web.Tests.Service.ServiceSteps;

namespace Court.Web.Tests.Service;

/// <summary>
/// A court SMS or e-mail names the court, the case, the document and its verification code with the public verify
/// link, built from the record; the code in the text verifies on the public endpoint.
/// </summary>
public sealed partial class ServiceMessageTextTests(ServiceApi api) : IClassFixture<ServiceApi>
{
    [Theory]
    [InlineData("sms", 6621, "短信")]
    [InlineData("email", 6622, "邮件")]
    public async Task The_text_carries_the_documents_code_and_its_verify_link_and_the_code_verifies(string channel, int serial, string medium)
    {
        var clerk = await api.As("clerk");
        var caseId = await SmallClaimsFileAsync(clerk, serial);
        var notice = (await Ok(clerk.GetAsync("/api/small-claims/cases/" + caseId))).GetProperty("notices")[0];
        var number = notice.GetProperty("documentNumber").GetString()!;
        await Ok(clerk.PostJsonAsync(FilePath(caseId) + "/services", new { recipientPartyId = "defendant", channel, documents = new[] { new { number, kind = "fee-notice" } } }));

        var service = (await DefendantServicesAsync(clerk, caseId)).EnumerateArray().Single(s => s.GetProperty("channel").GetString() == channel);
        var code = service.GetProperty("verificationCode").GetString()!;
        var text = service.GetProperty("messageText").GetString()!;
        Assert.StartsWith("【重庆市江津区人民法院】", text, StringComparison.Ordinal);
        Assert.Contains($"(2022)渝0116民初{serial}号", text, StringComparison.Ordinal);
        Assert.Contains($"《{service.GetProperty("document").GetString()}》（{number}）", text, StringComparison.Ordinal);
        Assert.Contains("核验码 " + code, text, StringComparison.Ordinal);
        Assert.Contains($"核验本{medium}", text, StringComparison.Ordinal);

        // The link in the text is the public verify page on the court's site, and its number and code verify.
        var link = new Uri(Link().Match(text).Value);
        Assert.Equal((new Uri(ServiceApi.PublicSite).Host, "/verify"), (link.Host, link.AbsolutePath));
        var verified = await Ok(api.CreateClient().GetAsync("/api/verify" + link.Query));
        Assert.True(verified.GetProperty("genuine").GetBoolean(), verified.ToString());
        Assert.Equal(number, verified.GetProperty("number").GetString());

        // A code changed by one character does not.
        var forged = link.Query.Replace("code=" + Uri.EscapeDataString(code), "code=" + Uri.EscapeDataString(Forge(code)), StringComparison.Ordinal);
        Assert.False((await Ok(api.CreateClient().GetAsync("/api/verify" + forged))).GetProperty("genuine").GetBoolean());
    }

    [Fact]
    public async Task A_document_without_an_issued_number_gives_the_courts_phone_and_the_platform_sends_no_text()
    {
        var clerk = await api.As("clerk");
        var caseId = await SmallClaimsFileAsync(clerk, 6623);
        await Ok(clerk.PostJsonAsync(FilePath(caseId) + "/services", new { recipientPartyId = "defendant", channel = "sms", documents = new[] { new { documentId = "summons-" + caseId, title = "应诉通知书", kind = "summons" } } }));
        await Ok(clerk.PostJsonAsync(FilePath(caseId) + "/services", new { recipientPartyId = "defendant", channel = "platform", documents = new[] { new { documentId = "fee-" + caseId, title = "交费通知书", kind = "fee-notice" } } }));

        var services = (await DefendantServicesAsync(clerk, caseId)).EnumerateArray().ToList();
        var sms = services.Single(s => s.GetProperty("channel").GetString() == "sms").GetProperty("messageText").GetString()!;
        Assert.Contains("《应诉通知书》", sms, StringComparison.Ordinal);
        Assert.Contains("请致电本院", sms, StringComparison.Ordinal);
        Assert.DoesNotContain("核验码", sms, StringComparison.Ordinal);
        Assert.Equal(JsonValueKind.Null, services.Single(s => s.GetProperty("channel").GetString() == "platform").GetProperty("messageText").ValueKind);
    }

    private static string Forge(string code) => code[..^1] + (code[^1] == 'A' ? 'B' : 'A');

    [GeneratedRegex(@"https://\S+?/verify\?number=[^&\s]+&code=[^\s，。]+")]
    private static partial Regex Link();
}
