using System.Text;

namespace Mailseal.Cli.Tests;

/// <summary>What one in-process run of the `mailseal` command printed and returned.</summary>
internal sealed record CliRun(int ExitCode, string Output, string Error, byte[] StandardOutputBytes)
{
    /// <summary>Runs the command as the executable would, with standard input from <paramref name="standardInput"/>.</summary>
    public static async Task<CliRun> InvokeAsync(byte[]? standardInput, params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var standardOutput = new MemoryStream();
        var console = new CliConsole(
            output,
            error,
            () => new MemoryStream(standardInput ?? []),
            () => new NonClosingStream(standardOutput));
        var exitCode = await MailsealCommandLine.InvokeAsync(args, console, CancellationToken.None);
        return new CliRun(exitCode, output.ToString(), error.ToString(), standardOutput.ToArray());
    }

    public static Task<CliRun> InvokeAsync(params string[] args) => InvokeAsync(null, args);

    /// <summary>Runs a verb on the data folder <paramref name="dataDirectory"/> and requires it to succeed.</summary>
    public static async Task<CliRun> SucceedAsync(string dataDirectory, params string[] args)
    {
        var run = await InvokeAsync([.. args, "--data-dir", dataDirectory]);
        Assert.True(run.ExitCode == 0, run.ToString());
        return run;
    }

    public override string ToString() =>
        new StringBuilder().Append("exit ").Append(ExitCode).AppendLine().Append(Output).Append(Error).ToString();

    /// <summary>Keeps the captured bytes readable after the command disposes its output stream.</summary>
    private sealed class NonClosingStream(Stream inner) : Stream
    {
        public override bool CanRead => false;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => inner.Length;

        public override long Position { get => inner.Position; set => throw new NotSupportedException(); }

        public override void Flush() => inner.Flush();

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => inner.Write(buffer, offset, count);

        public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            inner.WriteAsync(buffer, offset, count, cancellationToken);

        public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default) =>
            inner.WriteAsync(buffer, cancellationToken);
    }
}
