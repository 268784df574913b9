namespace Mailseal.Gateway.Front;

/// <summary>How reading a command line ended.</summary>
internal enum LineStatus
{
    Line,
    TooLong,
    BareNewline,
    Closed,
}
