namespace Mailseal.Storage;

/// <summary>Where Mailseal keeps its state, bound from the "Storage" configuration section.</summary>
public sealed class StorageOptions
{
    public const string SectionName = "Storage";

    /// <summary>The file name of the SQLite database inside <see cref="DataDirectory"/>.</summary>
    public const string SqliteFileName = "mailseal.db";

    /// <summary>The file name of the generated key-encryption key inside <see cref="DataDirectory"/>.</summary>
    public const string GeneratedKeyFileName = "kek.key";

    public StorageProvider Provider { get; set; } = StorageProvider.Sqlite;

    /// <summary>
    /// Required for PostgreSQL (an Npgsql connection string). For SQLite it is optional and replaces the
    /// default file <c>&lt;DataDirectory&gt;/mailseal.db</c>.
    /// </summary>
    public string? ConnectionString { get; set; }

    /// <summary>The data folder: the SQLite database and the generated key-encryption key live here.</summary>
    public string DataDirectory { get; set; } = "./data";

    /// <summary>
    /// A file holding the key-encryption key: 32 raw bytes, or their base64 text. Readable by its owner
    /// only. The environment variable MAILSEAL_KEK takes precedence.
    /// </summary>
    public string? KeyEncryptionKeyFile { get; set; }

    /// <summary>The data folder as an absolute path.</summary>
    public string FullDataDirectory => Path.GetFullPath(DataDirectory);
}
