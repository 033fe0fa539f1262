using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Court.Web.Tests.GovernmentDebtors.Support;
using static Court.Web.Tests.GovernmentDebtors.Support.GovernmentDebtApi;

namespace Court.Web.Tests.GovernmentDebtors;

/// <summary>
/// A refusal of bad input speaks the clerk's words in both languages: the problem's key is the field the body sends,
/// the message never the key itself (kind, amount, ground, reason, extensionYears, stateOwned, interestFrom).
/// </summary>
[Collection(GovernmentDebtCollection.Name)]
public sealed class ValidatorWordingTests(GovernmentDebtApi api)
{
    /// <summary>Where the case stands before the bad input, the step, the body, the field, and a word each language must use.</summary>
    public static TheoryData<int, string, string, string, string, string, string> Refusals => new()
    {
        { 670, "new", "", """{"debtorCreditCode":"91500116MA5U5X7A8B"}""", "debtorCreditCode", "国有企业", "state-owned enterprise" },
        { 671, "new", "", """{"amount":0}""", "amount", "执行标的金额", "amount due" },
        { 672, "new", "", """{"interestRatePercent":3.85}""", "interestFrom", "利息起算日", "interest runs from" },
        { 673, "supervised", "/performances", """{"kind":"cash","amount":1000}""", "kind", "履行方式", "performance in kind" },
        { 674, "supervised", "/performances", """{"kind":"payment"}""", "amount", "履行金额", "amount performed" },
        { 675, "supervised", "/settlement", """{"terms":"和解"}""", "amount", "尚需履行的金额", "remains to be paid" },
        { 676, "reported", "/listing", "{}", "ground", "失信情形", "ground for listing" },
        { 677, "reported", "/listing", """{"ground":2,"extensionYears":11}""", "extensionYears", "延长的年数", "whole number of years" },
        { 678, "listed", "/listing/removal", """{"reason":"bored"}""", "reason", "删除理由", "reason for removal" },
    };

    [Theory]
    [MemberData(nameof(Refusals))]
    public async Task A_refusal_names_the_field_by_its_key_and_says_it_in_words_a_clerk_reads(int serial, string stage, string step, string bad, string field, string zhWord, string enWord)
    {
        var (path, body) = await ArrangeAsync(serial, stage, step, bad);
        var client = await api.As(step.StartsWith("/listing", StringComparison.Ordinal) ? "judge" : "clerk");

        var zh = (await Problem(await client.SendAsync(PostIn("zh-CN", path, body)), HttpStatusCode.BadRequest)).GetProperty("errors");
        var en = (await Problem(await client.SendAsync(PostIn("en-US,en;q=0.9", path, body)), HttpStatusCode.BadRequest)).GetProperty("errors");

        var zhText = zh.GetProperty(field)[0].GetString()!;
        var enText = en.GetProperty(field)[0].GetString()!;
        Assert.Contains(zhWord, zhText, StringComparison.Ordinal);
        Assert.Contains(enWord, enText, StringComparison.Ordinal);
        Assert.DoesNotContain(enText, c => c >= '\u4e00' && c <= '\u9fff');
        Assert.DoesNotContain(field, zhText, StringComparison.OrdinalIgnoreCase);

        // In English amount, kind, reason and ground are words; a camel-cased key is not, and a sentence starts upper-case.
        Assert.True(char.IsUpper(enText[0]), enText);
        if (field.Any(char.IsUpper))
        {
            Assert.DoesNotContain(field, enText, StringComparison.Ordinal);
        }
    }

    /// <summary>The path and the body: for a new case, the full opening with the bad fields laid over it.</summary>
    private async Task<(string Path, JsonNode Body)> ArrangeAsync(int serial, string stage, string step, string bad)
    {
        var overlay = JsonNode.Parse(bad)!.AsObject();
        if (stage == "new")
        {
            var opening = JsonSerializer.SerializeToNode(Opening(serial))!.AsObject();
            foreach (var (name, value) in overlay.ToList())
            {
                opening[name] = value?.DeepClone();
            }

            return ("/api/government-debts/cases", opening);
        }

        var id = stage switch
        {
            "supervised" => await api.SupervisedAsync(serial),
            "reported" => await api.ReportedAsync(serial),
            _ => await api.ListedAsync(serial),
        };
        return (CasePath(id) + step, overlay);
    }
}
