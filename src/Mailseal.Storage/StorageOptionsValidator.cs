using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Mailseal.Storage;

/// <summary>Checks <see cref="StorageOptions"/> at start, with messages an operator can act on.</summary>
public sealed class StorageOptionsValidator : IValidateOptions<StorageOptions>
{
    public ValidateOptionsResult Validate(string? name, StorageOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();

        if (!Enum.IsDefined(options.Provider))
        {
            failures.Add($"Storage:Provider must be Sqlite or Postgres, not '{options.Provider}'.");
        }

        if (string.IsNullOrWhiteSpace(options.DataDirectory))
        {
            failures.Add("Storage:DataDirectory must name a folder (default ./data).");
        }

        if (options.Provider == StorageProvider.Postgres)
        {
            ValidatePostgresConnectionString(options.ConnectionString, failures);
        }
        else if (!string.IsNullOrWhiteSpace(options.ConnectionString))
        {
            ValidateSqliteConnectionString(options.ConnectionString, failures);
        }

        if (options.KeyEncryptionKeyFile is not null && string.IsNullOrWhiteSpace(options.KeyEncryptionKeyFile))
        {
            failures.Add("Storage:KeyEncryptionKeyFile is empty: name a file or leave it unset.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void ValidateSqliteConnectionString(string connectionString, List<string> failures)
    {
        try
        {
            _ = new SqliteConnectionStringBuilder(connectionString);
        }
        catch (Exception exception) when (exception is ArgumentException or FormatException or InvalidCastException)
        {
            failures.Add("Storage:ConnectionString is not a valid SQLite connection string "
                + "(e.g. Data Source=/var/lib/mailseal/mailseal.db).");
        }
    }

    private static void ValidatePostgresConnectionString(string? connectionString, List<string> failures)
    {
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            failures.Add("Storage:ConnectionString is required when Storage:Provider is Postgres "
                + "(e.g. Host=db.example.org;Database=mailseal;Username=mailseal;Password=...).");
            return;
        }

        try
        {
            _ = new NpgsqlConnectionStringBuilder(connectionString);
        }
        catch (Exception exception) when (exception is ArgumentException or FormatException or InvalidCastException)
        {
            // Not the builder's message: it may quote a value, and the value may be a password.
            failures.Add("Storage:ConnectionString is not a valid PostgreSQL connection string "
                + "(an unknown keyword or a value of the wrong type).");
        }
    }
}
