using System.Text.RegularExpressions;
using MimeKit;

namespace Mailseal.Portal.Tests.EndToEnd;

/// <summary>Reads pass codes: from a code mail, and every run of 8 digits in a log, to look for codes there.</summary>
internal static partial class CodeMail
{
    public static string CodeOf(MimeMessage mail)
    {
        var match = EightDigits().Match(mail.TextBody ?? "");
        Assert.True(match.Success, "The code mail has no 8-digit code.");
        return match.Value;
    }

    public static IEnumerable<string> EightDigitRuns(string text) => EightDigits().Matches(text).Select(match => match.Value);

    [GeneratedRegex(@"\b\d{8}\b")]
    private static partial Regex EightDigits();
}
