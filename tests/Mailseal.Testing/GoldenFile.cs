using Xunit.Sdk;

namespace Mailseal.Testing;

/// <summary>
/// Compares output byte for byte with a file under tests/TestData/golden. With MAILSEAL_UPDATE_GOLDEN=1 the
/// file is rewritten instead (review the diff before committing it).
/// </summary>
public static class GoldenFile
{
    public const string UpdateVariable = "MAILSEAL_UPDATE_GOLDEN";

    public static void AssertMatches(string name, byte[] actual)
    {
        ArgumentNullException.ThrowIfNull(actual);
        var path = RepositoryRoot.TestData("golden", name);
        if (Environment.GetEnvironmentVariable(UpdateVariable) == "1")
        {
            Directory.CreateDirectory(System.IO.Path.GetDirectoryName(path)!);
            File.WriteAllBytes(path, actual);
            return;
        }

        if (!File.Exists(path))
        {
            throw new XunitException($"Golden file {path} is missing; run the tests once with {UpdateVariable}=1 to create it.");
        }

        var expected = File.ReadAllBytes(path);
        var mismatch = expected.AsSpan().CommonPrefixLength(actual);
        if (mismatch != expected.Length || expected.Length != actual.Length)
        {
            throw new XunitException(
                $"Output differs from golden file {path} at byte {mismatch} (expected {expected.Length} bytes, got {actual.Length}). "
                + $"If the change is intended, rerun with {UpdateVariable}=1 and review the diff.");
        }
    }
}
