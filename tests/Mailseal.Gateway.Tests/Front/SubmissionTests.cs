using System.Text;
using Mailseal.Gateway.Front;
using MailKit.Security;
using MimeKit;

namespace Mailseal.Gateway.Tests.Front;

public sealed class SubmissionTests
{
    private static string Base64(string text) => Convert.ToBase64String(Encoding.UTF8.GetBytes(text));

    [Theory]
    [InlineData("PLAIN")]
    [InlineData("LOGIN")]
    public async Task Authenticate_GoodCredentials_MessageCarriesTheUser(string mechanism)
    {
        await using var front = await TestFront.StartAsync(options => options.RelayNetworks = ["10.0.0.0/8"]);
        using var client = await MailKitClients.ConnectAsync(front.PortOf(FrontProtocol.Submission));
        var credentials = new System.Net.NetworkCredential(TestFront.UserName, TestFront.Password);
        SaslMechanism sasl = mechanism == "PLAIN" ? new SaslMechanismPlain(credentials) : new SaslMechanismLogin(credentials);
        await client.AuthenticateAsync(sasl);
        // Relay is allowed once authenticated, even from outside RelayNetworks.
        await client.SendAsync(MailKitClients.Message(), new MailboxAddress(null, "portal@example.org"), MailKitClients.Addresses("x@example.net"));

        var received = Assert.Single(front.Handler.Messages);
        Assert.Equal(TestFront.UserName, received.Transaction.AuthenticatedUser);
        Assert.Equal(FrontProtocol.Submission, received.Transaction.Protocol);
    }

    [Theory]
    [InlineData("PLAIN")]
    [InlineData("LOGIN")]
    public async Task Authenticate_BadPassword_Fails(string mechanism)
    {
        await using var front = await TestFront.StartAsync();
        using var client = await MailKitClients.ConnectAsync(front.PortOf(FrontProtocol.Submission));
        var credentials = new System.Net.NetworkCredential(TestFront.UserName, "wrong");
        SaslMechanism sasl = mechanism == "PLAIN" ? new SaslMechanismPlain(credentials) : new SaslMechanismLogin(credentials);
        await Assert.ThrowsAsync<AuthenticationException>(() => client.AuthenticateAsync(sasl));
        Assert.True(client.IsConnected);
    }

    [Fact]
    public async Task Mail_BeforeAuthentication_Gets530()
    {
        await using var front = await TestFront.StartAsync();
        await using var client = await front.ConnectRawAsync(FrontProtocol.Submission);
        Assert.Contains("AUTH PLAIN LOGIN", await client.CommandAsync("EHLO portal.example"), StringComparison.Ordinal);
        Assert.StartsWith("530 5.7.0", await client.CommandAsync("MAIL FROM:<portal@example.org>"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Authenticate_RawExchanges_GiveRfcCodes()
    {
        await using var front = await TestFront.StartAsync();
        await using var client = await front.ConnectRawAsync(FrontProtocol.Submission);
        await client.CommandAsync("EHLO portal.example");
        Assert.StartsWith("504 5.5.4", await client.CommandAsync("AUTH CRAM-MD5"), StringComparison.Ordinal);
        Assert.StartsWith("535 5.7.8", await client.CommandAsync("AUTH PLAIN " + Base64($"\0{TestFront.UserName}\0nope")), StringComparison.Ordinal);
        Assert.StartsWith("535 5.7.8", await client.CommandAsync("AUTH PLAIN " + Base64($"someone-else\0{TestFront.UserName}\0{TestFront.Password}")), StringComparison.Ordinal);
        Assert.Equal("334 ", await client.CommandAsync("AUTH PLAIN"));
        Assert.StartsWith("501 5.0.0", await client.CommandAsync("*"), StringComparison.Ordinal);
        Assert.Equal("334 VXNlcm5hbWU6", await client.CommandAsync("AUTH LOGIN"));
        Assert.Equal("334 UGFzc3dvcmQ6", await client.CommandAsync(Base64(TestFront.UserName)));
        Assert.StartsWith("235 2.7.0", await client.CommandAsync(Base64(TestFront.Password)), StringComparison.Ordinal);
        Assert.StartsWith("503 5.5.1", await client.CommandAsync("AUTH PLAIN " + Base64($"\0{TestFront.UserName}\0{TestFront.Password}")), StringComparison.Ordinal);
        Assert.StartsWith("250 2.1.0", await client.CommandAsync("MAIL FROM:<portal@example.org>"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Authenticate_ProtocolTrace_NeverContainsCredentials()
    {
        await using var front = await TestFront.StartAsync();
        await using (var client = await front.ConnectRawAsync(FrontProtocol.Submission))
        {
            await client.CommandAsync("EHLO portal.example");
            await client.CommandAsync("AUTH PLAIN " + Base64($"\0{TestFront.UserName}\0{TestFront.Password}x"));
            await client.CommandAsync("AUTH LOGIN " + Base64(TestFront.UserName));
            await client.CommandAsync(Base64(TestFront.Password));
            await client.CommandAsync("QUIT");
        }

        await front.Front.StopAsync(CancellationToken.None);
        var log = front.Logger.AllText;
        Assert.Contains("AUTH PLAIN [redacted]", log, StringComparison.Ordinal);
        Assert.Contains("authentication succeeded", log, StringComparison.Ordinal);
        Assert.Contains("authentication failed", log, StringComparison.Ordinal);
        foreach (var secret in new[] { TestFront.Password, Base64(TestFront.Password), Base64($"\0{TestFront.UserName}\0{TestFront.Password}x"), Base64(TestFront.UserName) })
        {
            Assert.DoesNotContain(secret, log, StringComparison.Ordinal);
        }
    }
}
