using Mailseal.Core.Rules;
using Mailseal.Core.Tracking;
using Mailseal.Delivery.Dkim;
using Mailseal.Gateway.Pipeline;
using Microsoft.Extensions.DependencyInjection;
using static Mailseal.Gateway.Tests.Pipeline.PipelineMessages;

namespace Mailseal.Gateway.Tests.Pipeline;

public sealed class TrackingTests
{
    [Fact]
    public async Task HandleAsync_SealAuditReject_CountedPerRuleDirectionAction()
    {
        await using var gateway = await GatewayHarness.StartAsync();
        await gateway.AddRuleAsync(SealExternal() with { Priority = 0 });
        await gateway.AddRuleAsync(Rule("Watch", new RuleActions { ApplyOme = true }, RulePredicate.Of("SubjectContainsWords", "figures")) with { Priority = 1, Mode = RuleMode.Audit });
        await gateway.AddRuleAsync(Rule("Block", new RuleActions { RejectMessageReasonText = "No" }, RulePredicate.Of("SentTo", "eve@example.net")) with { Priority = 2 });
        using var client = await gateway.ConnectAsync();
        Assert.Null(await TrySendAsync(client, Message(), Sender, ExternalRecipient));
        Assert.NotNull(await TrySendAsync(client, Message("Hello", "m2@example.org"), Sender, "eve@example.net"));

        await gateway.Services.GetRequiredService<TrafficRecorder>().FlushAsync(CancellationToken.None);
        var store = gateway.Services.GetRequiredService<ITrafficCounterStore>();
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var counts = await store.QueryAsync(today.AddDays(-1), today.AddDays(1));

        Assert.Contains(counts, c => c.RuleName == "Seal external" && c.Action == TrafficAction.Sealed && c.Direction == TrafficDirection.Outbound && c.Messages == 1);
        Assert.Contains(counts, c => c.RuleName == "Watch" && c.Action == TrafficAction.Audited && c.Messages == 1);
        Assert.Contains(counts, c => c.RuleName == "Block" && c.Action == TrafficAction.Rejected && c.Messages == 1);
    }

    [Fact]
    public async Task HandleAsync_ReadReceiptPassedUnchanged_CountedAsPassedUnsealed()
    {
        await using var gateway = await GatewayHarness.StartAsync();
        await gateway.AddRuleAsync(SealExternal());
        var receipt = Message("Read: Figures");
        var report = new MimeKit.Multipart("report") { new MimeKit.TextPart("plain") { Text = "Read." } };
        report.ContentType.Parameters["report-type"] = "disposition-notification";
        receipt.Body = report;
        using var client = await gateway.ConnectAsync();
        Assert.Null(await TrySendAsync(client, receipt, Sender, ExternalRecipient));

        await gateway.Services.GetRequiredService<TrafficRecorder>().FlushAsync(CancellationToken.None);
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var counts = await gateway.Services.GetRequiredService<ITrafficCounterStore>().QueryAsync(today.AddDays(-1), today.AddDays(1));

        Assert.Contains(counts, c => c.RuleName == "Seal external" && c.Action == TrafficAction.PassedUnsealed);
    }

    [Fact]
    public async Task FlushAsync_TwoSealedMessages_CountedInMemoryThenWrittenAsOneIncrement()
    {
        await using var gateway = await GatewayHarness.StartAsync();
        await gateway.AddRuleAsync(SealExternal());
        using var client = await gateway.ConnectAsync();
        Assert.Null(await TrySendAsync(client, Message(), Sender, ExternalRecipient));
        Assert.Null(await TrySendAsync(client, Message("Again", "m2@example.org"), Sender, ExternalRecipient));
        var store = gateway.Services.GetRequiredService<ITrafficCounterStore>();
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        Assert.Empty(await store.QueryAsync(today.AddDays(-1), today.AddDays(1)));

        await gateway.Services.GetRequiredService<TrafficRecorder>().FlushAsync(CancellationToken.None);
        await gateway.Services.GetRequiredService<TrafficRecorder>().FlushAsync(CancellationToken.None);

        var count = Assert.Single(await store.QueryAsync(today.AddDays(-1), today.AddDays(1)));
        Assert.Equal(("Seal external", TrafficAction.Sealed, 2L), (count.RuleName, count.Action, count.Messages));
    }

