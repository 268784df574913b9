using Mailseal.Core.Branding;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Formats.Bmp;
using SixLabors.ImageSharp.Formats.Jpeg;
using SixLabors.ImageSharp.Formats.Png;
using SixLabors.ImageSharp.Formats.Tiff;
using SixLabors.ImageSharp.PixelFormats;
using SixLabors.ImageSharp.Processing;

namespace Mailseal.Protection.Branding;

/// <summary>
/// Accepts a logo in PNG, JPEG, BMP or TIFF (recognised by its bytes), at most 1 MB and 2000×2000 pixels,
/// and returns it as a metadata-free PNG scaled down to fit the logo box. Everything else is refused.
/// </summary>
public sealed class BrandingImageNormalizer : IBrandingImageNormalizer
{
    // Only the four accepted formats are registered, so GIF, WebP and the rest are not even recognised.
    private static readonly Configuration AcceptedFormats = new(
        new PngConfigurationModule(),
        new JpegConfigurationModule(),
        new BmpConfigurationModule(),
        new TiffConfigurationModule());

    private static readonly PngEncoder Encoder = new()
    {
        ColorType = PngColorType.RgbWithAlpha,
        BitDepth = PngBitDepth.Bit8,
        ChunkFilter = PngChunkFilter.ExcludeAll,
        CompressionLevel = PngCompressionLevel.BestCompression,
    };

    /// <inheritdoc />
    public byte[] Normalize(ReadOnlySpan<byte> image)
    {
        if (image.IsEmpty || image.Length > OmeConfigurationLimits.ImageMaxBytes)
        {
            throw Refused();
        }

        var bytes = image.ToArray();
        if (Image.DetectFormat(AcceptedFormats, bytes) is null)
        {
            throw Refused();
        }

        try
        {
            // Read the dimensions from the header before decoding, so a small file that claims huge
            // dimensions (a decompression bomb) never gets its pixels allocated.
            var info = Image.Identify(AcceptedFormats, bytes, out _);
            if (info is null
                || info.Width is < 1 or > OmeConfigurationLimits.ImageMaxPixels
                || info.Height is < 1 or > OmeConfigurationLimits.ImageMaxPixels)
            {
                throw Refused();
            }

            using var decoded = Image.Load<Rgba32>(AcceptedFormats, bytes);
            return EncodeFitted(decoded);
        }
        catch (ImageFormatException)
        {
            throw Refused();
        }
        catch (NotSupportedException)
        {
            throw Refused();
        }
    }

    private static byte[] EncodeFitted(Image<Rgba32> decoded)
    {
        var (width, height) = FitInLogoBox(decoded.Width, decoded.Height);
        if (width != decoded.Width || height != decoded.Height)
        {
            decoded.Mutate(x => x.Resize(width, height, KnownResamplers.Lanczos3));
        }

        // Copy the pixels into a fresh image: nothing but pixels survives (no EXIF, XMP, ICC, text chunks).
        var pixels = new Rgba32[width * height];
        decoded.CopyPixelDataTo(pixels);
        using var clean = Image.LoadPixelData<Rgba32>(pixels, width, height);
        using var output = new MemoryStream();
        clean.Save(output, Encoder);
        return output.ToArray();
    }

    /// <summary>The size that fits the logo box keeping the aspect ratio; never larger than the original.</summary>
    internal static (int Width, int Height) FitInLogoBox(int width, int height)
    {
        var scale = Math.Min(
            1.0,
            Math.Min(
                (double)OmeConfigurationLimits.LogoBoxWidth / width,
                (double)OmeConfigurationLimits.LogoBoxHeight / height));
        return (
            Math.Max(1, (int)Math.Round(width * scale)),
            Math.Max(1, (int)Math.Round(height * scale)));
    }

    private static BrandingValidationException Refused() =>
        new(nameof(OmeConfiguration.Image), OmeConfigurationValidator.ImageLimitDescription);
}
