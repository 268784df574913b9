using System.Net;
using Mailseal.Protection.Wrapper;
using Microsoft.Extensions.Options;

namespace Mailseal.Portal;

/// <summary>Checks what data annotations cannot: the URL's shape, the endpoint, the certificate files and the proxies.</summary>
internal sealed class PortalOptionsValidator : IValidateOptions<PortalOptions>
{
    public ValidateOptionsResult Validate(string? name, PortalOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        try
        {
            PortalAddresses.Origin(options.PublicUrl);
        }
        catch (ArgumentException)
        {
            failures.Add("Portal:PublicUrl must be an absolute http or https URL without query or fragment.");
        }

        if (!IPEndPoint.TryParse(options.Listen ?? string.Empty, out _) || !(options.Listen ?? string.Empty).Contains(':', StringComparison.Ordinal))
        {
            failures.Add("Portal:Listen must be address:port, e.g. 127.0.0.1:5080 or [::]:443.");
        }

        var certificate = options.Certificate;
        if (!string.IsNullOrWhiteSpace(certificate.PfxPath) && !string.IsNullOrWhiteSpace(certificate.PemCertificatePath))
        {
            failures.Add("Portal:Certificate: give either PfxPath or PemCertificatePath, not both.");
        }

        foreach (var path in new[] { certificate.PfxPath, certificate.PemCertificatePath, certificate.PemKeyPath })
        {
            if (!string.IsNullOrWhiteSpace(path) && !File.Exists(path))
            {
                failures.Add($"Portal:Certificate: the file {path} does not exist.");
            }
        }

        foreach (var proxy in options.TrustedProxies)
        {
            if (!IPAddress.TryParse(proxy, out _))
            {
                failures.Add($"Portal:TrustedProxies: '{proxy}' is not an IP address.");
            }
        }

        if (options.SessionIdleTimeout > options.SessionAbsoluteTimeout)
        {
            failures.Add("Portal:SessionIdleTimeout must not exceed Portal:SessionAbsoluteTimeout.");
        }

        if (options.MaxEnvelopeBytes > options.MaxArrivalBytes)
        {
            failures.Add("Portal:MaxEnvelopeBytes must not exceed Portal:MaxArrivalBytes (the form carries it base64-encoded).");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
