using Microsoft.Extensions.Options;

namespace Mailseal.Portal.Replying;

/// <summary>Refuses to start without a usable service address: replies could not be sent at all.</summary>
internal sealed class ReplyOptionsValidator : IValidateOptions<ReplyOptions>
{
    public ValidateOptionsResult Validate(string? name, ReplyOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return MailAddresses.IsUsable(options.ServiceAddress)
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail(
                $"{ReplyOptions.SectionName}:ServiceAddress must be the mail address sealed replies come from, e.g. secure-reply@example.org.");
    }
}
