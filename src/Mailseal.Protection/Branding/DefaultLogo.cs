namespace Mailseal.Protection.Branding;

/// <summary>The Mailseal logo shown when a template has no image (source: Resources/default-logo.svg).</summary>
public static class DefaultLogo
{
    private const string ResourceName = "Mailseal.Protection.Branding.default-logo.png";

    private static readonly Lazy<byte[]> Png = new(Load);

    /// <summary>A copy of the logo as PNG bytes.</summary>
    public static byte[] GetPng() => (byte[])Png.Value.Clone();

    private static byte[] Load()
    {
        using var stream = typeof(DefaultLogo).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The embedded resource {ResourceName} is missing.");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
