using System.Data.Common;
using System.Security.Cryptography;
using Mailseal.Protection.Envelope;
using Microsoft.Extensions.Options;

namespace Mailseal.Cli;

/// <summary>Turns the failures an operator can act on into one clear line; anything else is an internal error.</summary>
internal static class CliErrors
{
    public const int Failure = 1;
    public const int InternalError = 70;

    public static int Report(Exception exception, CliConsole console)
    {
        ArgumentNullException.ThrowIfNull(exception);
        var (code, message) = exception switch
        {
            EnvelopeInvalidException => (Failure, exception.Message),
            OptionsValidationException e => (Failure, "configuration: " + string.Join("; ", e.Failures)),
            ArgumentException or InvalidOperationException or FormatException => (Failure, exception.Message),
            IOException or UnauthorizedAccessException => (Failure, exception.Message),
            CryptographicException => (Failure, "cryptographic error: " + exception.Message),
            DbException => (Failure, "the database is unavailable: " + exception.Message),
            _ => (InternalError, $"internal error ({exception.GetType().Name}): {exception.Message}"),
        };
        console.Error.WriteLine("mailseal: " + OneLine(message));
        return code;
    }

    private static string OneLine(string message) => message.ReplaceLineEndings(" ").Trim();
}
