using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Formats;
using SixLabors.ImageSharp.Formats.Bmp;
using SixLabors.ImageSharp.Formats.Gif;
using SixLabors.ImageSharp.Formats.Jpeg;
using SixLabors.ImageSharp.Formats.Png;
using SixLabors.ImageSharp.Formats.Tiff;
using SixLabors.ImageSharp.Formats.Webp;
using SixLabors.ImageSharp.PixelFormats;

namespace Mailseal.Protection.Tests.Branding;

/// <summary>Images generated for the tests, in any format ImageSharp writes.</summary>
internal static class TestImages
{
    public static byte[] Create(int width, int height, string format)
    {
        using var image = new Image<Rgba32>(width, height);
        for (var y = 0; y < height; y++)
        {
            for (var x = 0; x < width; x++)
            {
                image[x, y] = new Rgba32((byte)(x * 255 / width), (byte)(y * 255 / height), 120, 255);
            }
        }

        return Encode(image, format);
    }

    public static byte[] Encode(Image image, string format)
    {
        IImageEncoder encoder = format switch
        {
            "png" => new PngEncoder(),
            "jpeg" => new JpegEncoder(),
            "bmp" => new BmpEncoder(),
            "tiff" => new TiffEncoder(),
            "gif" => new GifEncoder(),
            "webp" => new WebpEncoder(),
            _ => throw new ArgumentOutOfRangeException(nameof(format)),
        };
        using var output = new MemoryStream();
        image.Save(output, encoder);
        return output.ToArray();
    }
}
