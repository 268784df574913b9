using System.Net;
using MailKit.Net.Smtp;
using MimeKit;

namespace Mailseal.Admin.Tests.Api;

/// <summary>Changes made through the API reach a running gateway's mail without a restart (its caches expire).</summary>
public sealed class AdminApiGatewayTests : IAsyncLifetime
{
    private const string EmailText = "Contoso secure mail, sent through the admin API";
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(60);

    private AdminApiApp _app = null!;
    private int _probe;

    public async Task InitializeAsync() => _app = await AdminApiApp.StartAsync(withGateway: true);

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task Changes_ThroughApi_ReachTheRunningGatewaysNextMessages()
    {
        await PostOkAsync("tenant-keys/new", new { organizationName = "Contoso" });
        await PostOkAsync("accepted-domains/new", new { domainName = "contoso.com" });
        using (var before = await SendProbeAsync())
        {
            Assert.Empty(before.Attachments);
        }

        await PostOkAsync("ome-configurations/set", new { identity = "OME Configuration", request = new { emailText = EmailText } });
        await PostOkAsync("transport-rules/new", new
        {
            name = "Encrypt outside",
            predicates = new[] { new { name = "SentToScope", values = new[] { "NotInOrganization" } } },
            applyOme = true,
        });
        using (var sealedMessage = await ProbeUntilAsync(m => IsSealed(m) && BodyText(m).Contains(EmailText, StringComparison.Ordinal)))
        {
            Assert.Contains(sealedMessage.Attachments, a => a.ContentDisposition?.FileName == "message.html");
        }

        await PostOkAsync("ome-configurations/set", new { identity = "OME Configuration", request = new { emailText = "" } });
        using (var reverted = await ProbeUntilAsync(m => IsSealed(m) && !BodyText(m).Contains(EmailText, StringComparison.Ordinal)))
        {
            Assert.True(IsSealed(reverted));
        }

        await PostOkAsync("transport-rules/disable", new { identity = "Encrypt outside" });
        using var plain = await ProbeUntilAsync(m => !IsSealed(m));
        Assert.Contains("probe", plain.Subject, StringComparison.Ordinal);
    }

    /// <summary>Sends probes until one comes out as <paramref name="wanted"/> says: the gateway's caches decide when, not a fixed sleep.</summary>
    private async Task<MimeMessage> ProbeUntilAsync(Func<MimeMessage, bool> wanted)
    {
        var until = DateTime.UtcNow + Deadline;
        while (true)
        {
            var message = await SendProbeAsync();
            if (wanted(message))
            {
                return message;
            }

            message.Dispose();
            Assert.True(DateTime.UtcNow < until, $"The gateway did not apply the change within {Deadline.TotalSeconds} s.");
            await Task.Delay(TimeSpan.FromMilliseconds(250));
        }
    }

    private async Task<MimeMessage> SendProbeAsync()
    {
        var subject = $"probe {++_probe}";
        using var message = new MimeMessage();
        message.From.Add(new MailboxAddress("Ann", "ann@contoso.com"));
        message.To.Add(new MailboxAddress("Carol", "carol@fabrikam.com"));
        message.Subject = subject;
        message.Body = new TextPart("plain") { Text = "Hello Carol." };
        using (var smtp = new SmtpClient())
        {
            await smtp.ConnectAsync("127.0.0.1", _app.SmtpPort, MailKit.Security.SecureSocketOptions.None);
            await smtp.SendAsync(message);
            await smtp.DisconnectAsync(quit: true);
        }

        // The gateway answers 250 only once the pickup file is written, so it is there now.
        foreach (var file in Directory.EnumerateFiles(_app.Outbox, "*.eml"))
        {
            var delivered = await MimeMessage.LoadAsync(file);
            if (delivered.Subject == subject)
            {
                return delivered;
            }

            delivered.Dispose();
        }

        throw new InvalidOperationException($"No pickup file for \"{subject}\".");
    }

    private async Task PostOkAsync(string route, object body)
    {
        using var response = await _app.PostAsync(route, body);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{route}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }

    private static bool IsSealed(MimeMessage message) => message.Attachments.Any(a => a.ContentDisposition?.FileName == "message.html");

    private static string BodyText(MimeMessage message) => (message.TextBody ?? "") + (message.HtmlBody ?? "");
}
