using System.Xml.Linq;
using Court.Infrastructure.Persistence;
using Microsoft.AspNetCore.DataProtection.Repositories;

namespace Court.Web.Auth;

/// <summary>ASP.NET Core data-protection keys in <c>shared_keys</c>: a cookie or anti-forgery token protected on one node is read on another.</summary>
public sealed class SharedKeysXmlRepository(SharedKeys keys) : IXmlRepository
{
    public const string Prefix = "data-protection:";

    public IReadOnlyCollection<XElement> GetAllElements() =>
        [.. Task.Run(() => keys.ReadPrefixedAsync(Prefix)).GetAwaiter().GetResult().Select(x => XElement.Parse(x))];

    public void StoreElement(XElement element, string friendlyName) =>
        Task.Run(() => keys.InsertAsync(Prefix + friendlyName, element.ToString(SaveOptions.DisableFormatting))).GetAwaiter().GetResult();
}
