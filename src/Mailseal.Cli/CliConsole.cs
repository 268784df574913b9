namespace Mailseal.Cli;

/// <summary>
/// Where a command reads and writes: the process's own streams, or a test's. Binary data goes through
/// the streams, human text through the writers.
/// </summary>
internal sealed class CliConsole(TextWriter output, TextWriter error, Func<Stream> openStandardInput, Func<Stream> openStandardOutput)
{
    public static CliConsole Process { get; } =
        new(Console.Out, Console.Error, Console.OpenStandardInput, Console.OpenStandardOutput);

    public TextWriter Output { get; } = output;

    public TextWriter Error { get; } = error;

    public Stream OpenStandardInput() => openStandardInput();

    public Stream OpenStandardOutput() => openStandardOutput();
}
