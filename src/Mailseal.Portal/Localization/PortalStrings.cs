namespace Mailseal.Portal.Localization;

/// <summary>
/// Marker for the portal's texts in PortalStrings*.resx (English without a suffix; de, fr, es, ja beside it). A
/// translator adds PortalStrings.&lt;tag&gt;.resx and the tag to <see cref="PortalCultures.Supported"/>.
/// </summary>
public sealed class PortalStrings
{
    private PortalStrings()
    {
    }
}
