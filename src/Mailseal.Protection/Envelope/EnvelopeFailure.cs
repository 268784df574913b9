namespace Mailseal.Protection.Envelope;

/// <summary>
/// Why an envelope was refused. Internal on purpose: callers see one uniform error; the cause exists
/// for tests and debug logs only.
/// </summary>
internal enum EnvelopeFailure
{
    Structure,
    License,
    WrongTenant,
    UnknownSigningKey,
    BadSignature,
    UnknownWrappingKey,
    ModeMismatch,
    ModeDisabled,
    BadWrappedKey,
    BadSegment,
    Truncated,
}
