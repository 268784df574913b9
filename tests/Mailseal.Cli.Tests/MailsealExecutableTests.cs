using Mailseal.Testing;
using Mailseal.Testing.Corpus;

namespace Mailseal.Cli.Tests;

/// <summary>The built `mailseal` executable in its own process, with real standard streams and exit codes.</summary>
public sealed class MailsealExecutableTests : IDisposable
{
    private readonly TempDirectory _directory = new();

    [Fact]
    public async Task SealAndUnseal_ThroughPipes_IdenticalBytesAndExitCodeZero()
    {
        var data = _directory.Combine("data");
        var original = TestCorpus.ReadAllBytes(TestCorpus.FileNames[0]);
        Assert.Equal(0, (await RunAsync([], "keys", "new", "--data-dir", data)).ExitCode);

        var sealedRun = await RunAsync(original, "seal", "--data-dir", data, "--sender", "alice@example.org", "--recipient", "bob@example.net", "--in", "-", "--out", "-");
        var unsealedRun = await RunAsync(sealedRun.Output, "unseal", "--data-dir", data, "--in", "-", "--out", "-");

        Assert.Equal(0, sealedRun.ExitCode);
        Assert.Equal(0, unsealedRun.ExitCode);
        Assert.Equal(original, unsealedRun.Output);
    }

    [Fact]
    public async Task Unseal_Garbage_NonZeroExitAndOneLineOnStandardError()
    {
        var data = _directory.Combine("data");
        await RunAsync([], "keys", "new", "--data-dir", data);

        var run = await RunAsync("<html>nothing sealed here</html>"u8.ToArray(), "unseal", "--data-dir", data, "--in", "-", "--out", "-");

        Assert.NotEqual(0, run.ExitCode);
        Assert.Empty(run.Output);
        Assert.Equal("mailseal: The envelope is not valid.", run.Error.Trim());
    }

    public void Dispose() => _directory.Dispose();

    private static Task<(int ExitCode, byte[] Output, string Error)> RunAsync(byte[] input, params string[] args) =>
        ChildProcess.RunMailsealAsync(input, null, args);
}
