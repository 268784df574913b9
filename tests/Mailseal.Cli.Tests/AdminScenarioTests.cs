using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using MailKit.Net.Smtp;
using Mailseal.Cli.Hosting;
using Mailseal.Gateway.Front;
using Mailseal.Protection.Branding;
using Mailseal.Protection.Wrapper;
using Mailseal.Testing;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;

namespace Mailseal.Cli.Tests;

/// <summary>
/// The issue's command-line scenario: `mailseal run` in process, the CLI changing branding and rules on the same
/// data folder, and the next messages over SMTP showing the change without a restart.
/// </summary>
public sealed class AdminScenarioTests : IDisposable
{
    private static readonly string[] PortZero =
    [
        "--Gateway:Listeners:0:Endpoint=127.0.0.1:0",
        "--Gateway:Listeners:1:Endpoint=127.0.0.1:0",
        "--Gateway:Listeners:2:Endpoint=127.0.0.1:0",
        "--Portal:Listen=127.0.0.1:0",
    ];

    /// <summary>Nodes cache rules and branding for a few seconds; a change must show well within this.</summary>
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(60);

    private readonly TempDirectory _directory = new();
    private int _sent;

    [Fact]
    public async Task RunningGateway_CliBrandingAndRule_NextMessagesCarryThemThenTheDefaults()
    {
        var data = _directory.Combine("data");
        using var host = MailsealHost.Build(data, PortZero);
        await host.StartAsync();
        var port = host.Services.GetRequiredService<GatewayFront>().Listeners.First(l => l.Protocol == FrontProtocol.Smtp).EndPoint.Port;
        var logoFile = _directory.Combine("logo.png");
        using (var image = new Image<Rgba32>(200, 80, new Rgba32(180, 20, 90)))
        {
            await image.SaveAsPngAsync(logoFile);
        }

        await CliRun.SucceedAsync(data, "domains", "new", "--name", "contoso.com");
        var branded = await CliRun.SucceedAsync(data, "config", "set", "--email-text", "Contoso secure intro", "--disclaimer-text", "Contoso disclaimer",
            "--portal-text", "Contoso portal", "--image", logoFile, "--json");
        await CliRun.SucceedAsync(data, "rules", "new", "--name", "Encrypt outside", "--sent-to-scope", "NotInOrganization", "--apply-ome");
        byte[] storedLogo;
        using (var json = JsonDocument.Parse(branded.Output))
        {
            var template = json.RootElement[0];
            Assert.Equal("Contoso portal", template.GetProperty("portalText").GetString());
            storedLogo = template.GetProperty("image").GetBytesFromBase64();
        }

        var custom = await SendUntilAsync(port, data, w => w.Html.Contains("Contoso secure intro", StringComparison.Ordinal));
        Assert.Contains("Contoso disclaimer", custom.Html, StringComparison.Ordinal);
        Assert.Equal(storedLogo, custom.Logo);
        Assert.True(custom.HasMessageHtml);

        await CliRun.SucceedAsync(data, "config", "set", "--email-text", "", "--clear-image");
        var defaults = WrapperTexts.For(CultureInfo.GetCultureInfo("en"));
        var reverted = await SendUntilAsync(port, data, w => !w.Html.Contains("Contoso secure intro", StringComparison.Ordinal));
        Assert.Contains(defaults.DefaultEmailText, reverted.Html, StringComparison.Ordinal);
        Assert.Contains("Contoso disclaimer", reverted.Html, StringComparison.Ordinal);
        Assert.Equal(DefaultLogo.GetPng(), reverted.Logo);

        var today = DateOnly.FromDateTime(DateTime.UtcNow).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var report = await CliRun.SucceedAsync(data, "report", "--start", today, "--end", today, "--rule", "Encrypt outside", "--json");
        using var rows = JsonDocument.Parse(report.Output);
        var sealedCount = rows.RootElement.EnumerateArray()
            .Where(r => r.GetProperty("action").GetString() == "Sealed" && r.GetProperty("direction").GetString() == "Outbound")
            .Sum(r => r.GetProperty("messages").GetInt64());
        Assert.InRange(sealedCount, 2, _sent);
        await host.StopAsync();
    }

    public void Dispose() => _directory.Dispose();

    /// <summary>Sends a message at a time until its wrapper satisfies <paramref name="condition"/>: nodes pick changes up within seconds.</summary>
    private async Task<Wrapper> SendUntilAsync(int port, string data, Func<Wrapper, bool> condition)
    {
        var outbox = Path.Combine(data, "outbox");
        var deadline = DateTime.UtcNow + Deadline;
        while (true)
        {
            var before = Directory.Exists(outbox) ? Directory.GetFiles(outbox, "*.eml").ToHashSet() : [];
            await SendAsync(port);
            var file = Directory.GetFiles(outbox, "*.eml").Single(f => !before.Contains(f));
            var wrapper = Wrapper.Read(file);
            if (wrapper is not null && condition(wrapper))
            {
                return wrapper;
            }

            Assert.True(DateTime.UtcNow < deadline, "The running gateway did not pick up the change in time.");
            await Task.Delay(250);
        }
    }

    private async Task SendAsync(int port)
    {
        using var client = new SmtpClient { LocalDomain = "client.test.example" };
        await client.ConnectAsync("127.0.0.1", port, MailKit.Security.SecureSocketOptions.None);
        using var message = new MimeMessage();
        message.From.Add(new MailboxAddress("Ann", "ann@contoso.com"));
        message.To.Add(new MailboxAddress("Carol", "carol@fabrikam.com"));
        message.Subject = "Quarterly figures " + (++_sent).ToString(CultureInfo.InvariantCulture);
        message.Body = new TextPart("plain") { Text = "The figures.\r\n" };
        await client.SendAsync(message);
        await client.DisconnectAsync(quit: true);
    }

    /// <summary>The parts of a wrapper mail the scenario looks at; null when the file is not a wrapper.</summary>
    private sealed record Wrapper(string Html, byte[] Logo, bool HasMessageHtml)
    {
        public static Wrapper? Read(string pickupFile)
        {
            // The pickup file's X-Sender/X-Receiver lines parse as headers; the rest is the message as delivered.
            using var message = MimeMessage.Load(pickupFile);
            var html = message.BodyParts.OfType<TextPart>().FirstOrDefault(p => p.IsHtml)?.Text;
            var logo = message.BodyParts.OfType<MimePart>().FirstOrDefault(p => p.ContentType.IsMimeType("image", "png"));
            if (html is null || logo?.Content is null)
            {
                return null;
            }

            using var bytes = new MemoryStream();
            logo.Content.DecodeTo(bytes);
            var hasMessageHtml = message.Attachments.OfType<MimePart>().Any(a => a.FileName == "message.html");
            // Long lines are folded in the HTML part; the texts are compared with whitespace collapsed.
            return new Wrapper(Regex.Replace(html, @"\s+", " "), bytes.ToArray(), hasMessageHtml);
        }
    }
}
