using System.Text;

namespace Mailseal.Delivery.Smtp;

/// <summary>
/// AUTH PLAIN (RFC 4616) with the initial response (RFC 4954). Credentials leave only over TLS or to a next hop
/// on loopback: anywhere else the attempt fails before a byte of them is written.
/// </summary>
internal static class SmtpAuthentication
{
    /// <summary>Whether credentials may be sent on a connection: encrypted, or to this machine.</summary>
    public static bool MaySendCredentials(bool encrypted, bool loopback) => encrypted || loopback;

    public static async Task AuthenticatePlainAsync(
        SmtpConnection connection, string userName, string password, bool loopback, DeliveryDeadline deadline)
    {
        if (!MaySendCredentials(connection.IsEncrypted, loopback))
        {
            throw new SmtpProtocolException(
                "The next hop is not on loopback and the connection is not encrypted: credentials are not sent in clear.");
        }

        if (!connection.Capabilities.AuthPlain)
        {
            throw new SmtpProtocolException("The next hop does not offer AUTH PLAIN, and credentials are configured.");
        }

        // authzid (empty) NUL authcid NUL passwd; the command line is built here and never logged.
        var response = Convert.ToBase64String(Encoding.UTF8.GetBytes($"\0{userName}\0{password}"));
        var reply = await connection.CommandAsync($"AUTH PLAIN {response}\r\n", deadline);
        if (reply.Code != 235)
        {
            // A refused login is the operator's to fix, not the message's fault: transient, so nothing bounces.
            // The reply text is the server's, never the credentials.
            throw new SmtpProtocolException($"AUTH: {reply}");
        }
    }
}
