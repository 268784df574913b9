using System.Threading.Channels;
using Microsoft.Extensions.Options;

namespace Mailseal.Portal.PassCodes;

/// <summary>
/// Code mails between the request (which must answer at once, alike for everyone) and the worker that writes
/// and sends them. Bounded: when full, a request is answered the same and its mail is not sent.
/// </summary>
internal sealed class PassCodeMailQueue(IOptions<PassCodeOptions> options)
{
    private readonly Channel<PassCodeMailJob> _channel = Channel.CreateBounded<PassCodeMailJob>(
        new BoundedChannelOptions(options.Value.MailQueueCapacity)
        {
            FullMode = BoundedChannelFullMode.Wait,
            SingleReader = true,
        });

    /// <summary>False when the queue is full.</summary>
    public bool TryEnqueue(PassCodeMailJob job) => _channel.Writer.TryWrite(job);

    public ChannelReader<PassCodeMailJob> Reader => _channel.Reader;
}
