using Microsoft.Extensions.Hosting;

namespace Mailseal.Storage;

/// <summary>
/// At host start, before anything serves traffic: migrates the schema and loads the key-encryption key, so
/// that a database from a newer build or a missing key stops the start with a clear error.
/// </summary>
internal sealed class StorageStartupService : IHostedService
{
    private readonly MailsealStorage _storage;

    public StorageStartupService(MailsealStorage storage)
    {
        _storage = storage;
    }

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await _storage.MigrateAsync(cancellationToken);
        _ = _storage.KeyEncryptionKeys.GetKey();
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
