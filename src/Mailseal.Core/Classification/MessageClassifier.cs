using MimeKit;
using MimeKit.Cryptography;

namespace Mailseal.Core.Classification;

/// <summary>
/// Decides a message's class from its structure and headers (docs/rules.md, "Message classes"). The class is
/// the first that applies in this order: Encrypted, PermissionControlled, ReadReceipt, DeliveryReport,
/// Calendaring, AutoReply, AutoForward, Voicemail, ApprovalRequest, else Ordinary.
/// </summary>
public static class MessageClassifier
{
    /// <summary>The header the wrapper mail carries (WrapperMailBuilder.MarkHeader in Mailseal.Protection).</summary>
    public const string MailsealMarkHeader = "X-Mailseal-Envelope";

    public static MessageClassification Classify(MimeMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var types = new HashSet<MessageType>();
        var body = message.Body;
        var hasMark = message.Headers.Contains(MailsealMarkHeader);
        if (hasMark || IsEncryptedStructure(body) || IsInlinePgp(body, "-----BEGIN PGP MESSAGE-----"))
        {
            types.Add(MessageType.Encrypted);
        }

        if (IsSignedStructure(body) || IsInlinePgp(body, "-----BEGIN PGP SIGNED MESSAGE-----"))
        {
            types.Add(MessageType.Signed);
        }

        var contentClass = message.Headers[HeaderId.ContentClass] ?? message.Headers["Content-Class"] ?? "";
        if (contentClass.Contains("rpmsg", StringComparison.OrdinalIgnoreCase) || HasPart(body, IsRightsProtected))
        {
            types.Add(MessageType.PermissionControlled);
        }

        var isReadReceipt = IsReport(body, "disposition-notification");
        if (isReadReceipt)
        {
            types.Add(MessageType.ReadReceipt);
        }

        var isDeliveryReport = IsReport(body, "delivery-status");
        if (HasPart(body, part => part.ContentType.IsMimeType("text", "calendar")))
        {
            types.Add(MessageType.Calendaring);
        }

        if (IsAutoReply(message.Headers))
        {
            types.Add(MessageType.OOF);
        }

        if (IsAutoForward(message.Headers))
        {
            types.Add(MessageType.AutoForward);
        }

        if (contentClass.StartsWith("voice", StringComparison.OrdinalIgnoreCase))
        {
            types.Add(MessageType.Voicemail);
        }

        if (contentClass.Contains("approval", StringComparison.OrdinalIgnoreCase)
            || message.Headers.Contains("X-MS-Exchange-Organization-Approval-Requested"))
        {
            types.Add(MessageType.ApprovalRequest);
        }

        return new MessageClassification(ClassOf(types, isDeliveryReport), types, hasMark);
    }

    private static MessageClass ClassOf(HashSet<MessageType> types, bool isDeliveryReport) =>
        types.Contains(MessageType.Encrypted) ? MessageClass.Encrypted
        : types.Contains(MessageType.PermissionControlled) ? MessageClass.PermissionControlled
        : types.Contains(MessageType.ReadReceipt) ? MessageClass.ReadReceipt
        : isDeliveryReport ? MessageClass.DeliveryReport
        : types.Contains(MessageType.Calendaring) ? MessageClass.Calendaring
        : types.Contains(MessageType.OOF) ? MessageClass.AutoReply
        : types.Contains(MessageType.AutoForward) ? MessageClass.AutoForward
        : types.Contains(MessageType.Voicemail) ? MessageClass.Voicemail
        : types.Contains(MessageType.ApprovalRequest) ? MessageClass.ApprovalRequest
        : MessageClass.Ordinary;

    private static bool IsEncryptedStructure(MimeEntity? body) => body switch
    {
        MultipartEncrypted => true,
        Multipart m when m.ContentType.IsMimeType("multipart", "encrypted") => true,
        MimePart p when IsPkcs7Mime(p) => SmimeType(p) is "" or "enveloped-data" or "authenveloped-data",
        _ => false,
    };

    private static bool IsSignedStructure(MimeEntity? body) => body switch
    {
        MultipartSigned => true,
        Multipart m when m.ContentType.IsMimeType("multipart", "signed") => true,
        MimePart p when IsPkcs7Mime(p) => SmimeType(p) == "signed-data",
        _ => false,
    };

    private static bool IsPkcs7Mime(MimePart part) =>
        part.ContentType.IsMimeType("application", "pkcs7-mime") || part.ContentType.IsMimeType("application", "x-pkcs7-mime");

    private static string SmimeType(MimePart part) =>
        (part.ContentType.Parameters["smime-type"] ?? "").Trim().ToLowerInvariant();

    private static bool IsInlinePgp(MimeEntity? body, string armour) =>
        body is TextPart { IsPlain: true } text && text.Text.TrimStart().StartsWith(armour, StringComparison.Ordinal);

    private static bool IsRightsProtected(MimeEntity part) =>
        part.ContentType.IsMimeType("application", "x-microsoft-rpmsg-message")
        || (part is MimePart { FileName: { } name } && name.EndsWith(".rpmsg", StringComparison.OrdinalIgnoreCase));

    private static bool IsReport(MimeEntity? body, string reportType) =>
        body is Multipart report && report.ContentType.IsMimeType("multipart", "report")
        && (string.Equals(report.ContentType.Parameters["report-type"], reportType, StringComparison.OrdinalIgnoreCase)
            || report.Any(part => part.ContentType.IsMimeType("message", reportType)));

    /// <summary>Looks through multiparts only: a forwarded message (message/rfc822) has its own class, not this one's.</summary>
    private static bool HasPart(MimeEntity? entity, Func<MimeEntity, bool> test) => entity switch
    {
        null => false,
        Multipart multipart => test(multipart) || multipart.Any(child => HasPart(child, test)),
        _ => test(entity),
    };

    private static bool IsAutoReply(HeaderList headers)
    {
        var autoSubmitted = (headers["Auto-Submitted"] ?? "").Trim();
        var precedence = (headers["Precedence"] ?? "").Trim();
        return (autoSubmitted.Length > 0
                && !autoSubmitted.StartsWith("no", StringComparison.OrdinalIgnoreCase)
                && !autoSubmitted.StartsWith("auto-forwarded", StringComparison.OrdinalIgnoreCase))
            || headers.Contains("X-Auto-Response-Suppress")
            || headers.Contains("X-Autoreply")
            || headers.Contains("X-Autorespond")
            || precedence.Equals("auto_reply", StringComparison.OrdinalIgnoreCase);
    }

    private static bool IsAutoForward(HeaderList headers) =>
        (headers["Auto-Submitted"] ?? "").Trim().StartsWith("auto-forwarded", StringComparison.OrdinalIgnoreCase)
        || headers.Contains("X-MS-Exchange-Inbox-Rules-Loop")
        || string.Equals((headers["X-MS-Exchange-Organization-AutoForwarded"] ?? "").Trim(), "true", StringComparison.OrdinalIgnoreCase);
}
