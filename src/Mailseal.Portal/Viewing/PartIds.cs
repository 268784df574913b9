namespace Mailseal.Portal.Viewing;

/// <summary>
/// Part ids as IMAP numbers body sections (RFC 3501 §6.4.5): the children of a multipart are 1, 2, …
/// under the multipart's own id, and a message's single-part body is its id followed by ".1".
/// </summary>
internal static class PartIds
{
    private const int MaxIdLength = 4096;

    public static string Child(string parent, int index) => parent.Length == 0 ? $"{index + 1}" : $"{parent}.{index + 1}";

    /// <summary>True for "1", "2.10.3": digits and single dots, no leading zero, no empty segment.</summary>
    public static bool IsWellFormed(string? id)
    {
        if (string.IsNullOrEmpty(id) || id.Length > MaxIdLength)
        {
            return false;
        }

        foreach (var segment in id.Split('.'))
        {
            if (segment.Length is 0 or > 6 || segment[0] == '0' || !segment.All(char.IsAsciiDigit))
            {
                return false;
            }
        }

        return true;
    }
}
