namespace Mailseal.Core.Portal;

/// <summary>One fixed window of a send limit (per address or per client network).</summary>
/// <param name="LimitKey">Keyed hash naming the limit and what it counts.</param>
/// <param name="WindowStart">Start of the window.</param>
/// <param name="ExpiresAt">When the window's row may be forgotten.</param>
public sealed record PassCodeSendWindow(ReadOnlyMemory<byte> LimitKey, DateTimeOffset WindowStart, DateTimeOffset ExpiresAt);
