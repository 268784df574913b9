using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.Extensions.Hosting;

namespace Mailseal.Portal.Hosting;

/// <summary>
/// Opens every stored data-protection key at start, before ASP.NET Core's own start-up reads the ring: a key that
/// does not open (another KEK, a changed row) stops the start with the reason, instead of the framework quietly
/// making a new key ring that signs everyone out. Keys stored before they were encrypted open as they are.
/// </summary>
internal sealed class DataProtectionKeyRingCheck(IKeyManager keys) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        foreach (var key in keys.GetAllKeys())
        {
            try
            {
                _ = key.Descriptor;
            }
            catch (CryptographicException ex)
            {
                throw new InvalidOperationException(
                    $"The portal's data-protection key {key.KeyId} cannot be read: {ex.Message} Start with the key-encryption "
                    + "key that sealed it, or delete the rows of portal_data_protection_keys (everyone signed in to the "
                    + "portal signs in again).", ex);
            }
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
