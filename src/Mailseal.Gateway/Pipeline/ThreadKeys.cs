using System.Security.Cryptography;
using System.Text;
using MimeKit;

namespace Mailseal.Gateway.Pipeline;

/// <summary>
/// The keys of the thread rule: SHA-256 over the tenant id and the normalised Message-ID (angle brackets and
/// white space removed, lower case), so the store holds no Message-ID and one tenant's ids say nothing of another's.
/// </summary>
public static class ThreadKeys
{
    /// <summary>In-Reply-To and References consulted: at most this many of the last References.</summary>
    public const int MaxReferences = 50;

    public static byte[] Hash(Guid tenantId, string messageId)
    {
        ArgumentNullException.ThrowIfNull(messageId);
        var normal = messageId.Trim().Trim('<', '>').Trim().ToLowerInvariant();
        return SHA256.HashData(Encoding.UTF8.GetBytes($"{tenantId:N}\n{normal}"));
    }

    /// <summary>The ids a message answers: In-Reply-To and the last <see cref="MaxReferences"/> References.</summary>
    public static IReadOnlyList<string> AnsweredIds(MimeMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var ids = new List<string>();
        if (!string.IsNullOrWhiteSpace(message.InReplyTo))
        {
            ids.Add(message.InReplyTo);
        }

        ids.AddRange(message.References.TakeLast(MaxReferences));
        return [.. ids.Distinct(StringComparer.OrdinalIgnoreCase)];
    }
}
