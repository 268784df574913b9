using System.Security.Cryptography;

namespace Mailseal.Protection.Wrapper;

/// <summary>Random boundaries and Content-IDs, so nothing in a wrapper links it to another.</summary>
public sealed class RandomMimeIdentifierSource : IMimeIdentifierSource
{
    public static RandomMimeIdentifierSource Instance { get; } = new();

    // "=_" never occurs in base64 or quoted-printable output, so the boundary cannot collide with content.
    public string NewBoundary() => "=_mailseal_" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));

    public string NewContentId() => "logo." + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(12)) + "@mailseal";
}
