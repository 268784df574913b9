namespace Mailseal.Testing.Corpus;

/// <summary>
/// Decides whether SMTP (with 8BITMIME, without BINARYMIME or CHUNKING) can carry a message unchanged:
/// every line ends in CRLF, the message ends with CRLF, no line is longer than 998 octets before its
/// CRLF, and there is no NUL, bare CR or bare LF. Eight-bit octets are allowed (8BITMIME).
/// </summary>
public static class SmtpCarriability
{
    /// <summary>RFC 5321 §4.5.3.1.6: at most 998 octets of text before the CRLF.</summary>
    public const int MaximumLineLength = 998;

    public static bool IsCarriable(ReadOnlySpan<byte> message) => Explain(message) is null;

    /// <summary>Why SMTP cannot carry the message unchanged, or null if it can.</summary>
    public static string? Explain(ReadOnlySpan<byte> message)
    {
        if (message.Length < 2 || message[^2] != '\r' || message[^1] != '\n')
        {
            return "does not end with CRLF";
        }

        var lineStart = 0;
        for (var i = 0; i < message.Length; i++)
        {
            switch (message[i])
            {
                case 0:
                    return $"NUL byte at offset {i}";
                case (byte)'\r' when i + 1 >= message.Length || message[i + 1] != '\n':
                    return $"bare CR at offset {i}";
                case (byte)'\n' when i == 0 || message[i - 1] != '\r':
                    return $"bare LF at offset {i}";
                case (byte)'\n':
                    var length = i - 1 - lineStart;
                    if (length > MaximumLineLength)
                    {
                        return $"line of {length} octets at offset {lineStart}";
                    }

                    lineStart = i + 1;
                    break;
            }
        }

        return null;
    }
}
