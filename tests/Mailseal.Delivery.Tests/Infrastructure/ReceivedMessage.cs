namespace Mailseal.Delivery.Tests.Infrastructure;

/// <summary>What the sink received in one transaction.</summary>
internal sealed record ReceivedMessage(string Sender, IReadOnlyList<string> Recipients, byte[] Data, bool Secure);
