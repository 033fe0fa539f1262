using Microsoft.AspNetCore.Components;

namespace Court.Web.Ui;

/// <summary>
/// The content-specific (fingerprinted, cached for a year) URL of a wwwroot file, for a URL a script loads rather than a
/// tag helper writes. Razor Pages carry the asset collection once mapped <c>WithStaticAssets()</c>.
/// </summary>
public static class StaticAssetUrl
{
    public static string For(HttpContext context, string path) =>
        context.GetEndpoint()?.Metadata.GetMetadata<ResourceAssetCollection>()?[path] is { } url ? "/" + url.TrimStart('/') : "/" + path;
}
