using System.Globalization;
using System.Text.Json;
using Mailseal.Core.Keys;
using Mailseal.Protection.Keys;

namespace Mailseal.Cli.Commands;

/// <summary>How keys are shown: never a secret, only ids, purposes, modes, sizes and states.</summary>
internal static class KeyTable
{
    private static readonly JsonSerializerOptions JsonOptions = new() { WriteIndented = true };

    public static void Write(TextWriter output, IReadOnlyList<KeyStatus> statuses)
    {
        var rows = statuses.Select(s => new[]
        {
            s.Key.Id,
            KeyNames.Describe(s.Key.Purpose),
            ((int)s.Key.Mode).ToString(CultureInfo.InvariantCulture),
            s.Key.KeySizeBits.ToString(CultureInfo.InvariantCulture),
            s.Key.CreatedAt.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss'Z'", CultureInfo.InvariantCulture),
            s.State,
            s.Warning is null ? "" : "WARNING: mode 1 (RSA-1024, SHA-1) is legacy and weak",
        }).ToList();
        TextTable.Write(output, ["ID", "PURPOSE", "MODE", "BITS", "CREATED", "STATE", ""], rows);
        if (statuses.Count == 0)
        {
            output.WriteLine("No keys yet: run `mailseal keys new`.");
        }
    }

    public static void WriteCreated(TextWriter output, IReadOnlyList<KeyRecord> created)
    {
        foreach (var key in created)
        {
            output.WriteLine($"created {key.Id} ({KeyNames.Describe(key.Purpose)}, mode {(int)key.Mode}, {key.KeySizeBits} bits)");
            if (key.Mode == CryptoMode.Mode1)
            {
                output.WriteLine("WARNING: " + LegacyCryptoMode1.Warning);
            }
        }
    }

    public static void WriteJson(TextWriter output, IReadOnlyList<KeyStatus> statuses)
    {
        var items = statuses.Select(s => new
        {
            id = s.Key.Id,
            purpose = KeyNames.Describe(s.Key.Purpose),
            mode = (int)s.Key.Mode,
            bits = s.Key.KeySizeBits,
            createdAt = s.Key.CreatedAt,
            retiredAt = s.Key.RetiredAt,
            state = s.State,
            warning = s.Warning,
        });
        output.WriteLine(JsonSerializer.Serialize(items, JsonOptions));
    }
}
