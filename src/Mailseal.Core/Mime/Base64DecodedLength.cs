using System.Buffers;

namespace Mailseal.Core.Mime;

/// <summary>
/// Counts what a base64 text decodes to without decoding it, fed in pieces as they are read. Only a well-formed
/// text has a length: base64 symbols and line-break or blank white space, then at most two '=' at the end that
/// complete the last group. Anything else (a stray byte, data after the padding, a group left short) has none,
/// because a lenient decoder's output for it is not the size the sender meant.
/// </summary>
public sealed class Base64DecodedLength
{
    private const int PieceBytes = 32 * 1024;

    private static readonly SearchValues<byte> SymbolsAndWhiteSpace =
        SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/\r\n \t"u8);

    private static readonly SearchValues<byte> PaddingAndWhiteSpace = SearchValues.Create("=\r\n \t"u8);

    private static readonly SearchValues<byte> Blanks = SearchValues.Create(" \t"u8);

    private long _symbols;
    private long _padding;
    private bool _malformed;

    /// <summary>The decoded length, or null when the text is not well-formed base64.</summary>
    public long? Result
    {
        get
        {
            if (_malformed || _padding > 2 || (_symbols + _padding) % 4 != 0)
            {
                return null;
            }

            // Every four symbols are three bytes; a last group of three symbols is two bytes, of two symbols one.
            return (_symbols / 4 * 3) + (_symbols % 4) switch
            {
                3 => 2,
                2 => 1,
                _ => 0,
            };
        }
    }

    public void Add(ReadOnlySpan<byte> text)
    {
        // Several passes go over each piece: pieces that fit the CPU cache make them cheap after the first.
        for (; text.Length > PieceBytes; text = text[PieceBytes..])
        {
            AddPiece(text[..PieceBytes]);
        }

        AddPiece(text);
    }

    private void AddPiece(ReadOnlySpan<byte> text)
    {
        if (_malformed)
        {
            return;
        }

        // Symbols and white space run up to the padding (or a stray byte); once padding has begun, only more padding
        // and white space may follow.
        var end = _padding > 0 ? 0 : text.IndexOfAnyExcept(SymbolsAndWhiteSpace);
        var symbols = end < 0 ? text : text[..end];
        _symbols += symbols.Length - WhiteSpace(symbols);
        if (end >= 0)
        {
            var tail = text[end..];
            _malformed = tail.IndexOfAnyExcept(PaddingAndWhiteSpace) >= 0;
            _padding += tail.Count((byte)'=');
        }
    }

    private static int WhiteSpace(ReadOnlySpan<byte> symbols) =>
        symbols.Count((byte)'\n') + symbols.Count((byte)'\r')
        + (symbols.IndexOfAny(Blanks) < 0 ? 0 : symbols.Count((byte)' ') + symbols.Count((byte)'\t'));
}
