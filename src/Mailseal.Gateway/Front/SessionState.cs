namespace Mailseal.Gateway.Front;

/// <summary>Where a session is in the protocol; the rows of <see cref="ProtocolStateTable"/>.</summary>
internal enum SessionState
{
    /// <summary>Banner sent (or TLS just negotiated); waiting for EHLO, HELO or LHLO.</summary>
    Connected,

    /// <summary>Greeted; no transaction open.</summary>
    Greeted,

    /// <summary>MAIL accepted; no recipient yet.</summary>
    Mail,

    /// <summary>At least one recipient accepted; DATA allowed.</summary>
    Rcpt,
}
