using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Text;

namespace Mailseal.Delivery.Smtp;

/// <summary>
/// One client connection to the next hop: greeting, EHLO (HELO as fallback), STARTTLS by policy, then any
/// number of transactions (<see cref="SmtpTransaction"/>). TCP_NODELAY is set: without it every message
/// waits for delayed ACKs.
/// </summary>
internal sealed class SmtpConnection : IAsyncDisposable
{
    private static readonly TimeSpan QuitTimeout = TimeSpan.FromSeconds(5);

    private readonly Socket _socket;
    private readonly DeliveryOptions _options;
    private Stream _stream;

    private SmtpConnection(Socket socket, DeliveryOptions options)
    {
        _socket = socket;
        _options = options;
        _stream = new NetworkStream(socket, ownsSocket: true);
        Reader = new SmtpReplyReader(_stream);
    }

    public DeliveryOptions Options => _options;

    public SmtpReplyReader Reader { get; }

    public Stream Stream => _stream;

    public ServerCapabilities Capabilities { get; private set; } = ServerCapabilities.None;

    public bool IsEncrypted => _stream is SslStream;

    /// <summary>False once anything went wrong or the next hop said it is closing: never reuse it then.</summary>
    public bool IsUsable { get; set; } = true;

    /// <summary>
    /// A transaction began and did not end with the reply to its data (every recipient refused, DATA refused): the
    /// next transaction starts with RSET. A transaction that ended cleanly leaves nothing to reset.
    /// </summary>
    public bool NeedsReset { get; set; }

    /// <summary>
    /// Whether the next hop sent anything while the connection sat idle: a closed connection reads as input, and so
    /// does a timeout notice (a 421) that would otherwise be taken for the reply to the next command.
    /// </summary>
    public bool HasInputWhileIdle => Reader.HasBufferedData || _socket.Poll(0, SelectMode.SelectRead);

    /// <summary>When the connection was last handed back to the pool.</summary>
    public DateTimeOffset IdleSince { get; set; }

