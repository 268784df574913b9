using Mailseal.Core.Keys;
using Mailseal.Protection.Keys;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Mailseal.Cli.Hosting;

/// <summary>Creates the tenant's keys on the first start (after the schema migration), and says so in the log.</summary>
internal sealed partial class FirstStartKeys(KeyManager keys, ILogger<FirstStartKeys> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (await keys.HasActiveKeysAsync(cancellationToken))
        {
            return;
        }

        var created = await keys.CreateInitialKeysAsync("Mailseal", CryptoMode.Mode2, null, cancellationToken);
        var ids = string.Join(", ", created.Select(k => k.Id));
        LogCreated(logger, ids);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Warning, Message = "No keys were found: created the tenant's keys {KeyIds}. Back up the data folder.")]
    private static partial void LogCreated(ILogger logger, string keyIds);
}
