namespace Mailseal.Storage.Stores;

/// <summary>A tenant_keys row as Dapper reads it; times and enums are converted by the store.</summary>
internal sealed class KeyRow
{
    public string Id { get; init; } = "";

    public int Purpose { get; init; }

    public int Mode { get; init; }

    public int KeySizeBits { get; init; }

    public object CreatedAt { get; init; } = 0L;

    public object? RetiredAt { get; init; }

    public byte[] PublicKey { get; init; } = [];

    public byte[] ProtectedSecret { get; init; } = [];

    public string KekId { get; init; } = "";
}
