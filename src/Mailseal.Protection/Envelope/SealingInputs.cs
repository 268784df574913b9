using Mailseal.Protection.Keys;

namespace Mailseal.Protection.Envelope;

/// <summary>Checks what goes into a license before sealing, so that every envelope written can be read back.</summary>
internal static class SealingInputs
{
    public static void ValidateRequest(SealRequest request)
    {
        if (!LicenseText.IsValidText(request.Sender))
        {
            throw new ArgumentException("The sender must be 1 to 998 characters without control characters.", nameof(request));
        }

        if (request.OriginalMessageId is not null && !LicenseText.IsValidText(request.OriginalMessageId))
        {
            throw new ArgumentException("The Message-ID must be 1 to 998 characters without control characters.", nameof(request));
        }

        if (!LicenseText.IsValidLanguage(request.Language))
        {
            throw new ArgumentException("The language must be a BCP 47 tag.", nameof(request));
        }

        if (!LicenseText.IsValidText(request.BrandingTemplate))
        {
            throw new ArgumentException("The branding template must be 1 to 998 characters without control characters.", nameof(request));
        }
    }

    /// <summary>Key ids land in the license: they must obey its text rules.</summary>
    public static void ValidateKeys(SealingKeys keys)
    {
        if (!LicenseText.IsValidText(keys.WrappingKeyId) || !LicenseText.IsValidText(keys.SigningKeyId)
            || !LicenseText.IsValidText(keys.RecipientHashKeyId))
        {
            throw new InvalidOperationException("A key id must be 1 to 998 characters without control characters.");
        }
    }
}
