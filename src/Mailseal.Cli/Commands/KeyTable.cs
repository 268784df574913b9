using System.Globalization;
using Mailseal.Core.Administration;
using Mailseal.Core.Keys;
using Mailseal.Protection.Keys;

namespace Mailseal.Cli.Commands;

/// <summary>How keys are shown: never a secret, only ids, purposes, modes, sizes and states.</summary>
internal static class KeyTable
{
    public static void Write(TextWriter output, IReadOnlyList<TenantKeyInfo> keys)
    {
        var rows = keys.Select(k => new[]
        {
            k.Id,
            KeyNames.Describe(k.Purpose),
            ((int)k.Mode).ToString(CultureInfo.InvariantCulture),
            k.KeySizeBits.ToString(CultureInfo.InvariantCulture),
            k.CreatedAt.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss'Z'", CultureInfo.InvariantCulture),
            k.State,
            k.Warning is null ? "" : "WARNING: mode 1 (RSA-1024, SHA-1) is legacy and weak",
        }).ToList();
        TextTable.Write(output, ["ID", "PURPOSE", "MODE", "BITS", "CREATED", "STATE", ""], rows);
        if (keys.Count == 0)
        {
            output.WriteLine("No keys yet: run `mailseal keys new`.");
        }
    }

    public static void WriteCreated(TextWriter output, IReadOnlyList<TenantKeyInfo> created)
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
}
