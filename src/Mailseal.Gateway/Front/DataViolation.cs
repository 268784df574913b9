namespace Mailseal.Gateway.Front;

/// <summary>Limits and rules a message broke while it was read; the front still reads to the real end.</summary>
[Flags]
internal enum DataViolation
{
    None = 0,
    TooBig = 1,
    LineTooLong = 2,
    HeaderTooBig = 4,
    NulByte = 8,
    BareNewline = 16,
}
