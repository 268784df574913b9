using System.Net;

namespace Mailseal.Gateway.Front;

/// <summary>Everything the front knows about one mail transaction when its data is complete.</summary>
public sealed record MessageTransaction
{
    /// <summary>Unique id of this transaction, also in the front's log events.</summary>
    public required string TransactionId { get; init; }

    public required string ListenerName { get; init; }

    public required FrontProtocol Protocol { get; init; }

    public required IPEndPoint RemoteEndPoint { get; init; }

    /// <summary>User name that authenticated on a Submission listener, or null.</summary>
    public string? AuthenticatedUser { get; init; }

    /// <summary>The name the client gave in EHLO, HELO or LHLO.</summary>
    public required string HeloName { get; init; }

    public required bool IsTls { get; init; }

    /// <summary>The reverse-path without angle brackets; empty for the null sender "&lt;&gt;".</summary>
    public required string ReversePath { get; init; }

    /// <summary>Accepted forward-paths without angle brackets, in RCPT order (one reply each is expected).</summary>
    public required IReadOnlyList<string> Recipients { get; init; }

    /// <summary>SIZE= declared by the client, if any.</summary>
    public long? DeclaredSize { get; init; }

    /// <summary>Bytes of the message actually received (after dot-unstuffing).</summary>
    public required long MessageBytes { get; init; }

    public BodyType BodyType { get; init; }

    /// <summary>The client gave the SMTPUTF8 parameter (RFC 6531).</summary>
    public bool SmtpUtf8 { get; init; }
}
