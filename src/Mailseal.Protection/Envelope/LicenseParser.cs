using System.Buffers.Text;
using System.Collections.Immutable;
using System.Globalization;
using System.Text.Json;
using Mailseal.Core.Keys;

namespace Mailseal.Protection.Envelope;

/// <summary>
/// Parses license bytes strictly: every member present once, in the fixed order, with the right type and
/// size; nothing unknown, nothing after the object. Anything else is an invalid envelope.
/// </summary>
internal static class LicenseParser
{
    private static readonly JsonReaderOptions ReaderOptions = new() { MaxDepth = 3 };

    public static License Parse(ReadOnlySpan<byte> json)
    {
        if (json.Length == 0 || json.Length > EnvelopeFormat.MaxLicenseBytes)
        {
            throw Invalid();
        }

        try
        {
            return ParseObject(json);
        }
        catch (Exception ex) when (ex is JsonException or FormatException or InvalidOperationException or ArgumentException)
        {
            // The parser's own message would tell which member was wrong: keep the answer uniform.
            throw Invalid();
        }
    }

    private static License ParseObject(ReadOnlySpan<byte> json)
    {
        var reader = new Utf8JsonReader(json, ReaderOptions);
        Next(ref reader, JsonTokenType.StartObject);
        if (Number(ref reader, "version"u8) != EnvelopeFormat.Version)
        {
            throw Invalid();
        }

        var tenantText = Text(ref reader, "tenant"u8, nullable: false)!;
        var tenant = Guid.ParseExact(tenantText, "D");
        if (!string.Equals(tenant.ToString("D"), tenantText, StringComparison.Ordinal))
        {
            throw Invalid();
        }

        var envelopeId = Bytes(ref reader, "envelopeId"u8, EnvelopeFormat.EnvelopeIdBytes, EnvelopeFormat.EnvelopeIdBytes);
        var messageId = Text(ref reader, "messageId"u8, nullable: true);
        var sender = Text(ref reader, "sender"u8, nullable: false)!;
        var created = Time(Text(ref reader, "created"u8, nullable: false)!);
        var expiresText = Text(ref reader, "expires"u8, nullable: true);
        DateTimeOffset? expires = expiresText is null ? null : Time(expiresText);
        var language = Text(ref reader, "language"u8, nullable: false)!;
        if (!LicenseText.IsValidLanguage(language))
        {
            throw Invalid();
        }

        var template = Text(ref reader, "template"u8, nullable: false)!;
        var mode = Number(ref reader, "mode"u8) switch
        {
            1 => CryptoMode.Mode1,
            2 => CryptoMode.Mode2,
            _ => throw Invalid(),
        };
        var wrappingKeyId = Text(ref reader, "wrappingKeyId"u8, nullable: false)!;
        var signingKeyId = Text(ref reader, "signingKeyId"u8, nullable: false)!;
        var recipientHashKeyId = Text(ref reader, "recipientHashKeyId"u8, nullable: false)!;
        var noncePrefix = Bytes(ref reader, "noncePrefix"u8, EnvelopeFormat.NoncePrefixBytes, EnvelopeFormat.NoncePrefixBytes);
        var segmentSize = Number(ref reader, "segmentSize"u8);
        if (segmentSize is < EnvelopeFormat.MinSegmentSize or > EnvelopeFormat.MaxSegmentSize)
        {
            throw Invalid();
        }

        var wrappedKey = Bytes(ref reader, "wrappedKey"u8, EnvelopeFormat.MinWrappedKeyBytes, EnvelopeFormat.MaxWrappedKeyBytes);
        var recipients = Recipients(ref reader);
        Next(ref reader, JsonTokenType.EndObject);
        if (reader.BytesConsumed != json.Length)
        {
            throw Invalid();
        }

        return new License(
            EnvelopeFormat.Version, tenant, envelopeId, messageId, sender, created, expires, language, template,
            mode, wrappingKeyId, signingKeyId, recipientHashKeyId, noncePrefix, segmentSize, wrappedKey, recipients);
    }

    private static ImmutableArray<ImmutableArray<byte>> Recipients(ref Utf8JsonReader reader)
    {
        Name(ref reader, "recipients"u8);
        Next(ref reader, JsonTokenType.StartArray);
        var hashes = ImmutableArray.CreateBuilder<ImmutableArray<byte>>();
        while (reader.Read() && reader.TokenType == JsonTokenType.String)
        {
            if (hashes.Count == EnvelopeFormat.MaxRecipients)
            {
                throw Invalid();
            }

            hashes.Add(Decode(ref reader, EnvelopeFormat.RecipientHashBytes, EnvelopeFormat.RecipientHashBytes));
        }

        if (reader.TokenType != JsonTokenType.EndArray || hashes.Count == 0)
        {
            throw Invalid();
        }

        return hashes.ToImmutable();
    }

    private static void Next(ref Utf8JsonReader reader, JsonTokenType expected)
    {
        if (!reader.Read() || reader.TokenType != expected)
        {
            throw Invalid();
        }
    }

    private static void Name(ref Utf8JsonReader reader, ReadOnlySpan<byte> name)
    {
        Next(ref reader, JsonTokenType.PropertyName);
        if (reader.ValueIsEscaped || !reader.ValueSpan.SequenceEqual(name))
        {
            throw Invalid();
        }
    }

    private static int Number(ref Utf8JsonReader reader, ReadOnlySpan<byte> name)
    {
        Name(ref reader, name);
        Next(ref reader, JsonTokenType.Number);
        return reader.TryGetInt32(out var value) ? value : throw Invalid();
    }

    private static string? Text(ref Utf8JsonReader reader, ReadOnlySpan<byte> name, bool nullable)
    {
        Name(ref reader, name);
        if (!reader.Read())
        {
            throw Invalid();
        }

        if (reader.TokenType == JsonTokenType.Null && nullable)
        {
            return null;
        }

        if (reader.TokenType != JsonTokenType.String)
        {
            throw Invalid();
        }

        var text = reader.GetString();
        return LicenseText.IsValidText(text) ? text : throw Invalid();
    }

    private static ImmutableArray<byte> Bytes(ref Utf8JsonReader reader, ReadOnlySpan<byte> name, int min, int max)
    {
        Name(ref reader, name);
        Next(ref reader, JsonTokenType.String);
        return Decode(ref reader, min, max);
    }

    /// <summary>Unpadded base64url only, in its one canonical spelling.</summary>
    private static ImmutableArray<byte> Decode(ref Utf8JsonReader reader, int min, int max)
    {
        var encoded = reader.ValueSpan;
        if (reader.ValueIsEscaped || encoded.Length > Base64Url.GetEncodedLength(max) || encoded.Contains((byte)'='))
        {
            throw Invalid();
        }

        var bytes = Base64Url.DecodeFromUtf8(encoded);
        if (bytes.Length < min || bytes.Length > max || Base64Url.GetEncodedLength(bytes.Length) != encoded.Length)
        {
            throw Invalid();
        }

        Span<byte> canonical = stackalloc byte[encoded.Length];
        Base64Url.EncodeToUtf8(bytes, canonical);
        return canonical.SequenceEqual(encoded) ? ImmutableArray.Create(bytes) : throw Invalid();
    }

    private static DateTimeOffset Time(string text) => DateTimeOffset.ParseExact(
        text, LicenseWriter.TimeFormat, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);

    private static EnvelopeInvalidException Invalid() => new(EnvelopeFailure.License);
}
