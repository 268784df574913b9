namespace Mailseal.Storage.Tests;

public sealed class StorageOptionsValidatorTests
{
    private readonly StorageOptionsValidator _validator = new();

    [Fact]
    public void Validate_Defaults_Succeeds()
    {
        Assert.True(_validator.Validate(null, new StorageOptions()).Succeeded);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("  ")]
    public void Validate_PostgresWithoutConnectionString_FailsNamingTheSetting(string? connectionString)
    {
        var result = _validator.Validate(null, new StorageOptions
        {
            Provider = StorageProvider.Postgres,
            ConnectionString = connectionString,
        });

        Assert.True(result.Failed);
        Assert.Contains("Storage:ConnectionString is required", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_PostgresConnectionStringWithUnknownKeyword_FailsWithoutEchoingIt()
    {
        var result = _validator.Validate(null, new StorageOptions
        {
            Provider = StorageProvider.Postgres,
            ConnectionString = "Host=db;Passwort=s3cret-value",
        });

        Assert.True(result.Failed);
        Assert.Contains("not a valid PostgreSQL connection string", result.FailureMessage, StringComparison.Ordinal);
        Assert.DoesNotContain("s3cret-value", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_ValidPostgresConnectionString_Succeeds()
    {
        var result = _validator.Validate(null, new StorageOptions
        {
            Provider = StorageProvider.Postgres,
            ConnectionString = "Host=db.example.org;Database=mailseal;Username=mailseal",
        });

        Assert.True(result.Succeeded);
    }

    [Fact]
    public void Validate_SqliteConnectionStringWithUnknownKeyword_Fails()
    {
        var result = _validator.Validate(null, new StorageOptions { ConnectionString = "Datasource=x.db;Colour=blue" });

        Assert.Contains("not a valid SQLite connection string", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_EmptyDataDirectory_Fails()
    {
        var result = _validator.Validate(null, new StorageOptions { DataDirectory = " " });

        Assert.Contains("Storage:DataDirectory", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_UndefinedProvider_Fails()
    {
        var result = _validator.Validate(null, new StorageOptions { Provider = (StorageProvider)7 });

        Assert.Contains("Storage:Provider must be Sqlite or Postgres", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_EmptyKeyFileName_Fails()
    {
        var result = _validator.Validate(null, new StorageOptions { KeyEncryptionKeyFile = "" });

        Assert.Contains("Storage:KeyEncryptionKeyFile", result.FailureMessage, StringComparison.Ordinal);
    }
}
