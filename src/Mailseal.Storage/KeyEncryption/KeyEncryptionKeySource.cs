using Mailseal.Core.Keys;
using Microsoft.Extensions.Logging;

namespace Mailseal.Storage.KeyEncryption;

/// <summary>
/// Finds the operator's key-encryption key, in this order: the environment variable
/// <see cref="EnvironmentVariable"/> (base64 of 32 bytes); the file named by
/// <see cref="StorageOptions.KeyEncryptionKeyFile"/>; and, for the embedded SQLite default only,
/// <c>&lt;data&gt;/kek.key</c>, generated owner-only on first start. The key is loaded once and never logged.
/// </summary>
public sealed partial class KeyEncryptionKeySource
{
    public const string EnvironmentVariable = "MAILSEAL_KEK";

    private readonly StorageOptions _options;
    private readonly ILogger<KeyEncryptionKeySource> _logger;
    private readonly Func<string, string?> _environment;
    private readonly Lazy<KeyEncryptionKey> _key;

    /// <param name="options">Storage settings: provider, data folder, key file.</param>
    /// <param name="logger">Receives where the key came from, never the key.</param>
    /// <param name="environment">Reads an environment variable; the process environment when null.</param>
    public KeyEncryptionKeySource(
        StorageOptions options, ILogger<KeyEncryptionKeySource> logger, Func<string, string?>? environment = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(logger);
        _options = options;
        _logger = logger;
        _environment = environment ?? Environment.GetEnvironmentVariable;
        _key = new Lazy<KeyEncryptionKey>(Load, LazyThreadSafetyMode.ExecutionAndPublication);
    }

    /// <summary>
    /// The key-encryption key. Throws <see cref="InvalidOperationException"/> with the reason when none is
    /// usable (bad base64, wrong length, a file others may read, PostgreSQL without a supplied key).
    /// </summary>
    public KeyEncryptionKey GetKey() => _key.Value;

    private KeyEncryptionKey Load()
    {
        var fromEnvironment = _environment(EnvironmentVariable);
        if (!string.IsNullOrWhiteSpace(fromEnvironment))
        {
            var key = KeyEncryptionKeyFile.FromBase64(fromEnvironment, $"The environment variable {EnvironmentVariable}");
            LogLoaded(_logger, key.Id, $"the environment variable {EnvironmentVariable}");
            return key;
        }

        if (_options.KeyEncryptionKeyFile is { } file)
        {
            var path = Path.GetFullPath(file);
            var key = KeyEncryptionKeyFile.Read(path);
            LogLoaded(_logger, key.Id, path);
            return key;
        }

        if (_options.Provider != StorageProvider.Sqlite)
        {
            throw new InvalidOperationException(
                $"{_options.Provider} storage needs an operator-supplied key-encryption key: set the environment "
                + $"variable {EnvironmentVariable} or Storage:KeyEncryptionKeyFile (32 bytes, raw or base64).");
        }

        return LoadOrGenerateEmbedded();
    }

    private KeyEncryptionKey LoadOrGenerateEmbedded()
    {
        var directory = _options.FullDataDirectory;
        var path = Path.Combine(directory, StorageOptions.GeneratedKeyFileName);
        if (!File.Exists(path))
        {
            DataDirectory.Ensure(directory);
            if (KeyEncryptionKeyFile.TryCreate(path))
            {
                LogGenerated(_logger, path, EnvironmentVariable);
            }
        }

        var key = KeyEncryptionKeyFile.Read(path);
        LogLoaded(_logger, key.Id, path);
        return key;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Key-encryption key {KekId} loaded from {Source}")]
    private static partial void LogLoaded(ILogger logger, string kekId, string source);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Generated a new key-encryption key at {Path}: every private key "
        + "is sealed under it, so back it up and keep it apart from the database. Production deployments should "
        + "supply their own through {Variable} or Storage:KeyEncryptionKeyFile.")]
    private static partial void LogGenerated(ILogger logger, string path, string variable);
}
