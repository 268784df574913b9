using System.Globalization;
using System.Text;

namespace Mailseal.Delivery.Smtp;

/// <summary>
/// Reads replies off the connection: "250-first", "250 last", with an optional enhanced status code.
/// Lines and replies are bounded, so a misbehaving next hop cannot make the client buffer without end.
/// </summary>
internal sealed class SmtpReplyReader
{
    private const int MaxLineLength = 4096;
    private const int MaxLines = 200;

    private readonly byte[] _buffer = new byte[MaxLineLength * 2];
    private int _start;
    private int _end;

    public Stream Stream { get; set; }

    public SmtpReplyReader(Stream stream)
    {
        Stream = stream;
    }

    /// <summary>True when the next hop sent bytes that nobody has read (a STARTTLS injection sign).</summary>
    public bool HasBufferedData => _end > _start;

    public async Task<SmtpReply> ReadAsync(CancellationToken cancellationToken)
    {
        var lines = new List<string>();
        var code = 0;
        while (true)
        {
            var line = await ReadLineAsync(cancellationToken);
            if (line.Length < 3 || !int.TryParse(line.AsSpan(0, 3), NumberStyles.None, CultureInfo.InvariantCulture, out var lineCode)
                || lineCode < 200 || lineCode > 599 || (line.Length > 3 && line[3] is not (' ' or '-')))
            {
                throw new SmtpProtocolException($"The next hop sent a malformed reply line: '{Truncate(line)}'.");
            }

            if (code != 0 && lineCode != code)
            {
                throw new SmtpProtocolException("The next hop changed the reply code within one reply.");
            }

            code = lineCode;
            lines.Add(line.Length > 4 ? line[4..] : "");
            if (line.Length == 3 || line[3] == ' ')
            {
                return WithEnhancedCode(code, lines);
            }

            if (lines.Count >= MaxLines)
            {
                throw new SmtpProtocolException($"The next hop sent a reply of more than {MaxLines} lines.");
            }
        }
    }

    private async Task<string> ReadLineAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            var newline = Array.IndexOf(_buffer, (byte)'\n', _start, _end - _start);
            if (newline >= 0)
            {
                var length = newline - _start;
                if (length > 0 && _buffer[newline - 1] == '\r')
                {
                    length--;
                }

                var line = Encoding.UTF8.GetString(_buffer, _start, length);
                _start = newline + 1;
                return line;
            }

            if (_end - _start >= MaxLineLength)
            {
                throw new SmtpProtocolException($"The next hop sent a reply line longer than {MaxLineLength} bytes.");
            }

            if (_start > 0)
            {
                Buffer.BlockCopy(_buffer, _start, _buffer, 0, _end - _start);
                _end -= _start;
                _start = 0;
            }

            var read = await Stream.ReadAsync(_buffer.AsMemory(_end), cancellationToken);
            if (read == 0)
            {
                throw new IOException("The next hop closed the connection.");
            }

            _end += read;
        }
    }

    private static SmtpReply WithEnhancedCode(int code, List<string> lines)
    {
        var enhanced = EnhancedCodeOf(lines[0], code);
        if (enhanced is null)
        {
            return new SmtpReply(code, null, lines);
        }

        var stripped = lines.Select(l => EnhancedCodeOf(l, code) == enhanced ? l[enhanced.Length..].TrimStart() : l).ToList();
        return new SmtpReply(code, enhanced, stripped);
    }

    // RFC 3463: class.subject.detail, the class matching the reply code's first digit.
    private static string? EnhancedCodeOf(string text, int code)
    {
        var end = text.IndexOf(' ', StringComparison.Ordinal);
        var candidate = end < 0 ? text : text[..end];
        var parts = candidate.Split('.');
        return parts.Length == 3 && parts[0] == (code / 100).ToString(CultureInfo.InvariantCulture)
            && parts.All(p => p.Length is > 0 and <= 3 && p.All(char.IsAsciiDigit))
            ? candidate
            : null;
    }

    private static string Truncate(string line) => line.Length <= 80 ? line : line[..80] + "…";
}
