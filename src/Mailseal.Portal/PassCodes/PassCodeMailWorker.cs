using Mailseal.Core.Tracking;
using Mailseal.Delivery;
using Mailseal.Delivery.Dkim;
using Mailseal.Portal.Mail;
using Mailseal.Portal.Metrics;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Mailseal.Portal.PassCodes;

/// <summary>
/// Writes and sends the queued code mails, one at a time, off the request path. A non-recipient's entry is
/// dropped here, so the request that queued it looked exactly like a recipient's. Each mail is DKIM-signed here,
/// once: neither the sender nor the gateway signs Submission mail.
/// </summary>
internal sealed partial class PassCodeMailWorker(
    PassCodeMailQueue queue, PassCodeMailComposer composer, DkimMessageSigner dkim, IPortalMailSender sender, ILogger<PassCodeMailWorker> logger,
    PassCodeMetrics metrics)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await foreach (var job in queue.Reader.ReadAllAsync(stoppingToken))
        {
            await SendAsync(job, stoppingToken);
        }
    }

    /// <summary>Sends one job; failures are logged (with the address hashed) and never stop the worker.</summary>
    internal async Task SendAsync(PassCodeMailJob job, CancellationToken cancellationToken)
    {
        var addressHash = RecipientHash.Of(job.Address);
        if (!job.IsRecipient)
        {
            LogDropped(logger, addressHash, job.License.EnvelopeIdHex);
            return;
        }

        try
        {
            var message = await composer.ComposeAsync(job, cancellationToken);
            await using (message.Content)
            {
                var result = await sender.SendAsync(await dkim.SignAsync(message, cancellationToken), cancellationToken);
                if (result.AllDelivered)
                {
                    LogSent(logger, addressHash, job.License.EnvelopeIdHex, job.Reference);
                    metrics.Sent();
                }
                else
                {
                    // The reply code only: a reply's text may quote the address.
                    LogNotSent(logger, addressHash, job.License.EnvelopeIdHex, result.Recipients[0].Status, result.Recipients[0].ReplyCode);
                    metrics.SendFailed();
                }
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // One mail that cannot be written or sent must not stop the codes of everyone else; the recipient can resend.
            LogFailed(logger, addressHash, job.License.EnvelopeIdHex, ex.GetType().Name);
            metrics.SendFailed();
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Pass code requested for {AddressHash}, not a recipient of envelope {EnvelopeId}: no mail sent")]
    private static partial void LogDropped(ILogger logger, string addressHash, string envelopeId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Pass code mail for {AddressHash}, envelope {EnvelopeId}, reference {Reference} handed to the gateway")]
    private static partial void LogSent(ILogger logger, string addressHash, string envelopeId, string reference);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Pass code mail for {AddressHash}, envelope {EnvelopeId} not accepted ({Status}, reply {ReplyCode})")]
    private static partial void LogNotSent(ILogger logger, string addressHash, string envelopeId, DeliveryStatus status, int? replyCode);

    [LoggerMessage(Level = LogLevel.Error, Message = "Pass code mail for {AddressHash}, envelope {EnvelopeId} failed: {Error}")]
    private static partial void LogFailed(ILogger logger, string addressHash, string envelopeId, string error);
}
