using System.Text;
using Mailseal.Gateway.Front;
using MimeKit.Utils;

namespace Mailseal.Gateway.Pipeline;

/// <summary>The header fields the gateway adds: Received on every copy, and the unsealing trace.</summary>
public static class TraceHeaders
{
    public const string UnsealedHeader = "X-Mailseal-Unsealed";

    /// <summary>A Received field (RFC 5321 §4.4) for this hop, CRLF-terminated.</summary>
    public static byte[] Received(MessageTransaction transaction, string hostname, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(transaction);
        var protocol = transaction.Protocol switch
        {
            FrontProtocol.Lmtp => "LMTP",
            FrontProtocol.Submission => "ESMTPA",
            _ => "ESMTP",
        };
        if (transaction.IsTls)
        {
            protocol += "S";
        }

        var field = $"Received: from {Clean(transaction.HeloName)} ([{transaction.RemoteEndPoint.Address}])\r\n"
            + $"\tby {Clean(hostname)} (Mailseal) with {protocol} id {Clean(transaction.TransactionId)};\r\n"
            + $"\t{DateUtils.FormatDate(now)}\r\n";
        return Encoding.ASCII.GetBytes(field);
    }

    /// <summary>
    /// The trace of an unsealed envelope and how the replier was verified: the portal checked that the license
    /// sender may answer (mailseal=pass), so the mailbox need not judge the inner From by DMARC.
    /// </summary>
    public static byte[] Unsealed(string envelopeId, string licenseSender, string hostname)
    {
        var field = $"{UnsealedHeader}: envelope {envelopeId}; by {Clean(hostname)}\r\n"
            + $"Authentication-Results: {Clean(hostname)};\r\n\tmailseal=pass header.from={Clean(licenseSender)} envelope={envelopeId}\r\n";
        return Encoding.UTF8.GetBytes(field);
    }

    private static string Clean(string value) =>
        new([.. value.Where(c => !char.IsControl(c) && c is not ';' and not '(' and not ')')]);
}
