using Mailseal.Delivery.Smtp;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Mailseal.Portal.Mail;

/// <summary>Checks <see cref="PortalMailOptions"/> at start: without a service address and a listener, no code mail could leave.</summary>
public sealed class PortalMailOptionsValidator : IValidateOptions<PortalMailOptions>
{
    public ValidateOptionsResult Validate(string? name, PortalMailOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        if (string.IsNullOrWhiteSpace(options.ServiceAddress)
            || !MailboxAddress.TryParse(options.ServiceAddress, out var mailbox) || mailbox.Address != options.ServiceAddress.Trim()
            || string.IsNullOrEmpty(mailbox.Domain))
        {
            failures.Add("Portal:ServiceAddress must be a plain address such as no-reply@example.org.");
        }

        var submission = options.Submission;
        if (submission.Endpoint is null || !NextHopAddress.TryParse(submission.Endpoint, out _))
        {
            failures.Add("Portal:Submission:Endpoint must be host:port of the gateway's Submission listener.");
        }

        if (string.IsNullOrEmpty(submission.UserName) || string.IsNullOrEmpty(submission.Password))
        {
            failures.Add("Portal:Submission:UserName and Portal:Submission:Password must both be set.");
        }

        if (!Enum.IsDefined(submission.TlsPolicy))
        {
            failures.Add("Portal:Submission:TlsPolicy must be Opportunistic, Required or Off.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
