namespace Mailseal.Storage.Migrations;

/// <summary>
/// The database was migrated by a newer Mailseal than this one. It is left exactly as it is: an older
/// build cannot know what the newer schema means, and must not guess.
/// </summary>
public sealed class SchemaTooNewException : InvalidOperationException
{
    public SchemaTooNewException(int databaseVersion, int knownVersion)
        : base($"This database was written by a newer Mailseal (schema {databaseVersion}, this build knows "
            + $"{knownVersion}). It has not been changed; run the newer Mailseal, or restore a backup taken "
            + "before the upgrade.")
    {
        DatabaseVersion = databaseVersion;
        KnownVersion = knownVersion;
    }

    public SchemaTooNewException()
    {
    }

    public SchemaTooNewException(string message)
        : base(message)
    {
    }

    public SchemaTooNewException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>The highest migration recorded in the database.</summary>
    public int DatabaseVersion { get; }

    /// <summary>The highest migration this build carries.</summary>
    public int KnownVersion { get; }
}
