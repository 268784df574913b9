using System.Buffers;
using System.Globalization;
using System.Text;

namespace Mailseal.Delivery.Dkim;

/// <summary>
/// The DKIM-Signature field (RFC 6376 §3.5): rsa-sha256, relaxed header and simple body canonicalization, folded at
/// tag boundaries to lines of at most 78 characters. The signature covers the field with an empty "b=" exactly as
/// written here, in relaxed form; the "b=" value is then appended on continuation lines, which verifiers remove
/// before they check it.
/// </summary>
internal static class DkimSignatureField
{
    public const string Name = "DKIM-Signature";
    public const string Canonicalization = "relaxed/simple";

    private const int MaxLineLength = 78;
    private const int SignatureChunk = 72;

    /// <summary>The field up to and including "b=", folded, without a final line break.</summary>
    public static string Unsigned(string domain, string selector, DateTimeOffset time, IEnumerable<string> signedNames, byte[] bodyHash)
    {
        ArgumentNullException.ThrowIfNull(signedNames);
        var tokens = new List<string>
        {
            "v=1;", "a=rsa-sha256;", $"c={Canonicalization};", $"d={domain};", $"s={selector};",
            string.Create(CultureInfo.InvariantCulture, $"t={time.ToUnixTimeSeconds()};"),
        };
        var names = signedNames.Select(n => n.ToLowerInvariant()).ToList();
        tokens.AddRange(names.Select((n, i) => (i == 0 ? "h=" : string.Empty) + n + (i == names.Count - 1 ? ";" : ":")));
        tokens.Add($"bh={Convert.ToBase64String(bodyHash)};");

        var field = new StringBuilder(Name).Append(':');
        var lineLength = field.Length;
        foreach (var token in tokens)
        {
            // Between the names of h= no space is needed; a fold there is allowed whitespace (RFC 6376 §3.5).
            var separator = field[^1] == ':' && lineLength > Name.Length + 1 ? string.Empty : " ";
            if (lineLength + separator.Length + token.Length > MaxLineLength)
            {
                field.Append("\r\n\t");
                lineLength = 1;
                separator = string.Empty;
            }

            field.Append(separator).Append(token);
            lineLength += separator.Length + token.Length;
        }

        return field.Append("\r\n\tb=").ToString();
    }

    /// <summary>What the signature covers for <paramref name="unsignedField"/>: its relaxed form, no final line break.</summary>
    public static void WriteSigned(IBufferWriter<byte> output, string unsignedField) =>
        DkimRelaxedHeader.Write(output, Name, Encoding.ASCII.GetBytes(unsignedField[(Name.Length + 1)..]), lineBreak: false);

    /// <summary>The complete field with its line break: <paramref name="unsignedField"/> and the signature, folded.</summary>
    public static byte[] Complete(string unsignedField, byte[] signature)
    {
        ArgumentNullException.ThrowIfNull(unsignedField);
        var value = Convert.ToBase64String(signature);
        var field = new StringBuilder(unsignedField);
        for (var i = 0; i < value.Length; i += SignatureChunk)
        {
            field.Append(i == 0 ? string.Empty : "\r\n\t").Append(value.AsSpan(i, Math.Min(SignatureChunk, value.Length - i)));
        }

        return Encoding.ASCII.GetBytes(field.Append("\r\n").ToString());
    }
}
