using System.CommandLine;
using Mailseal.Core.Keys;
using Mailseal.Protection.Keys;
using Mailseal.Protection.Sealing;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using MimeKit.Utils;

namespace Mailseal.Cli.Commands;

/// <summary>
/// `mailseal demo`: Mailseal on its embedded default in one command. Makes the keys if there are none,
/// seals a sample message into a wrapper mail in the outbox, and unseals it again to show the round trip.
/// </summary>
internal static class DemoCommand
{
    private const string Sender = "alice@example.org";
    private const string Recipient = "bob@example.net";

    public static Command Build(CliConsole console)
    {
        var command = new Command("demo", "Seal and unseal a sample message on the embedded default (./data).");
        var dataDir = CliOptions.DataDirectory();
        command.Options.Add(dataDir);
        command.SetAction(async (parse, ct) =>
        {
            var dataDirectory = Path.GetFullPath(parse.GetValue(dataDir)!);
            await using var services = await CliServices.OpenAsync(dataDirectory, allowLegacyMode1: false, ct);
            var keys = services.GetRequiredService<KeyManager>();
            if (!await keys.HasActiveKeysAsync(ct))
            {
                var created = await keys.CreateInitialKeysAsync("Mailseal", CryptoMode.Mode2, null, ct);
                console.Output.WriteLine($"Created the tenant's keys in {dataDirectory}: {string.Join(", ", created.Select(k => k.Id))}");
            }

            var demo = Directory.CreateDirectory(Path.Combine(dataDirectory, "demo")).FullName;
            var outbox = Directory.CreateDirectory(Path.Combine(dataDirectory, "outbox")).FullName;
            var originalPath = Path.Combine(demo, "original.eml");
            await File.WriteAllBytesAsync(originalPath, SampleMessage(), ct);

            var wrapperPath = Path.Combine(outbox, $"{DateTime.UtcNow:yyyyMMddTHHmmss}-demo.eml");
            await using (var original = File.OpenRead(originalPath))
            await using (var wrapper = new AtomicOutput(wrapperPath, console))
            {
                var license = await services.GetRequiredService<MessageSealer>()
                    .SealAsync(original, new MessageSealRequest(Sender, [Recipient]), wrapper.Stream, ct);
                await wrapper.CommitAsync(ct);
                console.Output.WriteLine($"Sealed {originalPath}");
                console.Output.WriteLine($"   as envelope {license.EnvelopeIdHex} for {Recipient}, signed with {license.SigningKeyId}");
                console.Output.WriteLine($"   into the wrapper mail {wrapperPath}");
            }

            var unsealedPath = Path.Combine(demo, "unsealed.eml");
            await using (var wrapper = File.OpenRead(wrapperPath))
            await using (var unsealed = new AtomicOutput(unsealedPath, console))
            {
                await services.GetRequiredService<MessageUnsealer>().UnsealAsync(wrapper, unsealed.Stream, ct);
                await unsealed.CommitAsync(ct);
            }

            var originalBytes = await File.ReadAllBytesAsync(originalPath, ct);
            var unsealedBytes = await File.ReadAllBytesAsync(unsealedPath, ct);
            var identical = originalBytes.AsSpan().SequenceEqual(unsealedBytes);
            console.Output.WriteLine($"Unsealed it again into {unsealedPath}: {(identical ? "identical to the original, byte for byte" : "DIFFERENT from the original")}");
            console.Output.WriteLine("Open the wrapper mail in a mail client to see what a recipient gets; its message.html posts to the portal.");
            return identical ? 0 : CliErrors.Failure;
        });
        return command;
    }

    private static byte[] SampleMessage()
    {
        var message = new MimeMessage();
        message.From.Add(new MailboxAddress("Alice Example", Sender));
        message.To.Add(new MailboxAddress("Bob Example", Recipient));
        message.Subject = "Quarterly figures (confidential)";
        message.Date = DateTimeOffset.UtcNow;
        message.MessageId = MimeUtils.GenerateMessageId("example.org");
        message.Body = new BodyBuilder
        {
            TextBody = "Hello Bob,\r\n\r\nthe figures are attached in confidence.\r\n\r\nAlice\r\n",
            HtmlBody = "<p>Hello Bob,</p><p>the figures are attached <b>in confidence</b>.</p><p>Alice</p>",
        }.ToMessageBody();
        using var bytes = new MemoryStream();
        message.WriteTo(new FormatOptions { NewLineFormat = NewLineFormat.Dos }, bytes);
        return bytes.ToArray();
    }
}
