using Court.Web.Tests.Bankruptcy.Support;

namespace Court.Web.Tests.SmallClaims;

internal static class SmallClaimsSamples
{
    public static object Case(int serial, decimal claim = 40_000m, string? filedOn = null, bool agreed = false, string caseType = "monetary") => new
    {
        caseNumber = $"(2022)渝0116民初{serial}号",
        plaintiff = "重庆某某商贸有限公司",
        defendant = "张某",
        judgeId = "judge",
        claim,
        caseType,
        partiesAgreed = agreed,
        filedOn,
    };

    /// <summary>Files a case as the clerk and returns its id.</summary>
    public static async Task<string> FileAsync(HttpClient clerk, int serial, decimal claim = 40_000m, string? filedOn = null)
    {
        var response = await clerk.PostJsonAsync("/api/small-claims/cases", Case(serial, claim, filedOn));
        return (await response.ReadJsonAsync()).GetProperty("id").GetString()!;
    }
}
