using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Mailseal.Portal.Hosting;

/// <summary>
/// Opens every stored data-protection key at start, so that one which does not open with this node's KEK (another KEK,
/// a changed row) is reported at once, by the sealer's error naming both fingerprints, instead of at the first form.
/// Such a key is skipped, not fatal: it protects only antiforgery tokens and OpenID Connect correlation cookies, so
/// what it costs is a form or a sign-in in progress to start again, while refusing to start would stop the gateway's
/// mail too — and a node once started with a wrong KEK would then never start again with the right one.
/// </summary>
internal sealed partial class DataProtectionKeyRingCheck(IKeyManager keys, ILogger<DataProtectionKeyRingCheck> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        foreach (var key in keys.GetAllKeys())
        {
            try
            {
                _ = key.Descriptor;
            }
            catch (CryptographicException)
            {
                LogSkipped(logger, key.KeyId);
            }
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Warning, Message = "The portal's data-protection key {KeyId} is skipped: it does not open here (see the error "
        + "before). A new key is made when no other is usable; start every node with the same key-encryption key.")]
    private static partial void LogSkipped(ILogger logger, Guid keyId);
}
