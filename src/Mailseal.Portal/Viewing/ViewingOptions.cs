using System.ComponentModel.DataAnnotations;

namespace Mailseal.Portal.Viewing;

/// <summary>
/// Limits of showing a message, bound from "Portal:View" (docs/portal-reading.md). They keep the work for
/// a hostile message bounded; what they leave out is reported by <see cref="MessageView.PartsOmitted"/>.
/// </summary>
public sealed class ViewingOptions
{
    public const string SectionName = "Portal:View";

    /// <summary>Deepest multipart and message/rfc822 nesting that is read (Postfix's mime_nesting_limit is 100).</summary>
    [Range(1, 1000)]
    public int MaxDepth { get; set; } = 100;

    /// <summary>Most MIME parts read in one message, nested messages included.</summary>
    [Range(1, 1_000_000)]
    public int MaxParts { get; set; } = 5000;

    /// <summary>Largest decoded image that is inlined for a cid: reference.</summary>
    [Range(0, long.MaxValue)]
    public long MaxInlineImageBytes { get; set; } = 5L * 1024 * 1024;

    /// <summary>Most decoded image bytes inlined in one view, all body documents together.</summary>
    [Range(0, long.MaxValue)]
    public long MaxInlineImagesTotalBytes { get; set; } = 15L * 1024 * 1024;

    /// <summary>Most body characters shown (HTML or text, all bodies of one view together); the rest is cut off.</summary>
    [Range(1, int.MaxValue)]
    public int MaxBodyCharacters { get; set; } = 10_000_000;

    /// <summary>Most addresses shown in each of To and Cc.</summary>
    [Range(1, 100_000)]
    public int MaxAddressesPerField { get; set; } = 500;

    /// <summary>Longest subject, display name or file name shown, in characters.</summary>
    [Range(16, 100_000)]
    public int MaxTextFieldLength { get; set; } = 1000;
}
