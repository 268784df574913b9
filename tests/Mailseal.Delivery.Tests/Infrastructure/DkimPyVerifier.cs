using System.Diagnostics;
using System.Text.Json;
using Mailseal.Testing;

namespace Mailseal.Delivery.Tests.Infrastructure;

/// <summary>
/// Runs dkimpy (Debian python3-dkim, installed by scripts/provision.sh) over signed messages: a verifier that shares
/// no code with MimeKit or with the signer. DNS answers come from the records given, not from the network.
/// </summary>
internal static class DkimPyVerifier
{
    private const string Python = "/usr/bin/python3";

    /// <summary>The names of the messages that do not verify, each with dkimpy's reason; empty when all verify.</summary>
    public static async Task<IReadOnlyList<string>> FailuresAsync(IReadOnlyDictionary<string, string> records, IReadOnlyDictionary<string, byte[]> messages)
    {
        using var temp = new TempDirectory();
        var recordsPath = temp.Combine("records.json");
        await File.WriteAllTextAsync(recordsPath, JsonSerializer.Serialize(records));
        var start = new ProcessStartInfo(Python) { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Dkim", "verify_dkim.py"));
        start.ArgumentList.Add(recordsPath);
        var index = 0;
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, bytes) in messages)
        {
            var path = temp.Combine($"{index++}.eml");
            await File.WriteAllBytesAsync(path, bytes);
            names[path] = name;
            start.ArgumentList.Add(path);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{Python} did not start.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        var lines = (await output).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        if (lines.Count(l => l.StartsWith("PASS ", StringComparison.Ordinal)) + lines.Count(l => l.StartsWith("FAIL ", StringComparison.Ordinal)) != messages.Count)
        {
            throw new InvalidOperationException($"dkimpy did not judge every message (exit {process.ExitCode}): {await error}");
        }

        return [.. lines.Where(l => l.StartsWith("FAIL ", StringComparison.Ordinal))
            .Select(l => l[5..]).Select(l => names.Aggregate(l, (text, pair) => text.Replace(pair.Key, pair.Value, StringComparison.Ordinal)))];
    }
}
