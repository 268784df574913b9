using Mailseal.Testing.Smtp;

namespace Mailseal.Cli.Tests.Postfix;

/// <summary>
/// One private Postfix for every test of the collection (started once: it costs a second or two), with the SMTP
/// sink it relays to. Each test starts its own gateway on <see cref="PostfixPorts.GatewayLmtp"/> and
/// <see cref="PostfixPorts.GatewaySmtp"/>, and leaves the queue empty.
/// </summary>
public sealed class PostfixFixture : IAsyncLifetime, IAsyncDisposable
{
    private PostfixInstance? _postfix;
    private SmtpSink? _relayHost;

    internal PostfixInstance Postfix => _postfix ?? throw new InvalidOperationException("Postfix has not started.");

    /// <summary>Where Postfix delivers whatever the gateway handed back to it.</summary>
    internal SmtpSink RelayHost => _relayHost ?? throw new InvalidOperationException("Postfix has not started.");

    public async Task InitializeAsync()
    {
        _relayHost = new SmtpSink();
        _postfix = await PostfixInstance.StartAsync(PostfixPorts.Free(_relayHost.Port));
    }

    async Task IAsyncLifetime.DisposeAsync() => await DisposeAsync();

    public async ValueTask DisposeAsync()
    {
        if (_postfix is not null)
        {
            await _postfix.DisposeAsync();
            _postfix = null;
        }

        if (_relayHost is not null)
        {
            await _relayHost.DisposeAsync();
            _relayHost = null;
        }
    }
}
