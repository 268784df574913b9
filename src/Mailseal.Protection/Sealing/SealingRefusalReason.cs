namespace Mailseal.Protection.Sealing;

/// <summary>Why a message could not be sealed. The gateway maps each to a delivery status text.</summary>
public enum SealingRefusalReason
{
    MessageTooLarge,
    TooManyRecipients,
    ToHeaderTooLong,
    NoRecipients,
    NoActiveKeys,
    LegacyModeDisabled,
    MixedCryptoModes,
    UnknownBrandingTemplate,
}
