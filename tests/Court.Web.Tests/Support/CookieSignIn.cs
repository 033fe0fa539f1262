using System.Text.RegularExpressions;
using Court.Application.Demo;

namespace Court.Web.Tests.Support;

/// <summary>Signs a cookie-handling client in through the sign-in page, as a browser does: GET the form, POST it with its anti-forgery token.</summary>
public static partial class CookieSignIn
{
    public static async Task<HttpResponseMessage> PostLoginAsync(HttpClient client, string userName, string password = DemoUsers.Password)
    {
        var token = await PageTokenAsync(client, "/Account/Login");
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["UserName"] = userName,
            ["Password"] = password,
            ["__RequestVerificationToken"] = token,
        });
        return await client.PostAsync(new Uri("/Account/Login", UriKind.Relative), form);
    }

    /// <summary>The anti-forgery token a page's forms carry (the one a page script would send as X-CSRF-TOKEN).</summary>
    public static async Task<string> PageTokenAsync(HttpClient client, string path)
    {
        var page = await client.GetStringAsync(new Uri(path, UriKind.Relative));
        var match = TokenField().Match(page);
        return match.Success ? match.Groups[1].Value : throw new InvalidOperationException($"{path} has no anti-forgery token.");
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenField();
}
