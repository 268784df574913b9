using Mailseal.Cli.Hosting;
using Mailseal.Testing;

namespace Mailseal.Cli.Tests.Hosting;

[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class EmbeddedDefaultsTests : IDisposable
{
    private readonly TempDirectory _directory = new();

    [Fact]
    public void SubmissionPassword_NewDataFolder_FolderAndFileOwnerOnlyAndPasswordKept()
    {
        var data = _directory.Combine("data");

        var first = EmbeddedDefaults.SubmissionPassword(data);
        var second = EmbeddedDefaults.SubmissionPassword(data);

        Assert.Equal(first, second);
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(data));
        Assert.Equal(
            UnixFileMode.UserRead | UnixFileMode.UserWrite,
            File.GetUnixFileMode(Path.Combine(data, "submission-password")));
    }

    public void Dispose() => _directory.Dispose();
}
