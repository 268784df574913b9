using System.Diagnostics;
using System.Text;

namespace Mailseal.Cli.Tests;

/// <summary>Runs a program to its end with real standard streams: the built `mailseal`, or Postfix's commands.</summary>
internal static class ChildProcess
{
    public static readonly string MailsealDll = Path.Combine(AppContext.BaseDirectory, "mailseal.dll");

    /// <summary>Starts `dotnet mailseal.dll ARGS`; the caller reads or drains its output.</summary>
    public static Process StartMailseal(IEnumerable<string> args, IReadOnlyDictionary<string, string>? environment = null, bool redirectInput = false)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardInput = redirectInput,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(MailsealDll);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }

        return Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start.");
    }

    /// <summary>Runs `mailseal ARGS` with <paramref name="input"/> on standard input.</summary>
    public static async Task<(int ExitCode, byte[] Output, string Error)> RunMailsealAsync(
        byte[] input, IReadOnlyDictionary<string, string>? environment, params string[] args)
    {
        using var process = StartMailseal(args, environment, redirectInput: true);
        var error = process.StandardError.ReadToEndAsync();
        using var output = new MemoryStream();
        var copy = process.StandardOutput.BaseStream.CopyToAsync(output);
        await process.StandardInput.BaseStream.WriteAsync(input);
        process.StandardInput.Close();
        await copy;
        await process.WaitForExitAsync();
        return (process.ExitCode, output.ToArray(), await error);
    }

    /// <summary>Runs `mailseal ARGS` and fails the test, showing what it printed, unless it exits 0.</summary>
    public static async Task<string> MailsealAsync(IReadOnlyDictionary<string, string>? environment, params string[] args)
    {
        var (exitCode, output, error) = await RunMailsealAsync([], environment, args);
        Assert.True(exitCode == 0, $"mailseal {string.Join(' ', args)} exited {exitCode}: {error}");
        return Encoding.UTF8.GetString(output);
    }

    /// <summary>Runs a program and fails the test, showing what it printed, unless it exits 0.</summary>
    public static async Task<string> RunAsync(string program, params string[] args)
    {
        var start = new ProcessStartInfo(program)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{program} did not start.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, $"{program} {string.Join(' ', args)} exited {process.ExitCode}: {await error}{await output}");
        return await output;
    }
}
