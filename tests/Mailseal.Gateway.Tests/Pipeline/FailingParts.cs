using System.Data.Common;
using Mailseal.Core.Rules;
using Mailseal.Core.Tracking;
using Mailseal.Delivery;

namespace Mailseal.Gateway.Tests.Pipeline;

/// <summary>Parts that fail, to show that no failure turns into plain text.</summary>
internal static class FailingParts
{
    public sealed class ThrowingDelivery : IMessageDelivery
    {
        public Task<DeliveryResult> DeliverAsync(OutboundMessage message, CancellationToken cancellationToken) =>
            throw new InvalidOperationException("delivery broke");

        public Task<IDeliveryTransaction> BeginAsync(OutboundEnvelope envelope, CancellationToken cancellationToken) =>
            throw new InvalidOperationException("delivery broke");
    }

    /// <summary>Writes nothing and says the next hop deferred.</summary>
    public sealed class DeferringDelivery : IMessageDelivery
    {
        public Task<DeliveryResult> DeliverAsync(OutboundMessage message, CancellationToken cancellationToken) =>
            Task.FromResult(DeliveryResult.ForAll(message.Recipients, DeliveryStatus.TransientFailure, "try later", 421, "4.4.2"));

        public Task<IDeliveryTransaction> BeginAsync(OutboundEnvelope envelope, CancellationToken cancellationToken) =>
            Task.FromResult<IDeliveryTransaction>(new WholeMessageTransaction(this, envelope));
    }

    public sealed class BrokenDatabaseException() : DbException("database unavailable");

    public sealed class ThrowingRuleStore : ITransportRuleStore
    {
        public Task<IReadOnlyList<TransportRule>> ListAsync(CancellationToken cancellationToken = default) => throw new BrokenDatabaseException();

        public Task<TransportRule?> FindAsync(string name, CancellationToken cancellationToken = default) => throw new BrokenDatabaseException();

        public Task UpsertAsync(TransportRule rule, CancellationToken cancellationToken = default) => throw new BrokenDatabaseException();

        public Task<bool> RemoveAsync(string name, CancellationToken cancellationToken = default) => throw new BrokenDatabaseException();

        public Task ReplaceAllAsync(IReadOnlyList<TransportRule> rules, CancellationToken cancellationToken = default) => throw new BrokenDatabaseException();
    }

    /// <summary>The real counter store behind a first write that fails, as a database outage would.</summary>
    public sealed class FailingOnceTrafficStore(ITrafficCounterStore inner) : ITrafficCounterStore
    {
        private int _writes;

        public Task IncrementAsync(IReadOnlyCollection<TrafficCount> increments, CancellationToken cancellationToken = default) =>
            Interlocked.Increment(ref _writes) == 1 ? throw new BrokenDatabaseException() : inner.IncrementAsync(increments, cancellationToken);

        public Task<IReadOnlyList<TrafficCount>> QueryAsync(
            DateOnly firstDay, DateOnly lastDay, string? ruleName = null, TrafficDirection? direction = null, CancellationToken cancellationToken = default) =>
            inner.QueryAsync(firstDay, lastDay, ruleName, direction, cancellationToken);
    }
}
