using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;

namespace Mailseal.Testing.Images;

/// <summary>A plain logo for branding tests: a one-colour PNG of the given size.</summary>
public static class TestImages
{
    public static byte[] Png(int width, int height)
    {
        using var image = new Image<Rgba32>(width, height, new Rgba32(31, 78, 121));
        using var output = new MemoryStream();
        image.SaveAsPng(output);
        return output.ToArray();
    }
}
