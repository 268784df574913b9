using System.Net;
using Microsoft.Extensions.Options;

namespace Mailseal.Admin;

/// <summary>Refuses to start with an admin listener that would be reachable from the network without TLS.</summary>
internal sealed class AdminOptionsValidator : IValidateOptions<AdminOptions>
{
    public ValidateOptionsResult Validate(string? name, AdminOptions options)
    {
        var failures = new List<string>();
        if (!IPEndPoint.TryParse(options.Listen ?? "", out var endPoint) || !(options.Listen ?? "").Contains(':', StringComparison.Ordinal))
        {
            failures.Add($"Admin:Listen: '{options.Listen}' is not an address and port such as 127.0.0.1:5081.");
        }
        else if (!IPAddress.IsLoopback(endPoint.Address) && !options.Tls.IsConfigured)
        {
            failures.Add($"Admin:Tls: the admin listener {options.Listen} is not on a loopback address, so it needs a certificate (PfxPath, or PemCertificatePath and PemKeyPath).");
        }

        ValidateTls(options.Tls, failures);
        foreach (var network in options.AllowedNetworks)
        {
            if (!IPNetwork.TryParse(network ?? "", out _))
            {
                failures.Add($"Admin:AllowedNetworks: '{network}' is not a network in CIDR form such as 10.0.0.0/8.");
            }
        }

        if (options.FailedKeyLimit < 1)
        {
            failures.Add("Admin:FailedKeyLimit: must be at least 1.");
        }

        if (options.FailedKeyWindow < TimeSpan.FromSeconds(1))
        {
            failures.Add("Admin:FailedKeyWindow: must be at least one second (e.g. 00:01:00).");
        }

        if (options.MaxRequestBodyBytes < 1024)
        {
            failures.Add("Admin:MaxRequestBodyBytes: must be at least 1024.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void ValidateTls(AdminTlsOptions tls, List<string> failures)
    {
        var hasPfx = !string.IsNullOrWhiteSpace(tls.PfxPath);
        var hasPem = !string.IsNullOrWhiteSpace(tls.PemCertificatePath) || !string.IsNullOrWhiteSpace(tls.PemKeyPath);
        if (hasPfx && hasPem)
        {
            failures.Add("Admin:Tls: give either PfxPath or PemCertificatePath and PemKeyPath, not both.");
        }
        else if (hasPfx && !File.Exists(tls.PfxPath))
        {
            failures.Add($"Admin:Tls:PfxPath: no file at '{tls.PfxPath}'.");
        }
        else if (hasPem && (!File.Exists(tls.PemCertificatePath) || !File.Exists(tls.PemKeyPath)))
        {
            failures.Add("Admin:Tls: PemCertificatePath and PemKeyPath must both name existing files.");
        }
    }
}
