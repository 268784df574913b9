using MimeKit;

namespace Mailseal.Protection.Sealing;

/// <summary>The original message's header block, read once without parsing the body.</summary>
internal static class OriginalHeaders
{
    /// <summary>
    /// Reads the header block. A message whose header block MimeKit cannot read (none at all, or garbage)
    /// still seals byte for byte; its wrapper simply carries none of its headers.
    /// </summary>
    public static async Task<HeaderList> ReadAsync(Stream message, CancellationToken cancellationToken)
    {
        try
        {
            return await HeaderList.LoadAsync(ParserOptions.Default, message, cancellationToken);
        }
        catch (FormatException)
        {
            return [];
        }
    }

    /// <summary>Refuses a To field longer than the limit (its unfolded, decoded text; all To fields together).</summary>
    public static void CheckToLength(HeaderList headers, int maxLength)
    {
        var length = headers.Where(h => h.Id == HeaderId.To).Sum(h => h.Value.Length);
        if (length > maxLength)
        {
            throw new SealingRefusedException(
                SealingRefusalReason.ToHeaderTooLong,
                $"The To field is {length} characters long; at most {maxLength} can be encrypted.");
        }
    }
}
