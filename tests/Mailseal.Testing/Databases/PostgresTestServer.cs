namespace Mailseal.Testing.Databases;

/// <summary>Where the tests find their PostgreSQL server: the environment variable the test script sets.</summary>
public static class PostgresTestServer
{
    public const string EnvironmentVariable = "MAILSEAL_TEST_POSTGRES";

    /// <summary>
    /// The server's connection string. Throws — the test fails, it is never skipped — when it is not set.
    /// </summary>
    public static string ConnectionString
    {
        get
        {
            var value = Environment.GetEnvironmentVariable(EnvironmentVariable);
            if (string.IsNullOrWhiteSpace(value))
            {
                throw new InvalidOperationException(
                    $"{EnvironmentVariable} is not set, so the PostgreSQL tests cannot run. Run the README's test "
                    + "command (scripts/test.sh), which starts a throwaway PostgreSQL; or start one yourself with "
                    + $"`export {EnvironmentVariable}=\"$(bash scripts/postgres-test.sh start)\"` and stop it "
                    + "afterwards with `bash scripts/postgres-test.sh stop`.");
            }

            return value;
        }
    }
}
