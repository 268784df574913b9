using System.Globalization;

namespace Mailseal.Protection.Wrapper;

/// <summary>The portal addresses that the wrapper and message.html point to.</summary>
public static class PortalAddresses
{
    /// <summary>Where message.html posts the envelope: <c>{portal}/envelope</c>.</summary>
    public static string Envelope(Uri portalUrl) => Combine(portalUrl, "envelope");

    /// <summary>Where a saved message.html can be uploaded from a phone: <c>{portal}/open</c>.</summary>
    public static string Open(Uri portalUrl) => Combine(portalUrl, "open");

    /// <summary>The portal's origin (scheme, ASCII host and port), for the page's form-action policy.</summary>
    public static string Origin(Uri portalUrl)
    {
        Validate(portalUrl);
        var port = portalUrl.IsDefaultPort ? string.Empty : ":" + portalUrl.Port.ToString(CultureInfo.InvariantCulture);
        // IdnHost is the punycode form of a name; an IPv6 literal needs the brackets that only Host keeps.
        var host = portalUrl.HostNameType == UriHostNameType.IPv6 ? portalUrl.Host : portalUrl.IdnHost;
        return $"{portalUrl.Scheme}://{host}{port}";
    }

    private static string Combine(Uri portalUrl, string path)
    {
        // Built from the IDN (punycode) host and the escaped path so the address is pure ASCII,
        // which the 7-bit message.html needs.
        return $"{Origin(portalUrl)}{portalUrl.AbsolutePath.TrimEnd('/')}/{path}";
    }

    private static void Validate(Uri portalUrl)
    {
        ArgumentNullException.ThrowIfNull(portalUrl);
        if (!portalUrl.IsAbsoluteUri
            || (portalUrl.Scheme != Uri.UriSchemeHttps && portalUrl.Scheme != Uri.UriSchemeHttp)
            || !string.IsNullOrEmpty(portalUrl.Query)
            || !string.IsNullOrEmpty(portalUrl.Fragment))
        {
            throw new ArgumentException("The portal URL must be an absolute http or https URL without query or fragment.", nameof(portalUrl));
        }
    }
}
