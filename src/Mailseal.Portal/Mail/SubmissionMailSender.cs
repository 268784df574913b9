using Mailseal.Delivery;
using Mailseal.Delivery.Smtp;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Mailseal.Portal.Mail;

/// <summary>
/// Hands the portal's mail, exactly as given, to the gateway's Submission listener over SMTP AUTH. Callers
/// DKIM-sign first (the gateway signs only what it seals and never seals Submission mail), so each mail carries
/// exactly one signature.
/// </summary>
public sealed class SubmissionMailSender : IPortalMailSender, IAsyncDisposable
{
    private readonly SmtpNextHopDelivery _delivery;

    public SubmissionMailSender(IOptions<PortalMailOptions> options, TimeProvider time, ILogger<SmtpNextHopDelivery> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        var submission = options.Value.Submission;
        _delivery = new SmtpNextHopDelivery(
            Options.Create(new DeliveryOptions
            {
                NextHop = submission.Endpoint,
                UserName = submission.UserName,
                Password = submission.Password,
                TlsPolicy = submission.TlsPolicy,
                ValidateCertificate = submission.ValidateCertificate,
            }),
            time,
            logger);
    }

    public Task<DeliveryResult> SendAsync(OutboundMessage message, CancellationToken cancellationToken) =>
        _delivery.DeliverAsync(message, cancellationToken);

    public ValueTask DisposeAsync() => _delivery.DisposeAsync();
}
