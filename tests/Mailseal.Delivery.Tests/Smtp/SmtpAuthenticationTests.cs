using System.Net;
using Mailseal.Delivery.Smtp;
using Mailseal.Delivery.Tests.Infrastructure;
using Mailseal.Testing.Smtp;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Mailseal.Delivery.Tests.Smtp;

public sealed class SmtpAuthenticationTests
{
    private static readonly NetworkCredential Account = new("portal", "s3cret passphrase");

    [Fact]
    public async Task DeliverAsync_CredentialsOnLoopbackWithoutTls_AuthenticatesAndDelivers()
    {
        await using var sink = new SmtpSink(credentials: Account);
        await using var delivery = Create(sink.NextHop, Account.UserName, Account.Password);

        var result = await delivery.DeliverAsync(TestMessages.Envelope(TestMessages.Simple()), CancellationToken.None);

        Assert.True(result.AllDelivered, result.Recipients[0].Detail);
        Assert.Equal(1, sink.Logins);
        Assert.Single(sink.Messages);
    }

    [Fact]
    public async Task DeliverAsync_CredentialsOverStartTls_AuthenticatesInsideTls()
    {
        using var certificate = TestCertificates.SelfSigned();
        await using var sink = new SmtpSink(certificate, credentials: Account);
        await using var delivery = Create(sink.NextHop, Account.UserName, Account.Password, o => o.ValidateCertificate = false);

        var result = await delivery.DeliverAsync(TestMessages.Envelope(TestMessages.Simple()), CancellationToken.None);

        Assert.True(result.AllDelivered, result.Recipients[0].Detail);
        Assert.True(Assert.Single(sink.Messages).Secure);
    }

    [Fact]
    public async Task DeliverAsync_WrongPassword_TransientFailureAndNothingDelivered()
    {
        await using var sink = new SmtpSink(credentials: Account);
        await using var delivery = Create(sink.NextHop, Account.UserName, "wrong");

        var result = await delivery.DeliverAsync(TestMessages.Envelope(TestMessages.Simple()), CancellationToken.None);

        Assert.All(result.Recipients, r => Assert.Equal(DeliveryStatus.TransientFailure, r.Status));
        Assert.DoesNotContain(result.Recipients, r => r.Detail.Contains("wrong", StringComparison.Ordinal));
        Assert.Equal(1, sink.RefusedLogins);
        Assert.Empty(sink.Messages);
    }

    [Fact]
    public async Task DeliverAsync_NoCredentialsAtAServerThatRequiresThem_NothingDelivered()
    {
        await using var sink = new SmtpSink(credentials: Account);
        await using var delivery = Create(sink.NextHop, null, null);

        var result = await delivery.DeliverAsync(TestMessages.Envelope(TestMessages.Simple()), CancellationToken.None);

        Assert.False(result.AllDelivered);
        Assert.Empty(sink.Messages);
    }

    [Theory]
    [InlineData(false, false, false)]
    [InlineData(true, false, true)]
    [InlineData(false, true, true)]
    [InlineData(true, true, true)]
    public void MaySendCredentials_OnlyEncryptedOrLoopback(bool encrypted, bool loopback, bool expected) =>
        Assert.Equal(expected, SmtpAuthentication.MaySendCredentials(encrypted, loopback));

    [Fact]
    public void Validate_UserNameWithoutPassword_Fails()
    {
        var result = new DeliveryOptionsValidator().Validate(null, new DeliveryOptions { UserName = "portal" });

        Assert.True(result.Failed);
    }

    private static SmtpNextHopDelivery Create(string nextHop, string? userName, string? password, Action<DeliveryOptions>? configure = null)
    {
        var options = new DeliveryOptions { NextHop = nextHop, HeloName = "portal.test", UserName = userName, Password = password };
        configure?.Invoke(options);
        return new SmtpNextHopDelivery(Options.Create(options), TimeProvider.System, NullLogger<SmtpNextHopDelivery>.Instance);
    }
}
