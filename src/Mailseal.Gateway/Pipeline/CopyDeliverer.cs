using Mailseal.Core.Branding;
using Mailseal.Delivery;
using Mailseal.Delivery.Dkim;
using Mailseal.Gateway.Front;
using Mailseal.Protection;
using Mailseal.Protection.Envelope;
using Mailseal.Protection.Sealing;
using Microsoft.Extensions.Options;

namespace Mailseal.Gateway.Pipeline;

/// <summary>
/// Makes one copy and delivers it: seals (into a spool, then DKIM-signs the wrapper), unseals (the inner message
/// alone, verified in full before it leaves), or passes it with its header actions. Every copy gets a Received field.
/// Sealing failures propagate: the caller answers for them and never falls back to plain text.
/// </summary>
public sealed class CopyDeliverer(
    MessageSealer sealer,
    MessageUnsealer unsealer,
    IMessageDelivery delivery,
    DkimMessageSigner dkim,
    SpoolFactory spoolFactory,
    IOptions<GatewayFrontOptions> front,
    TimeProvider time)
{
    private string Hostname => front.Value.Hostname;

    public async Task<CopyResult> DeliverAsync(CopyRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        return request.Plan.Action switch
        {
            CopyAction.Seal => await SealAsync(request, cancellationToken),
            CopyAction.Unseal => await UnsealAsync(request, cancellationToken),
            CopyAction.Plain => await PlainAsync(request, request.Plan.PassedUnsealed ? "delivered unencrypted (message class)" : "delivered", cancellationToken),
            _ => CopyResult.ForAll(request.Plan, request.Plan.RejectReply ?? PipelineReplies.TemporaryFailure),
        };
    }

    /// <summary>
    /// The next hop answers the envelope while the copy is sealed and signed. When sealing fails, the begun transaction is
    /// dropped unfinished: the next hop gets nothing, and the failure propagates.
    /// </summary>
    private async Task<CopyResult> SealAsync(CopyRequest request, CancellationToken cancellationToken)
    {
        var plan = request.Plan;
        var envelope = new OutboundEnvelope(request.Transaction.ReversePath, plan.Recipients);
        await using var transaction = await delivery.BeginAsync(envelope, cancellationToken);
        await using var output = spoolFactory();
        await WriteReceivedAsync(request.Transaction, output, cancellationToken);
        request.Spool.Position = 0;
        var sealRequest = new MessageSealRequest(
            SenderOf(request), plan.Recipients, plan.Decision.BrandingTemplate ?? OmeConfiguration.DefaultIdentity, request.Language);
        var license = await sealer.SealAsync(request.Spool, sealRequest, output, cancellationToken);
        output.Position = 0;
        var signed = await dkim.SignAsync(envelope.With(output), cancellationToken);
        var result = await transaction.CompleteAsync(signed.Content, cancellationToken);
        var replies = Replies(signed, result, $"delivered encrypted as envelope {license.EnvelopeIdHex}");
        return new CopyResult(plan, replies, license.EnvelopeIdHex, output.Length);
    }

    private async Task<CopyResult> UnsealAsync(CopyRequest request, CancellationToken cancellationToken)
    {
        await using var inner = spoolFactory();
        License license;
        try
        {
            request.Spool.Position = 0;
            license = await unsealer.UnsealAsync(request.Spool, inner, cancellationToken);
        }
        catch (EnvelopeInvalidException)
        {
            // The license verified but the content does not: it stays sealed, so nothing leaks.
            return await PlainAsync(request, "delivered still encrypted (envelope damaged)", cancellationToken);
        }

        await using var output = spoolFactory();
        await WriteReceivedAsync(request.Transaction, output, cancellationToken);
        await output.WriteAsync(TraceHeaders.Unsealed(license.EnvelopeIdHex, license.Sender, Hostname), cancellationToken);
        inner.Position = 0;
        await inner.CopyToAsync(output, cancellationToken);
        output.Position = 0;
        var replies = await SendAsync(
            new OutboundMessage(request.Transaction.ReversePath, request.Plan.Recipients, output), $"delivered decrypted from envelope {license.EnvelopeIdHex}", cancellationToken);
        return new CopyResult(request.Plan, replies, license.EnvelopeIdHex, output.Length) { InnerMessageId = license.OriginalMessageId };
    }

    private async Task<CopyResult> PlainAsync(CopyRequest request, string action, CancellationToken cancellationToken)
    {
        await using var output = spoolFactory();
        await WriteReceivedAsync(request.Transaction, output, cancellationToken);
        request.Spool.Position = 0;
        if (HeaderRewriter.HasChanges(request.Plan.Decision))
        {
            await HeaderRewriter.WriteAsync(request.Spool, request.Plan.Decision, output, cancellationToken);
        }
        else
        {
            await request.Spool.CopyToAsync(output, cancellationToken);
        }

        output.Position = 0;
        var replies = await SendAsync(new OutboundMessage(request.Transaction.ReversePath, request.Plan.Recipients, output), action, cancellationToken);
        return new CopyResult(request.Plan, replies, BytesOut: output.Length);
    }

    private async Task<IReadOnlyList<SmtpReply>> SendAsync(OutboundMessage message, string action, CancellationToken cancellationToken) =>
        Replies(message, await delivery.DeliverAsync(message, cancellationToken), action);

    private static SmtpReply[] Replies(OutboundMessage message, DeliveryResult result, string action) =>
        [.. message.Recipients.Select((_, i) => i < result.Recipients.Count
            ? PipelineReplies.Delivered(result.Recipients[i], action)
            : PipelineReplies.TemporaryFailure)];

    private Task WriteReceivedAsync(MessageTransaction transaction, Stream output, CancellationToken cancellationToken) =>
        output.WriteAsync(TraceHeaders.Received(transaction, Hostname, time.GetUtcNow()), cancellationToken).AsTask();

    private static string SenderOf(CopyRequest request) =>
        request.Transaction.ReversePath.Length > 0 ? request.Transaction.ReversePath : request.Sender;
}
