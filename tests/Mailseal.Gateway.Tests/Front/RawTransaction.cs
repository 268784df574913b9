using Mailseal.Gateway.Front;

namespace Mailseal.Gateway.Tests.Front;

/// <summary>Opens a raw SMTP transaction up to the 354 reply, ready for data bytes.</summary>
internal static class RawTransaction
{
    public static async Task<RawSmtpClient> OpenDataAsync(TestFront front, string mailArguments = "")
    {
        var client = await front.ConnectRawAsync(FrontProtocol.Smtp);
        Assert.StartsWith("250", await client.CommandAsync("EHLO client.example"), StringComparison.Ordinal);
        Assert.StartsWith("250", await client.CommandAsync("MAIL FROM:<a@example.org>" + mailArguments), StringComparison.Ordinal);
        Assert.StartsWith("250", await client.CommandAsync("RCPT TO:<b@example.net>"), StringComparison.Ordinal);
        Assert.StartsWith("354", await client.CommandAsync("DATA"), StringComparison.Ordinal);
        return client;
    }
}
