using System.Buffers;
using System.Security.Cryptography;
using Microsoft.Extensions.Logging;
using MimeKit;

namespace Mailseal.Delivery.Dkim;

/// <summary>
/// DKIM-signs a copy for the domain of its From address (what DMARC aligns with) with that domain's key:
/// rsa-sha256, relaxed header and simple body canonicalization (docs/delivery.md says why). The message bytes stay
/// exactly as given; the signature is a header field put in front of them. MimeKit reads the header block; the body is
/// hashed as it lies in the stream with the platform's SHA-256, so a 35 MB message is neither copied nor re-written.
/// A domain without a key is delivered unsigned.
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
    private readonly TimeProvider _time;
    private readonly ILogger<DkimMessageSigner> _logger;

    public DkimMessageSigner(DkimSigningKeys keys, TimeProvider time, ILogger<DkimMessageSigner> logger)
    {
        _keys = keys;
        _time = time;
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
            var (headers, bodyStart) = ParseHeaders(content, cancellationToken);
            var from = headers?.FirstOrDefault(h => h.Id == HeaderId.From);
            if (headers is null || from is null)
            {
                // DKIM signs the From field (RFC 6376 §5.4): a message without one leaves unsigned.
                return message;
            }

            var domain = DomainOf(from, message.Sender);
            var key = domain is null ? null : await _keys.FindAsync(domain, cancellationToken);
            if (key is null)
            {
                return message;
            }

            content.Position = bodyStart;
            var bodyHash = DkimSimpleBodyHash.Compute(content, cancellationToken);
            var signed = SignedFields(headers);
            var field = DkimSignatureField.Unsigned(key.Domain, key.Selector, _time.GetUtcNow(), signed.Select(h => h.Field), bodyHash);
            var data = new ArrayBufferWriter<byte>(1024);
            foreach (var header in signed)
            {
                DkimRelaxedHeader.Write(data, header.Field, header.RawValue, lineBreak: true);
            }

            DkimSignatureField.WriteSigned(data, field);
            var signature = key.Rsa.SignData(data.WrittenSpan, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
            return message with { Content = new PrefixedStream(DkimSignatureField.Complete(field, signature), content, start) };
        }
        finally
        {
            content.Position = start;
        }
    }

    /// <summary>
    /// Every instance of each field in <see cref="SignedHeaders"/>, from the bottom up as verifiers take them (RFC 6376
    /// §5.4.2). Signing a duplicate too keeps the signature valid at verifiers that count an unsigned second From as
    /// an attack (dkimpy does).
    /// </summary>
    private static List<Header> SignedFields(HeaderList headers) =>
        [.. SignedHeaders.SelectMany(name => headers.Where(h => h.Field.Equals(name, StringComparison.OrdinalIgnoreCase)).Reverse())];

    /// <summary>
    /// The header block and where the body starts, as MimeKit reads them; null when they cannot be read. Synchronous on
    /// purpose: on Linux each asynchronous read of the spool file is a hop through the thread pool, for a page-cache copy.
    /// </summary>
    private (HeaderList? Headers, long BodyStart) ParseHeaders(Stream content, CancellationToken cancellationToken)
    {
        try
        {
            var parser = new MimeParser(content, MimeFormat.Entity);
            var headers = parser.ParseHeaders(cancellationToken);
            return (headers, parser.Position);
        }
        catch (FormatException ex)
        {
            LogUnparsable(_logger, ex.Message);
            return (null, 0);
        }
    }

    private static string? DomainOf(Header from, string envelopeSender)
    {
        var domain = InternetAddressList.TryParse(ParserOptions.Default, from.RawValue, out var addresses)
            ? addresses.Mailboxes.FirstOrDefault()?.Domain
            : null;
        if (!string.IsNullOrEmpty(domain))
        {
            return DkimDomain.Normalize(domain);
        }

        var at = envelopeSender.LastIndexOf('@');
        return at < 0 ? null : DkimDomain.Normalize(envelopeSender[(at + 1)..]);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "A message cannot be parsed for DKIM signing and leaves unsigned: {Error}")]
    private static partial void LogUnparsable(ILogger logger, string error);
}
