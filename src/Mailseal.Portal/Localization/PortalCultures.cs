namespace Mailseal.Portal.Localization;

/// <summary>The languages the portal speaks, chosen from the browser's Accept-Language; English otherwise.</summary>
public static class PortalCultures
{
    public const string Default = "en";

    public static readonly string[] Supported = ["en", "de", "fr", "es", "ja"];
}
