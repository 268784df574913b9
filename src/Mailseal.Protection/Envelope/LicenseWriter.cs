using System.Buffers;
using System.Buffers.Text;
using System.Globalization;
using System.Text.Json;

namespace Mailseal.Protection.Envelope;

/// <summary>
/// Writes a license as compact UTF-8 JSON with its members in the fixed order of the format; bytes are
/// unpadded base64url. The default encoder escapes every non-ASCII character, so the bytes are ASCII.
/// </summary>
internal static class LicenseWriter
{
    internal const string TimeFormat = "yyyy'-'MM'-'dd'T'HH':'mm':'ss'Z'";

    public static byte[] Write(License license)
    {
        var buffer = new ArrayBufferWriter<byte>(512 + (license.RecipientHashes.Length * 46));
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteNumber("version", license.Version);
            json.WriteString("tenant", license.TenantId.ToString("D"));
            WriteBytes(json, "envelopeId", license.EnvelopeId.AsSpan());
            if (license.OriginalMessageId is null)
            {
                json.WriteNull("messageId");
            }
            else
            {
                json.WriteString("messageId", license.OriginalMessageId);
            }

            json.WriteString("sender", license.Sender);
            json.WriteString("created", FormatTime(license.CreatedAt));
            if (license.ExpiresAt is { } expires)
            {
                json.WriteString("expires", FormatTime(expires));
            }
            else
            {
                json.WriteNull("expires");
            }

            json.WriteString("language", license.Language);
            json.WriteString("template", license.BrandingTemplate);
            json.WriteNumber("mode", (int)license.Mode);
            json.WriteString("wrappingKeyId", license.WrappingKeyId);
            json.WriteString("signingKeyId", license.SigningKeyId);
            json.WriteString("recipientHashKeyId", license.RecipientHashKeyId);
            WriteBytes(json, "noncePrefix", license.NoncePrefix.AsSpan());
            json.WriteNumber("segmentSize", license.SegmentSize);
            WriteBytes(json, "wrappedKey", license.WrappedContentKey.AsSpan());
            json.WriteStartArray("recipients");
            foreach (var hash in license.RecipientHashes)
            {
                json.WriteStringValue(Base64Url.EncodeToString(hash.AsSpan()));
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }

    internal static string FormatTime(DateTimeOffset time) =>
        time.UtcDateTime.ToString(TimeFormat, CultureInfo.InvariantCulture);

    private static void WriteBytes(Utf8JsonWriter json, string name, ReadOnlySpan<byte> bytes) =>
        json.WriteString(name, Base64Url.EncodeToString(bytes));
}
