using System.Security.Cryptography;
using System.Text;
using Mailseal.Testing;
using MimeKit;

namespace Mailseal.Cli.Tests.Postfix;

/// <summary>
/// Mail submitted to a real Postfix goes through `mailseal run` as an after-queue content filter (LMTP or SMTP),
/// comes back on the reinjection listener and is relayed to a sink: deploy/postfix/ as an operator uses it.
/// </summary>
[Collection(PostfixTests.Name)]
public sealed class ContentFilterTests(PostfixFixture fixture) : IDisposable
{
    private readonly TempDirectory _temp = new();

    private string Data => _temp.Combine("data");

    private PostfixPorts Ports => fixture.Postfix.Ports;

    private string Reinjection => $"127.0.0.1:{Ports.Reinject}";

    [Fact]
    public async Task Lmtp_ExternalAndInternalRecipient_ExternalSealedInternalPlain()
    {
        var gatewayLog = await SendThroughAsync(Ports.SubmitLmtp, "lmtp");

        Assert.Contains(" on lmtp#", gatewayLog, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Smtp_ExternalAndInternalRecipient_ExternalSealedInternalPlain()
    {
        var gatewayLog = await SendThroughAsync(Ports.SubmitSmtp, "smtp");

        Assert.Contains(" on smtp#", gatewayLog, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Lmtp_SixtyRecipients_OneEnvelopeForAll()
    {
        // Postfix splits at 50 recipients unless mailseal_destination_recipient_limit says otherwise.
        await MailFlow.SetUpAsync(Data);
        await using var gateway = await GatewayProcess.StartAsync(Data, Ports, Reinjection);
        var recipients = Enumerable.Range(0, 60).Select(i => $"many{i}@example.net").ToArray();

        await MailFlow.SubmitAsync(Ports.SubmitLmtp, MailFlow.Message("many@example.org"), MailFlow.Sender, recipients);
        await fixture.Postfix.WaitUntilQueueEmptyAsync();

        var received = fixture.RelayHost.Messages.Where(m => m.Recipients.Any(r => r.StartsWith("many", StringComparison.Ordinal))).ToList();
        Assert.Equal(recipients.Order(), received.SelectMany(m => m.Recipients).Order());
        // Postfix relays in batches of 50 too, but every batch carries the same bytes: one envelope was sealed.
        Assert.Single(received.Select(m => Convert.ToHexString(SHA256.HashData(m.Data))).Distinct());
        Assert.DoesNotContain(received, m => m.Text.Contains(MailFlow.Secret, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Lmtp_ReplyEnvelopeToInternalRecipient_ArrivesUnsealed()
    {
        await MailFlow.SetUpAsync(Data);
        await using var gateway = await GatewayProcess.StartAsync(Data, Ports, Reinjection);
        const string replier = "bob.reply@example.net";
        const string internalRecipient = "carol.reply@example.org";
        var inner = WireBytes(MailFlow.Message("reply@example.net", "Thanks, the figures look right.", from: replier));
        // Sealed with the envelope library, as the portal seals a reply.
        var wrapper = await MailFlow.MailsealAsync(
            inner, "seal", "--data-dir", Data, "--sender", replier, "--recipient", internalRecipient, "--in", "-", "--out", "-");

        await MailFlow.SubmitAsync(Ports.SubmitLmtp, MimeMessage.Load(new MemoryStream(wrapper)), replier, internalRecipient);
        await fixture.Postfix.WaitUntilQueueEmptyAsync();

        var delivered = Assert.Single(fixture.RelayHost.To(internalRecipient));
        Assert.Equal(inner, delivered.Data[^inner.Length..]);
        Assert.Contains("X-Mailseal-Unsealed: envelope ", delivered.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("message.html", delivered.Text, StringComparison.Ordinal);
    }

    public void Dispose() => _temp.Dispose();

    internal static byte[] WireBytes(MimeMessage message)
    {
        using var output = new MemoryStream();
        message.WriteTo(new FormatOptions { NewLineFormat = NewLineFormat.Dos }, output);
        return output.ToArray();
    }

    // Sends one message to an outside and an inside recipient through the filter on submitPort; returns the gateway's log.
    private async Task<string> SendThroughAsync(int submitPort, string tag)
    {
        await MailFlow.SetUpAsync(Data);
        await using var gateway = await GatewayProcess.StartAsync(Data, Ports, Reinjection);
        var external = $"bob.{tag}@example.net";
        var internalRecipient = $"carol.{tag}@example.org";

        await MailFlow.SubmitAsync(submitPort, MailFlow.Message($"{tag}@example.org"), MailFlow.Sender, external, internalRecipient);
        await fixture.Postfix.WaitUntilQueueEmptyAsync();

        var sealedCopy = Assert.Single(fixture.RelayHost.To(external));
        Assert.Equal([external], sealedCopy.Recipients);
        Assert.Contains("message.html", sealedCopy.Text, StringComparison.Ordinal);
        Assert.DoesNotContain(MailFlow.Secret, sealedCopy.Text, StringComparison.Ordinal);
        var unsealed = await MailFlow.MailsealAsync(sealedCopy.Data, "unseal", "--data-dir", Data, "--in", "-", "--out", "-");
        Assert.Contains(MailFlow.Secret, Encoding.UTF8.GetString(unsealed), StringComparison.Ordinal);

        var plainCopy = Assert.Single(fixture.RelayHost.To(internalRecipient));
        Assert.Equal([internalRecipient], plainCopy.Recipients);
        Assert.Contains(MailFlow.Secret, plainCopy.Text, StringComparison.Ordinal);
        return gateway.Output;
    }
}
