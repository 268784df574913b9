using System.Text;
using Microsoft.Extensions.Logging;
using MimeKit;
using MimeKit.Cryptography;

namespace Mailseal.Delivery.Dkim;

/// <summary>
/// DKIM-signs a copy for the domain of its From address (what DMARC aligns with) with that domain's key:
/// rsa-sha256, relaxed/relaxed. The message bytes stay exactly as given; the signature is a header field
/// put in front of them. Parsing is MimeKit's persistent parser over the seekable stream, so a 35 MB
/// message is not copied into memory. A domain without a key is delivered unsigned.
/// </summary>
public sealed partial class DkimMessageSigner
{
    /// <summary>The fields signed when present: those a recipient sees or that change how the body is read.</summary>
    public static readonly IReadOnlyList<string> SignedHeaders =
    [
        "From", "Sender", "Reply-To", "To", "Cc", "Subject", "Date", "Message-ID", "In-Reply-To", "References",
        "MIME-Version", "Content-Type", "Content-Transfer-Encoding", "Content-Language",
    ];

    private readonly DkimSigningKeys _keys;
    private readonly ILogger<DkimMessageSigner> _logger;

    public DkimMessageSigner(DkimSigningKeys keys, ILogger<DkimMessageSigner> logger)
    {
        _keys = keys;
        _logger = logger;
    }

    /// <summary>
    /// The message with a DKIM-Signature field in front, or <paramref name="message"/> itself when its domain
    /// has no key or it has no From field. <see cref="OutboundMessage.Content"/> must be seekable; it is left at its starting position.
    /// </summary>
    public async Task<OutboundMessage> SignAsync(OutboundMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        var content = message.Content;
        if (!content.CanSeek)
        {
            throw new ArgumentException("Signing reads the message twice: give a seekable stream (a spool file).", nameof(message));
        }

        var start = content.Position;
        try
        {
            using var parsed = Parse(content, cancellationToken);
            if (parsed is null || !parsed.Headers.Contains(HeaderId.From))
            {
                // DKIM signs the From field (RFC 6376 §5.4): a message without one leaves unsigned.
                return message;
            }

            var domain = DomainOf(parsed, message.Sender);
            var key = domain is null ? null : await _keys.FindAsync(domain, cancellationToken);
            if (key is null)
            {
                return message;
            }

            var signer = new PlatformRsaDkimSigner(key)
            {
                HeaderCanonicalizationAlgorithm = DkimCanonicalizationAlgorithm.Relaxed,
                BodyCanonicalizationAlgorithm = DkimCanonicalizationAlgorithm.Relaxed,
            };
            var options = FormatOptions.Default.Clone();
            options.NewLineFormat = NewLineFormat.Dos;
            var present = SignedHeaders.Where(name => parsed.Headers.Contains(name)).ToList();
            signer.Sign(options, parsed, present);
            var field = parsed.Headers.First(h => h.Id == HeaderId.DkimSignature);
            return message with { Content = new PrefixedStream(FieldBytes(field), content, start) };
        }
        finally
        {
            content.Position = start;
        }
    }

    /// <summary>
    /// Synchronous on purpose: MimeKit's signer then reads the whole body synchronously anyway, and on Linux each
    /// asynchronous read of the spool file is a hop through the thread pool — dozens per wrapper, for a page-cache copy.
    /// </summary>
    private MimeMessage? Parse(Stream content, CancellationToken cancellationToken)
    {
        try
        {
            return new MimeParser(content, MimeFormat.Entity, persistent: true).ParseMessage(cancellationToken);
        }
        catch (FormatException ex)
        {
            LogUnparsable(_logger, ex.Message);
            return null;
        }
    }

    private static string? DomainOf(MimeMessage parsed, string envelopeSender)
    {
        var from = parsed.From.Mailboxes.FirstOrDefault()?.Domain;
        if (!string.IsNullOrEmpty(from))
        {
            return DkimDomain.Normalize(from);
        }

        var at = envelopeSender.LastIndexOf('@');
        return at < 0 ? null : DkimDomain.Normalize(envelopeSender[(at + 1)..]);
    }

    private static byte[] FieldBytes(Header field)
    {
        var text = field.Field + ":" + Encoding.ASCII.GetString(field.RawValue);
        text = text.Replace("\r\n", "\n", StringComparison.Ordinal).TrimEnd('\n').Replace("\n", "\r\n", StringComparison.Ordinal);
        return Encoding.ASCII.GetBytes(text + "\r\n");
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "A message cannot be parsed for DKIM signing and leaves unsigned: {Error}")]
    private static partial void LogUnparsable(ILogger logger, string error);
}
