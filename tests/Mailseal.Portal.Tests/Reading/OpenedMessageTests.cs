using System.Text;
using Mailseal.Portal.Reading;
using Mailseal.Portal.Tests.Infrastructure;
using Mailseal.Protection.Envelope;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;

namespace Mailseal.Portal.Tests.Reading;

public sealed class OpenedMessageTests
{
    [Fact]
    public async Task UnsealAsync_Envelope_MessageParsedInPlaceGoneAfterDispose()
    {
        await using var app = await PortalApp.StartAsync();
        var file = Encoding.ASCII.GetBytes(new string('f', 70_000));
        var envelope = await app.SealAsync(MessageWith(file), ["bob@example.net"]);
        var unsealer = app.Services.GetRequiredService<EnvelopeUnsealer>();

        var opened = await OpenedMessage.UnsealAsync(unsealer, envelope, CancellationToken.None);
        var attachment = opened.Message.Attachments.OfType<MimePart>().Single();
        using (var download = new MemoryStream())
        {
            attachment.Content!.DecodeTo(download);
            Assert.Equal(file, download.ToArray());
        }

        Assert.Equal("Figures", opened.Message.Subject);
        opened.Dispose();
        opened.Dispose();

        // The parts were windows on the buffer: after the request they read nothing, neither zeros nor another message.
        Assert.ThrowsAny<ObjectDisposedException>(() => attachment.Content!.DecodeTo(Stream.Null));
    }

    [Fact]
    public async Task UnsealAsync_TamperedEnvelope_Refused()
    {
        await using var app = await PortalApp.StartAsync();
        var envelope = await app.SealAsync(MessageWith([1, 2, 3]), ["bob@example.net"]);
        envelope[^20] ^= 0x01;

        await Assert.ThrowsAsync<EnvelopeInvalidException>(() =>
            OpenedMessage.UnsealAsync(app.Services.GetRequiredService<EnvelopeUnsealer>(), envelope, CancellationToken.None));
    }

    private static byte[] MessageWith(byte[] file)
    {
        var builder = new BodyBuilder { TextBody = "See the figures." };
        builder.Attachments.Add("figures.txt", file, new ContentType("text", "plain"));
        using var message = new MimeMessage([new MailboxAddress("Alice", "alice@example.org")], [new MailboxAddress("Bob", "bob@example.net")], "Figures", builder.ToMessageBody());
        using var output = new MemoryStream();
        message.WriteTo(output);
        return output.ToArray();
    }
}
