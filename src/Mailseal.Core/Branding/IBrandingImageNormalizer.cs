namespace Mailseal.Core.Branding;

/// <summary>
/// Turns an uploaded logo (PNG, JPEG, BMP or TIFF, recognised by its bytes) into a PNG scaled to fit the
/// logo box, so that every browser shows it and nothing but pixels survives. Throws
/// <see cref="BrandingValidationException"/> for anything else or anything over the limits.
/// </summary>
public interface IBrandingImageNormalizer
{
    byte[] Normalize(ReadOnlySpan<byte> image);
}
