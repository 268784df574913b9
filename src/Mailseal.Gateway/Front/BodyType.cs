namespace Mailseal.Gateway.Front;

/// <summary>The BODY= parameter of MAIL FROM (RFC 6152).</summary>
public enum BodyType
{
    /// <summary>No BODY= given: the client claims 7-bit data but may not keep to it.</summary>
    Unspecified,
    SevenBit,
    EightBitMime,
}
