using Mailseal.Core.Branding;
using MimeKit;

namespace Mailseal.Protection.Sealing;

/// <summary>Who a message is sealed for, and how its wrapper looks.</summary>
/// <param name="Sender">The envelope sender (MAIL FROM), recorded in the license.</param>
/// <param name="Recipients">The envelope recipients (RCPT TO): the only addresses that can open it.</param>
/// <param name="BrandingTemplate">The OME configuration to brand the wrapper with.</param>
/// <param name="Language">The sender's language: the wrapper's texts follow it.</param>
/// <param name="ExpiresAt">When recipients may no longer open it in the portal; null for never.</param>
/// <param name="WrapperFrom">
/// The wrapper's From instead of the original's (and no Sender): the portal sends a reply from its service
/// address on the replier's behalf, while the sealed message keeps the replier as its From.
/// </param>
public sealed record MessageSealRequest(
    string Sender,
    IReadOnlyCollection<string> Recipients,
    string BrandingTemplate = OmeConfiguration.DefaultIdentity,
    string Language = "en",
    DateTimeOffset? ExpiresAt = null,
    MailboxAddress? WrapperFrom = null);
