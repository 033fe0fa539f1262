namespace Court.Web;

/// <summary>
/// Marker for the shell's strings (layout, sign-in, inbox, shared components): Resources/SharedResource.zh-Hans.resx.
/// Keys are the English text, so English needs no file. A slice's pages use their own resx via IViewLocalizer.
/// </summary>
public sealed class SharedResource;
