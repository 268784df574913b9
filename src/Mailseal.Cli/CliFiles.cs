namespace Mailseal.Cli;

/// <summary>Opens `--in` and `--out` paths, where "-" means standard input or output.</summary>
internal static class CliFiles
{
    public const string StandardStream = "-";

    /// <summary>Opens an input for reading; standard input is copied to a temporary file first, so it can be read twice.</summary>
    public static async Task<Stream> OpenInputAsync(string path, CliConsole console, CancellationToken cancellationToken)
    {
        if (path != StandardStream)
        {
            return new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.Asynchronous);
        }

        var spool = CreateSpool();
        await using (var input = console.OpenStandardInput())
        {
            await input.CopyToAsync(spool, cancellationToken);
        }

        spool.Position = 0;
        return spool;
    }

    /// <summary>A message spool: in memory while small, then a <see cref="CreateSpool"/> file (<see cref="SpillingSpool"/>).</summary>
    public static Stream CreateMessageSpool() => new SpillingSpool(SpillingSpool.DefaultMemoryLimit, () => CreateSpool());

    /// <summary>
    /// A temporary file, deleted when closed: bounded memory for messages of any size. Outside Windows its name is
    /// removed at once (the open handle keeps the file), so that a process killed mid-message leaves no plaintext.
    /// </summary>
    public static FileStream CreateSpool(string? directory = null)
    {
        var path = Path.Combine(directory ?? Path.GetTempPath(), $".mailseal-{Guid.NewGuid():N}.tmp");
        var spool = new FileStream(path, PrivateNewFile(FileOptions.DeleteOnClose | FileOptions.Asynchronous));
        if (!OperatingSystem.IsWindows())
        {
            File.Delete(path);
        }

        return spool;
    }

    /// <summary>A new file that only its owner can read: it may hold plaintext.</summary>
    public static FileStreamOptions PrivateNewFile(FileOptions options)
    {
        var fileOptions = new FileStreamOptions
        {
            Mode = FileMode.CreateNew,
            Access = FileAccess.ReadWrite,
            Share = FileShare.None,
            Options = options,
            BufferSize = 1 << 16,
        };
        if (!OperatingSystem.IsWindows())
        {
            fileOptions.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        return fileOptions;
    }
}
