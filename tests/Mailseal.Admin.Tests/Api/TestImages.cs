using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;

namespace Mailseal.Admin.Tests.Api;

internal static class TestImages
{
    public static byte[] Png(int width = 40, int height = 20)
    {
        using var image = new Image<Rgba32>(width, height, new Rgba32(31, 78, 121));
        using var output = new MemoryStream();
        image.SaveAsPng(output);
        return output.ToArray();
    }
}
