using System.CommandLine;
using System.Globalization;
using Mailseal.Protection.Envelope;
using Mailseal.Protection.Wrapper;

namespace Mailseal.Cli.Commands;

/// <summary>`mailseal inspect`: the license of a wrapper or message.html, read without keys and without decrypting.</summary>
internal static class InspectCommand
{
    public static Command Build(CliConsole console)
    {
        var command = new Command("inspect", "Print an envelope's license without decrypting it (recipients as a count). Nothing is verified.");
        var input = CliOptions.Input("The wrapper mail or message.html, or - for standard input.");
        command.Options.Add(input);
        command.SetAction(async (parse, ct) =>
        {
            await using var sealedInput = await CliFiles.OpenInputAsync(parse.GetValue(input)!, console, ct);
            await using var envelope = await EnvelopeExtractor.OpenAsync(sealedInput, ct);
            Write(console.Output, await EnvelopeReader.ReadLicenseUnverifiedAsync(envelope, ct));
        });
        return command;
    }

    private static void Write(TextWriter output, License license)
    {
        var culture = CultureInfo.InvariantCulture;
        string Time(DateTimeOffset? t) => t?.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss'Z'", culture) ?? "never";
        var rows = new (string Name, string Value)[]
        {
            ("version", license.Version.ToString(culture)),
            ("tenant", license.TenantId.ToString()),
            ("envelope", license.EnvelopeIdHex),
            ("message-id", license.OriginalMessageId ?? "(none)"),
            ("sender", license.Sender),
            ("created", Time(license.CreatedAt)),
            ("expires", Time(license.ExpiresAt)),
            ("language", license.Language),
            ("template", license.BrandingTemplate),
            ("crypto mode", ((int)license.Mode).ToString(culture)),
            ("wrapping key", license.WrappingKeyId),
            ("signing key", license.SigningKeyId),
            ("recipient-hash key", license.RecipientHashKeyId),
            ("recipients", license.RecipientHashes.Length.ToString(culture)),
            ("segment size", license.SegmentSize.ToString(culture)),
        };
        foreach (var (name, value) in rows)
        {
            output.WriteLine($"{name + ":",-20}{value}");
        }

        output.WriteLine("(not verified: inspect reads the license without keys)");
    }
}