    [Fact]
    public async Task FlushAsync_StoreFails_CountsKeptForTheNextFlush()
    {
        await using var gateway = await GatewayHarness.StartAsync();
        var store = gateway.Services.GetRequiredService<ITrafficCounterStore>();
        var recorder = new TrafficRecorder(new FailingParts.FailingOnceTrafficStore(store), TimeProvider.System);
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        recorder.Record([new TrafficCount(today, "Seal external", TrafficDirection.Outbound, TrafficAction.Sealed, 1)]);

        await Assert.ThrowsAsync<FailingParts.BrokenDatabaseException>(() => recorder.FlushAsync(CancellationToken.None));
        recorder.Record([new TrafficCount(today, "Seal external", TrafficDirection.Outbound, TrafficAction.Sealed, 1)]);
        await recorder.FlushAsync(CancellationToken.None);

        var count = Assert.Single(await store.QueryAsync(today, today));
        Assert.Equal(2, count.Messages);
    }

    [Fact]
    public async Task HandleAsync_SealedMessage_RememberedBeforeTheReply()
    {
        SlowThreadStore? threads = null;
        await using var gateway = await GatewayHarness.StartAsync(replace: services => services.AddSingleton<IThreadStore>(provider =>
            threads = new SlowThreadStore(provider.GetRequiredService<Mailseal.Storage.MailsealStorage>().Threads)));
        await gateway.AddRuleAsync(SealExternal());
        using var client = await gateway.ConnectAsync();

        Assert.Null(await TrySendAsync(client, Message(), Sender, ExternalRecipient));

        Assert.Equal(1, threads!.Remembered);
    }

    [Fact]
    public async Task HandleAsync_SenderDomainHasDkimKey_WrapperSignedPlainCopyNot()
    {
        await using var gateway = await GatewayHarness.StartAsync();
        await gateway.Services.GetRequiredService<DkimKeyManager>().CreateAsync(GatewayHarness.OrgDomain, "s1");
        await gateway.AddRuleAsync(SealExternal());
        using var client = await gateway.ConnectAsync();

        Assert.Null(await TrySendAsync(client, Message(), Sender, InternalRecipient, ExternalRecipient));

        Assert.StartsWith("DKIM-Signature:", gateway.DeliveredTo(ExternalRecipient).Text, StringComparison.Ordinal);
        Assert.Contains("d=example.org", gateway.DeliveredTo(ExternalRecipient).Text, StringComparison.Ordinal);
        Assert.DoesNotContain("DKIM-Signature:", gateway.DeliveredTo(InternalRecipient).Text, StringComparison.Ordinal);
    }

    [Fact]
    public void RecipientHash_SameAddressAnyCase_SameHashNoAddress()
    {
        var hash = RecipientHash.Of("Bob@Example.net");

        Assert.Equal(hash, RecipientHash.Of("bob@example.net"));
        Assert.NotEqual(hash, RecipientHash.Of("bob@example.com"));
        Assert.DoesNotContain("bob", hash, StringComparison.Ordinal);
    }

    /// <summary>A thread store whose writes take a while: a mark written after the reply would not be counted yet.</summary>
    private sealed class SlowThreadStore(IThreadStore inner) : IThreadStore
    {
        private int _remembered;

        public int Remembered => Volatile.Read(ref _remembered);

        public async Task RememberAsync(ReadOnlyMemory<byte> messageIdHash, DateTimeOffset expiresAt, CancellationToken cancellationToken = default)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(300), cancellationToken);
            await inner.RememberAsync(messageIdHash, expiresAt, cancellationToken);
            Interlocked.Increment(ref _remembered);
        }

        public Task<bool> AnyKnownAsync(IReadOnlyCollection<ReadOnlyMemory<byte>> messageIdHashes, DateTimeOffset now, CancellationToken cancellationToken = default) =>
            inner.AnyKnownAsync(messageIdHashes, now, cancellationToken);

        public Task<int> PruneAsync(DateTimeOffset now, CancellationToken cancellationToken = default) => inner.PruneAsync(now, cancellationToken);
    }
}
