using System.Net;
using Microsoft.Extensions.Options;

namespace Mailseal.Gateway.Front;

/// <summary>Checks <see cref="GatewayFrontOptions"/> at start, with messages an operator can act on.</summary>
public sealed class GatewayFrontOptionsValidator : IValidateOptions<GatewayFrontOptions>
{
    public ValidateOptionsResult Validate(string? name, GatewayFrontOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        if (string.IsNullOrWhiteSpace(options.Hostname) || options.Hostname.Any(c => char.IsWhiteSpace(c) || char.IsControl(c)))
        {
            failures.Add("Gateway:Hostname must be a host name without spaces (it appears in the banner and the EHLO reply).");
        }

        ValidateListeners(options, failures);
        Require(failures, options.MaxMessageBytes > 0, "Gateway:MaxMessageBytes must be positive (default 37748736, 36 MiB).");
        Require(failures, options.MaxLineLength >= 1000, "Gateway:MaxLineLength must be at least 1000 (RFC 5321 §4.5.3.1).");
        Require(failures, options.MaxHeaderBytes >= 1000, "Gateway:MaxHeaderBytes must be at least 1000 (default 102400).");
        Require(failures, options.MaxRecipients >= 1, "Gateway:MaxRecipients must be at least 1 (RFC 5321 asks for 100; default 1000).");
        Require(failures, options.MaxConnections >= 1, "Gateway:MaxConnections must be at least 1.");
        Require(failures, options.CommandTimeout > TimeSpan.Zero, "Gateway:CommandTimeout must be positive (e.g. 00:05:00).");
        Require(failures, options.DataTimeout > TimeSpan.Zero, "Gateway:DataTimeout must be positive (e.g. 00:03:00).");
        Require(failures, options.ShutdownTimeout >= TimeSpan.Zero, "Gateway:ShutdownTimeout must not be negative.");
        foreach (var network in options.RelayNetworks)
        {
            Require(failures, IPNetwork.TryParse(network, out _), $"Gateway:RelayNetworks: '{network}' is not a network in CIDR notation (e.g. 10.0.0.0/8).");
        }

        ValidateTls(options.Tls, failures);
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void ValidateListeners(GatewayFrontOptions options, List<string> failures)
    {
        if (options.Listeners.Count == 0)
        {
            failures.Add("Gateway:Listeners must name at least one listener (Protocol Smtp, Lmtp or Submission, and an Endpoint).");
            return;
        }

        foreach (var listener in options.Listeners)
        {
            var label = $"Gateway:Listeners '{listener.EffectiveName}'";
            Require(failures, Enum.IsDefined(listener.Protocol), $"{label}: Protocol must be Smtp, Lmtp or Submission.");
            if (!IPEndPoint.TryParse(listener.Endpoint ?? string.Empty, out var endPoint) || !(listener.Endpoint ?? string.Empty).Contains(':', StringComparison.Ordinal))
            {
                failures.Add($"{label}: Endpoint must be an address and a port, e.g. 127.0.0.1:2525 or [::1]:2525.");
                continue;
            }

            if (listener.Protocol == FrontProtocol.Submission)
            {
                Require(failures, options.Submission.IsConfigured, $"{label}: a Submission listener needs Gateway:Submission:UserName and Password.");
                Require(failures, options.Tls.IsConfigured || IPAddress.IsLoopback(endPoint.Address),
                    $"{label}: a Submission listener off loopback needs a certificate (Gateway:Tls), since AUTH is only offered over TLS there.");
            }
        }

        var duplicates = options.Listeners.GroupBy(listener => listener.EffectiveName, StringComparer.OrdinalIgnoreCase).Where(group => group.Count() > 1);
        foreach (var duplicate in duplicates)
        {
            failures.Add($"Gateway:Listeners: the name '{duplicate.Key}' is used more than once.");
        }
    }

    private static void ValidateTls(TlsCertificateOptions tls, List<string> failures)
    {
        var hasPfx = !string.IsNullOrWhiteSpace(tls.PfxPath);
        var hasPem = !string.IsNullOrWhiteSpace(tls.PemCertificatePath) || !string.IsNullOrWhiteSpace(tls.PemKeyPath);
        if (hasPfx && hasPem)
        {
            failures.Add("Gateway:Tls: give either PfxPath or PemCertificatePath and PemKeyPath, not both.");
            return;
        }

        if (hasPfx)
        {
            Require(failures, File.Exists(tls.PfxPath), $"Gateway:Tls:PfxPath: no file at '{tls.PfxPath}'.");
        }
        else if (hasPem)
        {
            Require(failures, File.Exists(tls.PemCertificatePath), $"Gateway:Tls:PemCertificatePath: no file at '{tls.PemCertificatePath}'.");
            Require(failures, File.Exists(tls.PemKeyPath), $"Gateway:Tls:PemKeyPath: no file at '{tls.PemKeyPath}'.");
        }
    }

    private static void Require(List<string> failures, bool condition, string message)
    {
        if (!condition)
        {
            failures.Add(message);
        }
    }
}
