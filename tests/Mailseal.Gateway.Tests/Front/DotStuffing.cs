namespace Mailseal.Gateway.Tests.Front;

/// <summary>What a client does before DATA: double a leading dot on every line, and end with CRLF "." CRLF.</summary>
internal static class DotStuffing
{
    public static byte[] ForData(ReadOnlySpan<byte> message)
    {
        var output = new List<byte>(message.Length + 1024);
        var lineStart = true;
        foreach (var b in message)
        {
            if (lineStart && b == '.')
            {
                output.Add((byte)'.');
            }

            output.Add(b);
            lineStart = b == '\n';
        }

        if (message.Length < 2 || message[^2] != '\r' || message[^1] != '\n')
        {
            output.AddRange("\r\n"u8.ToArray());
        }

        output.AddRange(".\r\n"u8.ToArray());
        return [.. output];
    }
}
