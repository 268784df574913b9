namespace Mailseal.Storage;

/// <summary>The database behind the stores.</summary>
public enum StorageProvider
{
    /// <summary>An SQLite file in the data folder: the embedded default, one node.</summary>
    Sqlite = 0,

    /// <summary>A PostgreSQL database shared by every node of a scale-out deployment.</summary>
    Postgres = 1,
}