    public static async Task<SmtpConnection> OpenAsync(
        NextHopAddress nextHop, DeliveryOptions options, string heloName, DeliveryDeadline deadline)
    {
        var addresses = await Dns.GetHostAddressesAsync(nextHop.Host, deadline.Arm(options.ConnectTimeout));
        if (addresses.Length == 0)
        {
            throw new SocketException((int)SocketError.HostNotFound);
        }

        SocketException? lastError = null;
        foreach (var address in addresses)
        {
            var socket = new Socket(address.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            try
            {
                await socket.ConnectAsync(address, nextHop.Port, deadline.Arm(options.ConnectTimeout));
            }
            catch (SocketException ex)
            {
                socket.Dispose();
                lastError = ex;
                continue;
            }

            var connection = new SmtpConnection(socket, options);
            try
            {
                await connection.HandshakeAsync(nextHop.Host, heloName, deadline);
                return connection;
            }
            catch
            {
                await connection.DisposeAsync();
                throw;
            }
        }

        throw lastError!;
    }

    public async Task<SmtpReply> CommandAsync(string command, DeliveryDeadline deadline)
    {
        await WriteAsync(command, deadline);
        return await Reader.ReadAsync(deadline.Arm(_options.CommandTimeout));
    }

    public async Task WriteAsync(string commands, DeliveryDeadline deadline)
    {
        var token = deadline.Arm(_options.CommandTimeout);
        await _stream.WriteAsync(Encoding.UTF8.GetBytes(commands), token);
        await _stream.FlushAsync(token);
    }

    /// <summary>RSET before reuse: clears the state of an unfinished transaction and proves the connection is still alive.</summary>
    public async Task<bool> TryResetAsync(DeliveryDeadline deadline)
    {
        try
        {
            var reply = await CommandAsync("RSET\r\n", deadline);
            NeedsReset = reply.Code != 250;
            return !NeedsReset;
        }
        catch (Exception ex) when (ex is IOException or SocketException or SmtpProtocolException
            || ex is OperationCanceledException && !deadline.CallerToken.IsCancellationRequested)
        {
            return false;
        }
    }

    /// <summary>Says QUIT when the connection is still usable, then closes it.</summary>
    public async ValueTask DisposeAsync()
    {
        if (IsUsable)
        {
            IsUsable = false;
            // Closing must not hang on a next hop that stopped answering.
            using var quit = new DeliveryDeadline(QuitTimeout, CancellationToken.None);
            try
            {
                await WriteAsync("QUIT\r\n", quit);
                await Reader.ReadAsync(quit.Arm(QuitTimeout));
            }
            catch (Exception ex) when (ex is IOException or SocketException or SmtpProtocolException or OperationCanceledException)
            {
                // The next hop already went away: closing is all that is left to do.
            }
        }

        await _stream.DisposeAsync();
        _socket.Dispose();
    }

    private async Task HandshakeAsync(string host, string heloName, DeliveryDeadline deadline)
    {
        var greeting = await Reader.ReadAsync(deadline.Arm(_options.CommandTimeout));
        if (greeting.Code != 220)
        {
            throw new SmtpProtocolException("Greeting", greeting);
        }

        await HelloAsync(heloName, deadline);
        await StartTlsAsync(host, heloName, deadline);
        if (!string.IsNullOrEmpty(_options.UserName))
        {
            await SmtpAuthentication.AuthenticatePlainAsync(this, _options.UserName, _options.Password ?? "", IsLoopback, deadline);
        }
    }

    /// <summary>True when the next hop is this machine: the only place credentials may go without TLS.</summary>
    private bool IsLoopback => _socket.RemoteEndPoint is IPEndPoint remote && IPAddress.IsLoopback(remote.Address);

    private async Task StartTlsAsync(string host, string heloName, DeliveryDeadline deadline)
    {
        if (_options.TlsPolicy == TlsPolicy.Off)
        {
            return;
        }

        if (!Capabilities.StartTls)
        {
            if (_options.TlsPolicy == TlsPolicy.Required)
            {
                throw new SmtpProtocolException("The next hop does not offer STARTTLS, and Delivery:TlsPolicy is Required.");
            }

            return;
        }

        var reply = await CommandAsync("STARTTLS\r\n", deadline);
        if (reply.Code != 220)
        {
            throw new SmtpProtocolException("STARTTLS", reply);
        }

        if (Reader.HasBufferedData)
        {
            // Bytes sent before the handshake would be read as if protected by it (CVE-2011-0411 and kin).
            throw new SmtpProtocolException("The next hop sent data after its STARTTLS reply before the TLS handshake.");
        }

        var ssl = new SslStream(_stream, leaveInnerStreamOpen: false);
        var authentication = new SslClientAuthenticationOptions { TargetHost = host };
        if (!_options.ValidateCertificate)
        {
#pragma warning disable CA5359 // The operator turned validation off for a next hop on loopback or with a self-signed certificate.
            authentication.RemoteCertificateValidationCallback = (_, _, _, _) => true;
#pragma warning restore CA5359
        }

        await ssl.AuthenticateAsClientAsync(authentication, deadline.Arm(_options.CommandTimeout));
        _stream = ssl;
        Reader.Stream = ssl;
        await HelloAsync(heloName, deadline);
    }

    private async Task HelloAsync(string heloName, DeliveryDeadline deadline)
    {
        var ehlo = await CommandAsync($"EHLO {heloName}\r\n", deadline);
        if (ehlo.Code == 250)
        {
            Capabilities = ServerCapabilities.FromEhlo(ehlo);
            return;
        }

        var helo = await CommandAsync($"HELO {heloName}\r\n", deadline);
        if (helo.Code != 250)
        {
            throw new SmtpProtocolException("HELO", helo);
        }

        Capabilities = ServerCapabilities.None;
    }
}
