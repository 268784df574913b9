using System.Text;

namespace Mailseal.Gateway.Front;

internal sealed partial class SmtpSession
{
    private const string UserNameChallenge = "VXNlcm5hbWU6"; // "Username:"
    private const string PasswordChallenge = "UGFzc3dvcmQ6"; // "Password:"

    /// <summary>AUTH PLAIN (RFC 4616) and AUTH LOGIN. Credentials never reach a log.</summary>
    public async ValueTask<CommandResult> AuthenticateAsync(SmtpCommand command, CancellationToken cancellationToken)
    {
        if (_authenticatedUser is not null)
        {
            return await ReplyAsync(FrontReplies.AlreadyAuthenticated, cancellationToken);
        }

        if (!CanAuthenticate)
        {
            return await ReplyAsync(FrontReplies.EncryptionRequired, cancellationToken);
        }

        var parts = command.Argument.Split(' ', 2, StringSplitOptions.RemoveEmptyEntries);
        var mechanism = parts.Length > 0 ? parts[0].ToUpperInvariant() : string.Empty;
        var initial = parts.Length > 1 ? parts[1] : null;
        if (mechanism is not ("PLAIN" or "LOGIN"))
        {
            return await ReplyAsync(FrontReplies.UnknownMechanism, cancellationToken);
        }

        var credentials = mechanism == "PLAIN"
            ? await ReadPlainAsync(initial, cancellationToken)
            : await ReadLoginAsync(initial, cancellationToken);

        if (credentials is not { } given)
        {
            return await ReplyAsync(FrontReplies.AuthenticationCancelled, cancellationToken);
        }

        var accepted = given.UserName is not null && _context.Authenticator.Verify(given.UserName, given.Password);
        FrontLog.Authentication(_context.Logger, _connectionId, RemoteEndPoint, accepted);
        if (!accepted)
        {
            return await ReplyAsync(FrontReplies.AuthenticationFailed, cancellationToken);
        }

        _authenticatedUser = given.UserName;
        return await ReplyAsync(FrontReplies.AuthenticationSucceeded, cancellationToken);
    }

    // authzid NUL authcid NUL passwd; an authorization identity other than the user is refused (UserName null).
    private async Task<(string? UserName, string Password)?> ReadPlainAsync(string? initial, CancellationToken cancellationToken)
    {
        var response = initial ?? await ChallengeAsync(string.Empty, cancellationToken);
        var decoded = DecodeBase64(response == "=" ? string.Empty : response);
        if (decoded is null)
        {
            return null;
        }

        var fields = decoded.Split('\0');
        if (fields.Length != 3)
        {
            return null;
        }

        var authorized = fields[0].Length == 0 || fields[0] == fields[1];
        return (authorized ? fields[1] : null, fields[2]);
    }

    private async Task<(string? UserName, string Password)?> ReadLoginAsync(string? initial, CancellationToken cancellationToken)
    {
        var userName = DecodeBase64(initial ?? await ChallengeAsync(UserNameChallenge, cancellationToken));
        if (userName is null)
        {
            return null;
        }

        var password = DecodeBase64(await ChallengeAsync(PasswordChallenge, cancellationToken));
        return password is null ? null : (userName, password);
    }

    // Sends "334 challenge" and returns the client's line, or null for "*", a bad line or a closed connection.
    private async Task<string?> ChallengeAsync(string challenge, CancellationToken cancellationToken)
    {
        _connection.WriteLine($"334 {challenge}");
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(Options.CommandTimeout);
        var line = await _connection.ReadLineAsync(Options.MaxLineLength, timeout.Token);
        return line.Status == LineStatus.Line && line.Text != "*" ? line.Text : null;
    }

    private static string? DecodeBase64(string? text)
    {
        if (text is null)
        {
            return null;
        }

        var buffer = new byte[(text.Length * 3 / 4) + 3];
        return Convert.TryFromBase64String(text, buffer, out var written)
            ? new UTF8Encoding(false, throwOnInvalidBytes: false).GetString(buffer, 0, written)
            : null;
    }
}
