using System.Text;

namespace Mailseal.Testing.Corpus;

/// <summary>Classic uuencode (begin/end block) for text bodies that carry a file the old way.</summary>
internal static class UuEncoding
{
    public static string Encode(string fileName, byte[] content)
    {
        var builder = new StringBuilder();
        builder.Append("begin 644 ").Append(fileName).Append('\n');
        for (var offset = 0; offset < content.Length; offset += 45)
        {
            var count = Math.Min(45, content.Length - offset);
            builder.Append(Character(count));
            for (var i = 0; i < count; i += 3)
            {
                var b0 = content[offset + i];
                var b1 = i + 1 < count ? content[offset + i + 1] : (byte)0;
                var b2 = i + 2 < count ? content[offset + i + 2] : (byte)0;
                builder.Append(Character(b0 >> 2))
                    .Append(Character(((b0 << 4) | (b1 >> 4)) & 0x3F))
                    .Append(Character(((b1 << 2) | (b2 >> 6)) & 0x3F))
                    .Append(Character(b2 & 0x3F));
            }

            builder.Append('\n');
        }

        return builder.Append("`\nend\n").ToString();
    }

    // Zero maps to a backquote rather than a space, so no line ends in whitespace.
    private static char Character(int value) => value == 0 ? '`' : (char)(value + 32);
}
