using System.Globalization;

namespace Mailseal.Gateway.Front;

internal sealed partial class SmtpSession
{
    public async ValueTask<CommandResult> MailAsync(SmtpCommand command, CancellationToken cancellationToken)
    {
        if (Protocol == FrontProtocol.Submission && _authenticatedUser is null)
        {
            return await ReplyAsync(FrontReplies.AuthenticationRequired, cancellationToken);
        }

        var (path, error) = PathArgumentParser.Parse(command.Argument, "FROM");
        var refusal = error ?? ApplyMailParameters(path!);
        if (refusal is not null)
        {
            _transaction.Clear();
            _connection.Write(refusal);
            return CommandResult.Stay;
        }

        if (!_transaction.SmtpUtf8 && !PathArgumentParser.IsAscii(path!.Address))
        {
            _transaction.Clear();
            _connection.Write(FrontReplies.NonAsciiAddress);
            return CommandResult.Stay;
        }

        _transaction.ReversePath = path!.Address;
        return await ReplyAsync(FrontReplies.SenderOk, cancellationToken);
    }

    public async ValueTask<CommandResult> RecipientAsync(SmtpCommand command, CancellationToken cancellationToken)
    {
        if (_transaction.Recipients.Count >= Options.MaxRecipients)
        {
            _connection.Write(FrontReplies.TooManyRecipients);
            return CommandResult.Stay;
        }

        var (path, error) = PathArgumentParser.Parse(command.Argument, "TO");
        var refusal = error
            ?? (path!.Parameters.Count > 0 ? FrontReplies.UnknownParameter : null)
            ?? CheckRecipientAddress(path!.Address)
            ?? (_authenticatedUser is null && !_context.Relay.Allows(RemoteEndPoint.Address) ? FrontReplies.RelayDenied : null);
        if (refusal is not null)
        {
            _connection.Write(refusal);
            return CommandResult.Stay;
        }

        _transaction.Recipients.Add(path!.Address);
        return await ReplyAsync(FrontReplies.RecipientOk, cancellationToken);
    }

    // Fills the transaction from SIZE=, BODY=, SMTPUTF8 and AUTH=; returns the refusal, if any.
    private SmtpReply? ApplyMailParameters(PathArgument path)
    {
        _transaction.Clear();
        foreach (var (key, value) in path.Parameters)
        {
            switch (key)
            {
                case "SIZE" when long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var size):
                    if (size > Options.MaxMessageBytes)
                    {
                        return FrontReplies.SizeExceeded;
                    }

                    _transaction.DeclaredSize = size;
                    break;
                case "BODY" when string.Equals(value, "7BIT", StringComparison.OrdinalIgnoreCase):
                    _transaction.BodyType = BodyType.SevenBit;
                    break;
                case "BODY" when string.Equals(value, "8BITMIME", StringComparison.OrdinalIgnoreCase):
                    _transaction.BodyType = BodyType.EightBitMime;
                    break;
                case "SMTPUTF8" when value is null:
                    _transaction.SmtpUtf8 = true;
                    break;
                case "AUTH" when Protocol == FrontProtocol.Submission && value is not null:
                    // RFC 4954 §5: the original submitter; accepted and not used.
                    break;
                case "SIZE" or "BODY" or "SMTPUTF8":
                    return FrontReplies.SyntaxError;
                default:
                    return FrontReplies.UnknownParameter;
            }
        }

        return null;
    }

    private SmtpReply? CheckRecipientAddress(string address)
    {
        var isPostmaster = string.Equals(address, "postmaster", StringComparison.OrdinalIgnoreCase);
        var at = address.LastIndexOf('@');
        if (!isPostmaster && (at <= 0 || at == address.Length - 1))
        {
            return FrontReplies.BadAddress;
        }

        return !_transaction.SmtpUtf8 && !PathArgumentParser.IsAscii(address) ? FrontReplies.NonAsciiAddress : null;
    }
}
