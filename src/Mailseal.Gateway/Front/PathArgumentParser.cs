namespace Mailseal.Gateway.Front;

/// <summary>
/// Parses "FROM:&lt;path&gt; KEY=VALUE …" and "TO:&lt;path&gt; …" (RFC 5321 §4.1.2). Lenient where Postfix is
/// (a space after the colon), strict where it matters: brackets required, no control characters, a length limit.
/// </summary>
internal static class PathArgumentParser
{
    private const int MaxPathLength = 256;

    /// <summary>Parses the argument or returns the reply that refuses it.</summary>
    public static (PathArgument? Path, SmtpReply? Error) Parse(string argument, string keyword)
    {
        if (!argument.StartsWith(keyword + ":", StringComparison.OrdinalIgnoreCase))
        {
            return (null, FrontReplies.SyntaxError);
        }

        var rest = argument[(keyword.Length + 1)..].TrimStart(' ');
        if (rest.Length == 0 || rest[0] != '<')
        {
            return (null, FrontReplies.SyntaxError);
        }

        var close = FindClosingBracket(rest);
        if (close < 0)
        {
            return (null, FrontReplies.SyntaxError);
        }

        var address = StripSourceRoute(rest[1..close]);
        if (address.Length > MaxPathLength || address.Any(IsForbidden))
        {
            return (null, FrontReplies.BadAddress);
        }

        var parameters = ParseParameters(rest[(close + 1)..]);
        return parameters is null
            ? (null, FrontReplies.SyntaxError)
            : (new PathArgument(address, parameters), null);
    }

    public static bool IsAscii(string address) => address.All(char.IsAscii);

    private static int FindClosingBracket(string text)
    {
        var quoted = false;
        for (var i = 1; i < text.Length; i++)
        {
            switch (text[i])
            {
                case '\\' when quoted:
                    i++;
                    break;
                case '"':
                    quoted = !quoted;
                    break;
                case '>' when !quoted:
                    return i;
            }
        }

        return -1;
    }

    // "@relay1,@relay2:user@example.org" — source routes are obsolete and ignored (RFC 5321 §3.3).
    private static string StripSourceRoute(string path) =>
        path.StartsWith('@') && path.Contains(':', StringComparison.Ordinal) ? path[(path.IndexOf(':', StringComparison.Ordinal) + 1)..] : path;

    private static bool IsForbidden(char c) => char.IsControl(c) || c == ' ' || c == '<' || c == '>';

    private static Dictionary<string, string?>? ParseParameters(string text)
    {
        var parameters = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        foreach (var token in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = token.IndexOf('=', StringComparison.Ordinal);
            var key = (equals < 0 ? token : token[..equals]).ToUpperInvariant();
            var value = equals < 0 ? null : token[(equals + 1)..];
            if (key.Length == 0 || !parameters.TryAdd(key, value))
            {
                return null;
            }
        }

        return parameters;
    }
}
