using Mailseal.Core.Branding;
using MimeKit;

namespace Mailseal.Protection.Wrapper;

/// <summary>What one wrapper message is built from, besides the envelope.</summary>
/// <param name="OriginalHeaders">The original message's headers; only the ones recipients need are kept.</param>
/// <param name="Branding">The sender's branding template; null for the built-in defaults.</param>
/// <param name="Language">The sender's language tag (e.g. <c>de-AT</c>); unknown tags fall back to English.</param>
/// <param name="PortalUrl">The portal's base address; message.html posts to <c>{PortalUrl}/envelope</c>.</param>
public sealed record WrapperContext(
    HeaderList OriginalHeaders,
    OmeConfiguration? Branding,
    string Language,
    Uri PortalUrl);
