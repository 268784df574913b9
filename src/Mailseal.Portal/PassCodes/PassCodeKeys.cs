using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;
using Mailseal.Protection.Envelope;

namespace Mailseal.Portal.PassCodes;

/// <summary>
/// The keyed hashes the pass-code store holds, under a key derived (HKDF) from the tenant's recipient-hash secret.
/// That secret lives sealed under the key-encryption key, outside the pass-code tables: a copy of the database
/// alone gives no way to test the 10^8 possible codes offline.
/// </summary>
internal sealed class PassCodeKeys
{
    private static readonly byte[] DerivationInfo = "Mailseal pass codes v1"u8.ToArray();

    private readonly byte[] _key;

    public PassCodeKeys(ReadOnlySpan<byte> recipientHashSecret)
    {
        _key = HKDF.DeriveKey(HashAlgorithmName.SHA256, recipientHashSecret.ToArray(), 32, [], DerivationInfo);
    }

    /// <summary>A recipient of one envelope: what codes, failures and locks belong to.</summary>
    public byte[] Subject(License license, string address) => Mac("subject", license.EnvelopeIdHex, NormalForm(address));

    /// <summary>A code as issued to one subject in one pre-session: the same digits elsewhere hash differently.</summary>
    public byte[] Code(ReadOnlySpan<byte> subject, string preSessionId, string code) =>
        Mac("code", Convert.ToHexStringLower(subject), preSessionId, code);

    public byte[] AddressLimit(string address) => Mac("sends-per-address", NormalForm(address));

    /// <summary>IPv4 addresses count one by one, IPv6 per /64 (one subscriber's usual share); unknown ones share a bucket.</summary>
    public byte[] ClientLimit(IPAddress? client) => Mac("sends-per-client", ClientNetwork(client));

    /// <summary>The normal form recipient hashes use; an address without one is compared as typed, lower-cased.</summary>
    public static string NormalForm(string address)
    {
        try
        {
            return RecipientAddress.Normalize(address.Trim());
        }
        catch (ArgumentException)
        {
#pragma warning disable CA1308 // A normal form, not display text.
            return address.Trim().ToLowerInvariant();
#pragma warning restore CA1308
        }
    }

    private static string ClientNetwork(IPAddress? client)
    {
        if (client is null)
        {
            return "unknown";
        }

        var address = client.IsIPv4MappedToIPv6 ? client.MapToIPv4() : client;
        if (address.AddressFamily != AddressFamily.InterNetworkV6)
        {
            return address.ToString();
        }

        var bytes = address.GetAddressBytes();
        bytes.AsSpan(8).Clear();
        return new IPAddress(bytes).ToString() + "/64";
    }

    // Fields are joined with NUL, which none of them can hold, so two different field lists never hash alike.
    private byte[] Mac(params string[] fields) =>
        HMACSHA256.HashData(_key, Encoding.UTF8.GetBytes(string.Join('\0', fields.Select(f => f.Replace("\0", "", StringComparison.Ordinal)))));

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{nameof(PassCodeKeys)} (secret)");
}
