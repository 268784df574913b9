using System.Collections.Concurrent;
using Mailseal.Delivery;
using Mailseal.Portal.Mail;

namespace Mailseal.Portal.Tests.Replying;

/// <summary>The submission boundary, recorded: keeps each message's envelope and bytes and accepts it (or refuses, when told).</summary>
internal sealed class RecordingPortalMailSender : IPortalMailSender
{
    public sealed record Sent(string Sender, IReadOnlyList<string> Recipients, byte[] Content);

    private readonly ConcurrentQueue<Sent> _sent = new();

    public DeliveryStatus Answer { get; set; } = DeliveryStatus.Delivered;

    public IReadOnlyList<Sent> Messages => [.. _sent];

    public async Task<DeliveryResult> SendAsync(OutboundMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        using var copy = new MemoryStream();
        await message.Content.CopyToAsync(copy, cancellationToken);
        _sent.Enqueue(new Sent(message.Sender, [.. message.Recipients], copy.ToArray()));
        return DeliveryResult.ForAll(message.Recipients, Answer, "recorded");
    }
}
