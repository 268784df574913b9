using System.Text;
using Mailseal.Delivery.Pickup;
using Mailseal.Delivery.Tests.Infrastructure;
using Mailseal.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace Mailseal.Delivery.Tests.Pickup;

public sealed class PickupFolderDeliveryTests : IDisposable
{
    private readonly TempDirectory _temp = new();
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 3, 2, 9, 30, 0, TimeSpan.Zero));

    private string Outbox => _temp.Combine("outbox");

    [Fact]
    public async Task DeliverAsync_Message_WritesEnvelopeLinesThenTheExactBytes()
    {
        var content = TestMessages.Simple(body: "Grüße.\r\n.dot\r\n");

        var result = await Create().DeliverAsync(TestMessages.Envelope(content, "bob@example.net", "carol@example.net"), CancellationToken.None);

        Assert.True(result.AllDelivered);
        var file = Assert.Single(Directory.GetFiles(Outbox));
        Assert.EndsWith(".eml", file, StringComparison.Ordinal);
        var expected = Encoding.ASCII.GetBytes("X-Sender: alice@example.com\r\nX-Receiver: bob@example.net\r\nX-Receiver: carol@example.net\r\n");
        var written = await File.ReadAllBytesAsync(file);
        Assert.Equal([.. expected, .. content], written);
    }

    [Fact]
    public async Task BeginThenComplete_WritesTheWholeFileAtCompletion()
    {
        var delivery = Create();
        var content = TestMessages.Simple();

        await using var transaction = await delivery.BeginAsync(new OutboundEnvelope(TestMessages.Sender, ["bob@example.net"]), CancellationToken.None);
        Assert.False(Directory.Exists(Outbox) && Directory.GetFiles(Outbox).Length > 0);
        var result = await transaction.CompleteAsync(new MemoryStream(content), CancellationToken.None);

        Assert.True(result.AllDelivered);
        var written = await File.ReadAllBytesAsync(Assert.Single(Directory.GetFiles(Outbox)));
        Assert.Equal([.. "X-Sender: alice@example.com\r\nX-Receiver: bob@example.net\r\n"u8.ToArray(), .. content], written);
    }

    [Fact]
    public async Task DeliverAsync_NullSender_WritesEmptyPath()
    {
        var message = new OutboundMessage("", ["bob@example.net"], new MemoryStream(TestMessages.Simple()));

        await Create().DeliverAsync(message, CancellationToken.None);

        var text = Encoding.UTF8.GetString(await File.ReadAllBytesAsync(Assert.Single(Directory.GetFiles(Outbox))));
        Assert.StartsWith("X-Sender: <>\r\nX-Receiver: bob@example.net\r\n", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DeliverAsync_Succeeds_LeavesOnlyTheFinalFile()
    {
        await Create().DeliverAsync(TestMessages.Envelope(TestMessages.Simple()), CancellationToken.None);

        Assert.Equal([".eml"], Directory.GetFiles(Outbox).Select(Path.GetExtension));
    }

    [Fact]
    public async Task DeliverAsync_ManyCopies_NamesAreUniqueAndSortByTime()
    {
        var delivery = Create();
        var order = new List<string>();
        for (var i = 0; i < 20; i++)
        {
            // Half the copies share a timestamp with the one before.
            if (i % 2 == 0)
            {
                _time.Advance(TimeSpan.FromTicks(1));
            }

            await delivery.DeliverAsync(TestMessages.Envelope(TestMessages.Simple($"copy {i}")), CancellationToken.None);
            order.Add(Path.GetFileName(Directory.GetFiles(Outbox).Except(order.Select(n => Path.Combine(Outbox, n))).Single()));
        }

        Assert.Equal(20, order.Distinct(StringComparer.Ordinal).Count());
        Assert.Equal(order, order.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task DeliverAsync_ReadingTheMessageFails_TransientFailureAndNoFileLeft()
    {
        var message = new OutboundMessage(TestMessages.Sender, ["bob@example.net"], new FailingStream(new byte[100_000]));

        var result = await Create().DeliverAsync(message, CancellationToken.None);

        var recipient = Assert.Single(result.Recipients);
        Assert.Equal(DeliveryStatus.TransientFailure, recipient.Status);
        Assert.Contains("spool file", recipient.Detail, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFiles(Outbox));
    }

    [Fact]
    public async Task DeliverAsync_FolderCannotBeCreated_TransientFailure()
    {
        await File.WriteAllTextAsync(_temp.Combine("blocked"), "a file where the folder should be");
        var delivery = new PickupFolderDelivery(_temp.Combine("blocked"), _time, NullLogger<PickupFolderDelivery>.Instance);

        var result = await delivery.DeliverAsync(TestMessages.Envelope(TestMessages.Simple()), CancellationToken.None);

        Assert.Equal(DeliveryStatus.TransientFailure, Assert.Single(result.Recipients).Status);
    }

    [Fact]
    public async Task DeliverAsync_ReceiverWithLineBreak_ThrowsAndWritesNothing()
    {
        await Assert.ThrowsAsync<ArgumentException>(() => Create().DeliverAsync(
            TestMessages.Envelope(TestMessages.Simple(), "bob@example.net\r\nX-Receiver: eve@example.org"), CancellationToken.None));

        Assert.False(Directory.Exists(Outbox) && Directory.EnumerateFileSystemEntries(Outbox).Any());
    }

    public void Dispose() => _temp.Dispose();

    private PickupFolderDelivery Create() => new(Outbox, _time, NullLogger<PickupFolderDelivery>.Instance);
}
