using System.Buffers.Binary;
using System.Text;
using Mailseal.Core.Branding;
using Mailseal.Protection.Branding;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Formats.Png;
using SixLabors.ImageSharp.Metadata.Profiles.Exif;
using SixLabors.ImageSharp.PixelFormats;

namespace Mailseal.Protection.Tests.Branding;

public sealed class BrandingImageNormalizerTests
{
    private readonly BrandingImageNormalizer normalizer = new();

    [Theory]
    [InlineData("png")]
    [InlineData("jpeg")]
    [InlineData("bmp")]
    [InlineData("tiff")]
    public void Normalize_AcceptedFormat_ReturnsPng(string format)
    {
        var output = normalizer.Normalize(TestImages.Create(100, 50, format));

        using var image = Image.Load(output, out var detected);
        Assert.Equal(PngFormat.Instance, detected);
        Assert.Equal((100, 50), (image.Width, image.Height));
    }

    [Theory]
    [InlineData("gif")]
    [InlineData("webp")]
    public void Normalize_OtherImageFormat_RefusedNamingImage(string format)
    {
        AssertRefused(TestImages.Create(100, 50, format));
    }

    [Fact]
    public void Normalize_Svg_Refused()
    {
        AssertRefused(Encoding.UTF8.GetBytes(
            "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"10\" height=\"10\"><rect width=\"10\" height=\"10\"/></svg>"));
    }

    [Fact]
    public void Normalize_Garbage_Refused()
    {
        AssertRefused(Encoding.ASCII.GetBytes("This is not an image at all, just some text."));
    }

    [Fact]
    public void Normalize_Empty_Refused()
    {
        AssertRefused([]);
    }

    [Fact]
    public void Normalize_TruncatedPng_Refused()
    {
        var png = TestImages.Create(200, 100, "png");

        AssertRefused(png.AsSpan(0, png.Length / 2).ToArray());
    }

    [Fact]
    public void Normalize_OneByteOverOneMegabyte_Refused()
    {
        var png = TestImages.Create(10, 10, "png");
        var padded = new byte[OmeConfigurationLimits.ImageMaxBytes + 1];
        png.CopyTo(padded, 0);

        AssertRefused(padded);
    }

    [Fact]
    public void Normalize_ExactlyOneMegabyte_Accepted()
    {
        // A valid BMP followed by padding is still a BMP: the size limit itself must allow 1 MB exactly.
        var bmp = TestImages.Create(10, 10, "bmp");
        var padded = new byte[OmeConfigurationLimits.ImageMaxBytes];
        bmp.CopyTo(padded, 0);

        Assert.NotEmpty(normalizer.Normalize(padded));
    }

    [Theory]
    [InlineData(2001, 10)]
    [InlineData(10, 2001)]
    public void Normalize_OverTwoThousandPixels_Refused(int width, int height)
    {
        AssertRefused(TestImages.Create(width, height, "png"));
    }

    [Fact]
    public void Normalize_TwoThousandPixelsSquare_AcceptedAndScaledToFit()
    {
        var output = normalizer.Normalize(TestImages.Create(2000, 2000, "png"));

        using var image = Image.Load(output);
        Assert.Equal((140, 140), (image.Width, image.Height));
    }

    [Fact]
    public void Normalize_PngClaimingHugeDimensions_RefusedBeforeDecoding()
    {
        // A 30 000 × 30 000 header over a tiny body: decoding it would allocate gigabytes.
        // The IHDR checksum is fixed up, so only the dimension check can refuse it; decoding it instead would
        // fail with an out-of-memory error, not a BrandingValidationException.
        var png = TestImages.Create(1, 1, "png");
        BinaryPrimitives.WriteInt32BigEndian(png.AsSpan(16), 30_000);
        BinaryPrimitives.WriteInt32BigEndian(png.AsSpan(20), 30_000);
        BinaryPrimitives.WriteUInt32BigEndian(png.AsSpan(29), Crc32(png.AsSpan(12, 17)));
        var info = Image.Identify(png);
        Assert.Equal((30_000, 30_000), (info.Width, info.Height));

        AssertRefused(png);
    }

    [Theory]
    [InlineData(1000, 200, 340, 68)]
    [InlineData(200, 1000, 28, 140)]
    [InlineData(680, 280, 340, 140)]
    public void Normalize_LargeImage_ScaledDownKeepingAspect(int width, int height, int expectedWidth, int expectedHeight)
    {
        var output = normalizer.Normalize(TestImages.Create(width, height, "jpeg"));

        using var image = Image.Load(output);
        Assert.Equal((expectedWidth, expectedHeight), (image.Width, image.Height));
    }

    [Fact]
    public void Normalize_SmallImage_NotUpscaled()
    {
        var output = normalizer.Normalize(TestImages.Create(40, 20, "bmp"));

        using var image = Image.Load(output);
        Assert.Equal((40, 20), (image.Width, image.Height));
    }

    [Fact]
    public void Normalize_ImageWithMetadata_MetadataStripped()
    {
        using var source = new Image<Rgba32>(60, 30, new Rgba32(10, 20, 30, 255));
        source.Metadata.ExifProfile = new ExifProfile();
        source.Metadata.ExifProfile.SetValue(ExifTag.Artist, "Secret Author");
        source.Metadata.GetPngMetadata().TextData.Add(new PngTextData("Comment", "secret comment", "", ""));
        var input = TestImages.Encode(source, "png");
        Assert.Contains("secret comment", Encoding.Latin1.GetString(input), StringComparison.Ordinal);

        var output = normalizer.Normalize(input);

        var text = Encoding.Latin1.GetString(output);
        Assert.DoesNotContain("Secret Author", text, StringComparison.Ordinal);
        Assert.DoesNotContain("secret comment", text, StringComparison.Ordinal);
        using var image = Image.Load(output);
        Assert.Null(image.Metadata.ExifProfile);
        Assert.Empty(image.Metadata.GetPngMetadata().TextData);
    }

    // PNG's chunk checksum (CRC-32, polynomial 0xEDB88320) over the chunk type and data.
    private static uint Crc32(ReadOnlySpan<byte> bytes)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in bytes)
        {
            crc ^= b;
            for (var bit = 0; bit < 8; bit++)
            {
                crc = (crc & 1) != 0 ? (crc >> 1) ^ 0xEDB88320u : crc >> 1;
            }
        }

        return ~crc;
    }

    private void AssertRefused(byte[] input)
    {
        var error = Assert.Throws<BrandingValidationException>(() => normalizer.Normalize(input));
        Assert.Equal(nameof(OmeConfiguration.Image), error.Field);
        Assert.Contains("png, jpg, bmp or tiff", error.Message, StringComparison.Ordinal);
        Assert.Contains("1 MB", error.Message, StringComparison.Ordinal);
        Assert.Contains("2000×2000", error.Message, StringComparison.Ordinal);
    }
}
