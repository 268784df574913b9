using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;

namespace Mailseal.PowerShell.Tests;

/// <summary>Logo files for -Image, written where PowerShell's Get-Content -AsByteStream reads them.</summary>
internal static class TestImages
{
    public static string Png(string folder, string name)
    {
        var path = Path.Combine(folder, name);
        using var image = new Image<Rgba32>(200, 80, new Rgba32(20, 90, 180));
        image.SaveAsPng(path);
        return path;
    }
}
