using System.Collections.Concurrent;
using Mailseal.Gateway.Front;

namespace Mailseal.Gateway.Tests.Front;

/// <summary>Keeps every message it is given and answers as the test says (250 for all by default).</summary>
internal sealed class RecordingMessageHandler : IMessageHandler
{
    public ConcurrentQueue<ReceivedMessage> Messages { get; } = new();

    /// <summary>Makes the outcome; may throw to test the front's answer to a failing handler.</summary>
    public Func<MessageTransaction, MessageOutcome>? Respond { get; set; }

    /// <summary>Awaited after the message is recorded and before the outcome is returned.</summary>
    public Func<CancellationToken, Task>? Gate { get; set; }

    /// <summary>Completes when the handler has been entered (after recording).</summary>
    public TaskCompletionSource Entered { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public async Task<MessageOutcome> HandleAsync(MessageTransaction transaction, Stream message, CancellationToken cancellationToken)
    {
        Assert.Equal(0, message.Position);
        using var copy = new MemoryStream();
        await message.CopyToAsync(copy, cancellationToken);
        Messages.Enqueue(new ReceivedMessage(transaction, copy.ToArray()));
        Entered.TrySetResult();
        if (Gate is not null)
        {
            await Gate(cancellationToken);
        }

        return Respond?.Invoke(transaction) ?? MessageOutcome.ForAll(transaction.Recipients.Count, SmtpReply.Ok("Queued"));
    }
}
