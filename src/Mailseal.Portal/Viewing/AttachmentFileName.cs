using MimeKit;

namespace Mailseal.Portal.Viewing;

/// <summary>
/// A file name fit for a Content-Disposition header and any file system: the last path segment only, no
/// control or format characters, none of <c>&lt;&gt;:"/\|?*</c>, no leading or trailing dots and spaces,
/// at most 200 characters with the extension kept. An empty result falls back to "attachment" with an
/// extension for the media type.
/// </summary>
public static class AttachmentFileName
{
    public const int MaxLength = 200;

    private static readonly char[] Forbidden = ['<', '>', ':', '"', '|', '?', '*'];

    public static string For(string? fileName, string mediaType)
    {
        var name = fileName ?? "";
        var slash = name.LastIndexOfAny(['/', '\\']);
        if (slash >= 0)
        {
            name = name[(slash + 1)..];
        }

        name = DisplayText.Clean(name, int.MaxValue);
        foreach (var c in Forbidden)
        {
            name = name.Replace(c, '_');
        }

        name = name.Trim(' ', '.');
        if (name.Length > MaxLength)
        {
            var extension = Path.GetExtension(name);
            extension = extension.Length is > 1 and <= 16 ? extension : "";
            name = name[..(MaxLength - extension.Length)].TrimEnd(' ', '.') + extension;
        }

        return name.Length > 0 ? name : "attachment" + ExtensionFor(mediaType);
    }

    private static string ExtensionFor(string mediaType) =>
        mediaType switch
        {
            "message/rfc822" => ".eml",
            "text/plain" => ".txt",
            _ => MimeTypes.TryGetExtension(mediaType, out var extension) ? extension : ".bin",
        };
}
