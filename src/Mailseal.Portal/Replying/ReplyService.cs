using Mailseal.Delivery;
using Mailseal.Delivery.Dkim;
using Mailseal.Portal.Mail;
using Mailseal.Protection;
using Mailseal.Protection.Sealing;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Mailseal.Portal.Replying;

/// <summary>
/// Sends a reply, reply all or forward written in the portal (docs/portal-reading.md): checks the limits,
/// writes the inner reply from the verified replier, seals it with the organisation's keys to exactly its
/// recipients — one envelope per branding template, and one more to the replier alone for "send me a copy" —
/// DKIM-signs each wrapper for the service address's domain and submits each through
/// <see cref="IPortalMailSender"/>. New recipients only ever get a new envelope; the original license is
/// never widened. Nothing is written to disk. Thread-safe.
/// </summary>
public sealed class ReplyService
{
    private readonly MessageSealer _sealer;
    private readonly DkimMessageSigner _dkim;
    private readonly IPortalMailSender _sender;
    private readonly ReplySealingPlan _planner;
    private readonly ProtectionOptions _protection;
    private readonly IOptions<ReplyOptions> _options;
    private readonly TimeProvider _time;
    private readonly ILogger<ReplyService> _logger;

    internal ReplyService(
        MessageSealer sealer,
        DkimMessageSigner dkim,
        IPortalMailSender sender,
        ReplySealingPlan planner,
        ProtectionOptions protection,
        IOptions<ReplyOptions> options,
        TimeProvider time,
        ILogger<ReplyService> logger)
    {
        _sealer = sealer;
        _dkim = dkim;
        _sender = sender;
        _planner = planner;
        _protection = protection;
        _options = options;
        _time = time;
        _logger = logger;
    }

    /// <summary>
    /// Seals and submits the reply of <paramref name="replier"/> to <paramref name="original"/>, the unsealed
    /// inner message they are reading. A submission the gateway refuses is reported in the outcome, not thrown.
    /// </summary>
    /// <exception cref="ReplyRejectedException">A limit or a transport rule forbids the reply; nothing was sent.</exception>
    /// <exception cref="SealingRefusedException">The organisation cannot seal now (no active keys, …); nothing was sent.</exception>
    /// <exception cref="ArgumentException">The replier's address is not a usable mail address.</exception>
    public async Task<ReplyOutcome> SendAsync(MimeMessage original, Replier replier, ReplyRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(original);
        ArgumentNullException.ThrowIfNull(replier);
        ArgumentNullException.ThrowIfNull(request);
        var options = _options.Value;
        var serviceAddress = options.ServiceAddress
            ?? throw new InvalidOperationException($"{ReplyOptions.SectionName}:ServiceAddress is not set.");
        if (!MailAddresses.IsUsable(replier.Address))
        {
            throw new ArgumentException("The replier's address is not a usable mail address.", nameof(replier));
        }

        try
        {
            ReplyLimits.Check(request, options);
            var recipients = ReplyRecipients.For(original, replier, request, options);
            var reply = ReplyComposer.Compose(
                original, replier, request, recipients, serviceAddress[(serviceAddress.LastIndexOf('@') + 1)..], _time.GetUtcNow());
            await using var inner = ReplyComposer.Serialize(reply);
            if (inner.Length > _protection.MaxMessageBytes)
            {
                throw new ReplyRejectedException(
                    ReplyRejectionReason.MessageTooLarge, $"The reply is {inner.Length} bytes; at most {_protection.MaxMessageBytes} can be sealed.");
            }

            var plan = await _planner.MakeAsync(reply, replier, recipients.All, request.SendCopyToReplier, inner.Length, cancellationToken);
            var wrapperFrom = new MailboxAddress(WrapperName(replier), serviceAddress);
            var submissions = new List<ReplySubmission>();
            foreach (var group in plan.Groups)
            {
                submissions.Add(await SealAndSubmitAsync(inner, group.Recipients, group.BrandingTemplate, plan.Language, replier, wrapperFrom, false, request.Kind, cancellationToken));
            }

            if (request.SendCopyToReplier)
            {
                submissions.Add(await SealAndSubmitAsync(inner, [replier.Address], plan.ReplierBranding, plan.Language, replier, wrapperFrom, true, request.Kind, cancellationToken));
            }

            return new ReplyOutcome(reply.MessageId ?? "", submissions);
        }
        catch (ReplyRejectedException ex)
        {
            ReplyLog.Rejected(_logger, request.Kind, ex.Reason);
            throw;
        }
    }

    private async Task<ReplySubmission> SealAndSubmitAsync(MemoryStream inner, IReadOnlyList<string> recipients, string branding, string language,
        Replier replier, MailboxAddress wrapperFrom, bool isCopy, ReplyKind kind, CancellationToken cancellationToken)
    {
        inner.Position = 0;
        await using var wrapper = new MemoryStream();
        var request = new MessageSealRequest(replier.Address, recipients, branding, language, WrapperFrom: wrapperFrom);
        var license = await _sealer.SealAsync(inner, request, wrapper, cancellationToken);
        wrapper.Position = 0;
        var signed = await _dkim.SignAsync(new OutboundMessage(wrapperFrom.Address, recipients, wrapper), cancellationToken);
        var result = await _sender.SendAsync(signed, cancellationToken);
        var envelopeId = license.EnvelopeIdHex;
        var accepted = result.AllDelivered;
        ReplyLog.Submitted(_logger, kind, envelopeId, recipients.Count, isCopy, accepted);
        return new ReplySubmission(envelopeId, recipients, isCopy, result);
    }

    /// <summary>The replier's name on the wrapper; their address when they have none, so the recipient sees who wrote.</summary>
    private static string WrapperName(Replier replier) =>
        Viewing.DisplayText.Clean(replier.DisplayName, 200) is { Length: > 0 } name ? name : replier.Address;
}
