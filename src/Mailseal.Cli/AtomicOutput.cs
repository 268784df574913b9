namespace Mailseal.Cli;

/// <summary>
/// An output that appears only when complete: written to a temporary file beside the target and renamed
/// over it on <see cref="CommitAsync"/>, or copied to standard output then. Disposed uncommitted, it leaves
/// nothing behind — so a failed unseal never writes a byte of plaintext to its destination.
/// </summary>
internal sealed class AtomicOutput : IAsyncDisposable
{
    private readonly string _target;
    private readonly CliConsole _console;
    private readonly string _temporaryPath;
    private bool _committed;

    public AtomicOutput(string target, CliConsole console)
    {
        _target = target;
        _console = console;
        var directory = target == CliFiles.StandardStream
            ? Path.GetTempPath()
            : Path.GetDirectoryName(Path.GetFullPath(target))!;
        _temporaryPath = Path.Combine(directory, $".mailseal-{Guid.NewGuid():N}.partial");
        Stream = new FileStream(_temporaryPath, CliFiles.PrivateNewFile(FileOptions.Asynchronous));
    }

    public FileStream Stream { get; }

    public async Task CommitAsync(CancellationToken cancellationToken)
    {
        await Stream.FlushAsync(cancellationToken);
        if (_target == CliFiles.StandardStream)
        {
            Stream.Position = 0;
            await using var standardOutput = _console.OpenStandardOutput();
            await Stream.CopyToAsync(standardOutput, cancellationToken);
            await standardOutput.FlushAsync(cancellationToken);
            await Stream.DisposeAsync();
            File.Delete(_temporaryPath);
        }
        else
        {
            Stream.Flush(flushToDisk: true);
            await Stream.DisposeAsync();
            File.Move(_temporaryPath, _target, overwrite: true);
        }

        _committed = true;
    }

    public async ValueTask DisposeAsync()
    {
        await Stream.DisposeAsync();
        if (!_committed)
        {
            File.Delete(_temporaryPath);
        }
    }
}
