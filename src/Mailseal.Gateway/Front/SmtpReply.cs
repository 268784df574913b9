using System.Globalization;

namespace Mailseal.Gateway.Front;

/// <summary>An SMTP/LMTP reply: a three-digit code, an RFC 3463 enhanced status code and a text.</summary>
/// <param name="Code">200–599.</param>
/// <param name="EnhancedCode">Class.subject.detail, e.g. "2.0.0"; its class must match the code's first digit.</param>
/// <param name="Text">One line, no CR or LF.</param>
public sealed record SmtpReply(int Code, string EnhancedCode, string Text)
{
    public bool IsPositive => Code is >= 200 and < 300;

    public bool IsTransient => Code is >= 400 and < 500;

    public bool IsPermanent => Code is >= 500 and < 600;

    public static SmtpReply Ok(string text = "Ok") => new(250, "2.0.0", text);

    /// <summary>True when the code is 2xx/4xx/5xx, the enhanced code agrees with it and the text is one line.</summary>
    public bool IsWellFormed =>
        (IsPositive || IsTransient || IsPermanent)
        && EnhancedCode.Length >= 5
        && EnhancedCode[0] == (char)('0' + (Code / 100))
        && EnhancedCode[1] == '.'
        && !Text.Contains('\r', StringComparison.Ordinal)
        && !Text.Contains('\n', StringComparison.Ordinal);

    /// <summary>The reply as it goes on the wire, without the final CRLF.</summary>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{Code} {EnhancedCode} {Text}");
}
