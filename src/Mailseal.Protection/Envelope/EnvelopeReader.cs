namespace Mailseal.Protection.Envelope;

/// <summary>Reads what an envelope says about itself, without keys (for `mailseal inspect`).</summary>
public static class EnvelopeReader
{
    /// <summary>
    /// Parses the license strictly and within the format's bounds but does NOT verify its signature:
    /// nothing in it may be trusted. The stream is left after the signature.
    /// </summary>
    /// <exception cref="EnvelopeInvalidException">The bytes are not a well-formed envelope header.</exception>
    public static async Task<License> ReadLicenseUnverifiedAsync(Stream envelope, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(envelope);
        var (licenseBytes, _) = await EnvelopeHeader.ReadAsync(envelope, cancellationToken);
        return LicenseParser.Parse(licenseBytes);
    }
}
