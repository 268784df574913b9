using Mailseal.Delivery;
using Mailseal.Delivery.Dkim;
using Mailseal.Delivery.Smtp;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Mailseal.Portal.Mail;

/// <summary>
/// Signs the portal's mail with the DKIM key of its From domain and hands it to the gateway's Submission listener
/// over SMTP AUTH. The gateway never seals Submission mail and never signs mail it does not seal, so this is the
/// one signature the mail gets.
/// </summary>
public sealed class SubmissionMailSender : IPortalMailSender, IAsyncDisposable
{
    private readonly DkimMessageSigner _signer;
    private readonly SmtpNextHopDelivery _delivery;

    public SubmissionMailSender(
        IOptions<PortalMailOptions> options, DkimMessageSigner signer, TimeProvider time, ILogger<SmtpNextHopDelivery> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        var submission = options.Value.Submission;
        _signer = signer;
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

    public async Task<DeliveryResult> SendAsync(OutboundMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (message.Content.CanSeek)
        {
            return await SignAndSendAsync(message, cancellationToken);
        }

        // Signing reads the message twice.
        await using var copy = new MemoryStream();
        await message.Content.CopyToAsync(copy, cancellationToken);
        copy.Position = 0;
        return await SignAndSendAsync(message with { Content = copy }, cancellationToken);
    }

    public ValueTask DisposeAsync() => _delivery.DisposeAsync();

    private async Task<DeliveryResult> SignAndSendAsync(OutboundMessage message, CancellationToken cancellationToken)
    {
        OutboundMessage signed;
        try
        {
            signed = await _signer.SignAsync(message, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // No key store, no signature: the mail is not sent unsigned but reported as a transient failure.
            return DeliveryResult.ForAll(message.Recipients, DeliveryStatus.TransientFailure, $"DKIM signing failed ({ex.GetType().Name}).");
        }

        return await _delivery.DeliverAsync(signed, cancellationToken);
    }
}
