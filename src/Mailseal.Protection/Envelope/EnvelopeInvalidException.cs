using System.Security.Cryptography;

namespace Mailseal.Protection.Envelope;

/// <summary>
/// An envelope cannot be verified or opened. Every cause (bad signature, unknown or foreign key, wrong
/// tenant, bad tag, truncation, reordering, splicing, malformed structure) gives this one exception with
/// one message, so that the answer tells an attacker nothing about which check failed.
/// </summary>
public sealed class EnvelopeInvalidException : CryptographicException
{
    public const string UniformMessage = "The envelope is not valid.";

    public EnvelopeInvalidException()
        : base(UniformMessage)
    {
    }

    internal EnvelopeInvalidException(EnvelopeFailure cause)
        : base(UniformMessage)
    {
        Cause = cause;
    }

    /// <summary>For tests and debug logs only; never part of the message.</summary>
    internal EnvelopeFailure Cause { get; }
}
