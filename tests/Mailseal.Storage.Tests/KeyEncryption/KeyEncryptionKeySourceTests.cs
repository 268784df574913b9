using System.Security.Cryptography;
using System.Text;
using Mailseal.Storage.KeyEncryption;
using Mailseal.Testing.Logging;
using Mailseal.Testing;
using Microsoft.Extensions.Logging;

namespace Mailseal.Storage.Tests.KeyEncryption;

public sealed class KeyEncryptionKeySourceTests : IDisposable
{
    private const UnixFileMode OwnerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    private readonly TempDirectory _temp = new();
    private readonly byte[] _keyBytes = RandomNumberGenerator.GetBytes(32);

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void GetKey_EnvironmentVariable_UsesItBeforeAnyFile()
    {
        var file = WriteKeyFile(Encoding.ASCII.GetBytes(Convert.ToBase64String(RandomNumberGenerator.GetBytes(32))), OwnerOnly);
        var source = Source(Options(keyFile: file), Convert.ToBase64String(_keyBytes));

        Assert.Equal(_keyBytes, source.GetKey().Bytes.ToArray());
    }

    [Theory]
    [InlineData("not base64 at all!")]
    [InlineData("AAAA====")]
    public void GetKey_EnvironmentVariableNotBase64_ThrowsNamingTheVariable(string value)
    {
        var exception = Assert.Throws<InvalidOperationException>(() => Source(Options(), value).GetKey());

        Assert.Contains(KeyEncryptionKeySource.EnvironmentVariable, exception.Message, StringComparison.Ordinal);
        Assert.Contains("base64", exception.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(16)]
    [InlineData(31)]
    [InlineData(33)]
    [InlineData(64)]
    public void GetKey_EnvironmentVariableWrongLength_ThrowsWithTheLength(int length)
    {
        var value = Convert.ToBase64String(RandomNumberGenerator.GetBytes(length));

        var exception = Assert.Throws<InvalidOperationException>(() => Source(Options(), value).GetKey());

        Assert.Contains($"holds {length} bytes", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void GetKey_RawKeyFile_UsesIt()
    {
        var file = WriteKeyFile(_keyBytes, OwnerOnly);

        Assert.Equal(_keyBytes, Source(Options(keyFile: file)).GetKey().Bytes.ToArray());
    }

    [Fact]
    public void GetKey_Base64KeyFileWithNewline_UsesIt()
    {
        var file = WriteKeyFile(Encoding.ASCII.GetBytes(Convert.ToBase64String(_keyBytes) + "\n"), OwnerOnly);

        Assert.Equal(_keyBytes, Source(Options(keyFile: file)).GetKey().Bytes.ToArray());
    }

    [Theory]
    [InlineData(UnixFileMode.GroupRead)]
    [InlineData(UnixFileMode.OtherRead)]
    [InlineData(UnixFileMode.GroupWrite)]
    [InlineData(UnixFileMode.OtherWrite)]
    public void GetKey_KeyFileOpenToGroupOrOthers_ThrowsAskingForChmod600(UnixFileMode extra)
    {
        var file = WriteKeyFile(_keyBytes, OwnerOnly | extra);

        var exception = Assert.Throws<InvalidOperationException>(() => Source(Options(keyFile: file)).GetKey());

        Assert.Contains("chmod 600", exception.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(31)]
    [InlineData(33)]
    public void GetKey_RawKeyFileWrongLength_Throws(int length)
    {
        var file = WriteKeyFile(RandomNumberGenerator.GetBytes(length), OwnerOnly);

        var exception = Assert.Throws<InvalidOperationException>(() => Source(Options(keyFile: file)).GetKey());

        Assert.Contains(file, exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void GetKey_KeyFileMissing_ThrowsNamingIt()
    {
        var file = _temp.Combine("missing.key");

        var exception = Assert.Throws<InvalidOperationException>(() => Source(Options(keyFile: file)).GetKey());

        Assert.Contains("does not exist", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void GetKey_EmbeddedDefaultFirstStart_GeneratesOwnerOnlyFileAndWarnsWithoutTheKey()
    {
        var options = Options();
        var logger = new RecordingLogger<KeyEncryptionKeySource>();

        var key = new KeyEncryptionKeySource(options, logger, _ => null).GetKey();

        var path = Path.Combine(options.FullDataDirectory, StorageOptions.GeneratedKeyFileName);
        Assert.Equal(OwnerOnly, File.GetUnixFileMode(path));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute,
            File.GetUnixFileMode(options.FullDataDirectory));
        Assert.Equal(key.Bytes.ToArray(), Convert.FromBase64String(File.ReadAllText(path)));
        var warning = Assert.Single(logger.Entries, entry => entry.Level == LogLevel.Warning);
        Assert.Contains(path, warning.Message, StringComparison.Ordinal);
        Assert.Contains("Production", warning.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(logger.Entries, entry => entry.Message.Contains(
            Convert.ToBase64String(key.Bytes), StringComparison.Ordinal));
        Assert.Empty(Directory.GetFiles(options.FullDataDirectory, "*.tmp"));
    }

    [Fact]
    public void GetKey_EmbeddedDefaultNextStart_ReusesTheGeneratedKeyWithoutWarning()
    {
        var options = Options();
        var first = Source(options).GetKey();
        var logger = new RecordingLogger<KeyEncryptionKeySource>();

        var second = new KeyEncryptionKeySource(options, logger, _ => null).GetKey();

        Assert.Equal(first.Id, second.Id);
        Assert.Equal(first.Bytes.ToArray(), second.Bytes.ToArray());
        Assert.DoesNotContain(logger.Entries, entry => entry.Level == LogLevel.Warning);
    }

    [Fact]
    public async Task GetKey_EmbeddedDefaultConcurrentFirstStarts_AllGetTheSameKey()
    {
        var options = Options();

        var ids = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() => Source(options).GetKey().Id)));

        Assert.Single(ids.Distinct());
        Assert.Single(Directory.GetFiles(options.FullDataDirectory));
    }

    [Fact]
    public void GetKey_EmbeddedDefaultFileLoosened_Throws()
    {
        var options = Options();
        _ = Source(options).GetKey();
        var path = Path.Combine(options.FullDataDirectory, StorageOptions.GeneratedKeyFileName);
        File.SetUnixFileMode(path, OwnerOnly | UnixFileMode.OtherRead);

        Assert.Throws<InvalidOperationException>(() => Source(options).GetKey());
    }

    [Fact]
    public void GetKey_PostgresWithoutSuppliedKey_ThrowsAndGeneratesNothing()
    {
        var options = Options(StorageProvider.Postgres);

        var exception = Assert.Throws<InvalidOperationException>(() => Source(options).GetKey());

        Assert.Contains(KeyEncryptionKeySource.EnvironmentVariable, exception.Message, StringComparison.Ordinal);
        Assert.False(Directory.Exists(options.FullDataDirectory));
    }

    private StorageOptions Options(StorageProvider provider = StorageProvider.Sqlite, string? keyFile = null) => new()
    {
        Provider = provider,
        ConnectionString = provider == StorageProvider.Postgres ? "Host=127.0.0.1" : null,
        DataDirectory = _temp.Combine("data"),
        KeyEncryptionKeyFile = keyFile,
    };

    private static KeyEncryptionKeySource Source(StorageOptions options, string? environmentValue = null) =>
        new(options, new RecordingLogger<KeyEncryptionKeySource>(),
            name => name == KeyEncryptionKeySource.EnvironmentVariable ? environmentValue : null);

    private string WriteKeyFile(byte[] content, UnixFileMode mode)
    {
        var path = _temp.Combine($"kek-{Guid.NewGuid():N}.key");
        File.WriteAllBytes(path, content);
        File.SetUnixFileMode(path, mode);
        return path;
    }
}
