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

    /// <summary>Not the client's fault: the spool could not be written (answered 451 4.3.0).</summary>
    SpoolFailed = 32,
}
