namespace Mailseal.Storage.Stores;

/// <summary>A dkim_keys row as Dapper reads it; times are converted by the store.</summary>
internal sealed class DkimKeyRow
{
    public string Domain { get; init; } = "";

    public string Selector { get; init; } = "";

    public object CreatedAt { get; init; } = 0L;

    public int KeySizeBits { get; init; }

    public byte[] PublicKey { get; init; } = [];

    public byte[] ProtectedPrivateKey { get; init; } = [];

    public string KekId { get; init; } = "";
}
