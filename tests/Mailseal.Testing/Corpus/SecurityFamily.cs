using System.Text;
using MimeKit;
using static Mailseal.Testing.Corpus.CorpusMessage;

namespace Mailseal.Testing.Corpus;

/// <summary>
/// S/MIME and PGP/MIME shapes. The signature and ciphertext bytes are seeded noise, not real
/// cryptography: what matters to Mailseal is that their bytes survive untouched.
/// </summary>
internal static class SecurityFamily
{
    public static IEnumerable<CorpusFile> Generate()
    {
        string[] micalgs = ["sha-256", "sha-512", "sha-1", "sha-384"];
        for (var i = 0; i < 8; i++)
        {
            var name = $"signed-{i + 1:D3}.eml";
            var random = SeededBytes.FromText(name);
            MimeEntity content = (i % 3) switch
            {
                0 => Text(CorpusText.English),
                1 => new MultipartAlternative { Text(CorpusText.French), Text(CorpusText.Html, "html") },
                _ => new Multipart("mixed") { Text(CorpusText.German), Attachment("application", "pdf", "vertrag.pdf", AttachmentFamily.Shaped(random, "%PDF-1.5\n"u8.ToArray(), 4_000)) },
            };
            var pgp = i % 2 == 1;
            yield return ToFile(name, Create(name, "Signed: contract draft", Signed(content, pgp, micalgs[i % micalgs.Length], random)));
        }

        string[] smimeTypes = ["enveloped-data", "signed-data", "authEnveloped-data", "compressed-data"];
        for (var i = 0; i < smimeTypes.Length; i++)
        {
            var name = $"smime-{i + 1:D3}-{smimeTypes[i].ToLowerInvariant()}.eml";
            var part = Attachment("application", "pkcs7-mime", "smime.p7m", AttachmentFamily.Shaped(SeededBytes.FromText(name), [0x30, 0x82, 0x0F, 0x2A, 0x06, 0x09], 3_000 + (i * 1_500)));
            part.ContentType.Parameters.Add("smime-type", smimeTypes[i]);
            yield return ToFile(name, Create(name, "Encrypted message", part));
        }

        var smimeSigned = "smime-005-detached-signature.eml";
        yield return ToFile(smimeSigned, Create(smimeSigned, "Signed with S/MIME", Signed(Text(CorpusText.English), false, "sha-256", SeededBytes.FromText(smimeSigned))));
        var legacy = "smime-006-x-pkcs7-mime.eml";
        var legacyPart = Attachment("application", "x-pkcs7-mime", "smime.p7m", AttachmentFamily.Shaped(SeededBytes.FromText(legacy), [0x30, 0x80, 0x06, 0x09], 2_500));
        legacyPart.ContentType.Parameters.Add("smime-type", "enveloped-data");
        yield return ToFile(legacy, Create(legacy, "Encrypted message (legacy type)", legacyPart));

        for (var i = 0; i < 3; i++)
        {
            var name = $"pgp-{i + 1:D3}-encrypted.eml";
            var encrypted = new Multipart("encrypted")
            {
                new MimePart("application", "pgp-encrypted") { Content = Ascii("Version: 1\n"), ContentTransferEncoding = ContentEncoding.SevenBit },
                new MimePart("application", "octet-stream") { Content = Ascii(Armored("MESSAGE", SeededBytes.FromText(name), 800 + (i * 900))), ContentTransferEncoding = ContentEncoding.SevenBit, FileName = "encrypted.asc" },
            };
            encrypted.ContentType.Parameters.Add("protocol", "application/pgp-encrypted");
            yield return ToFile(name, Create(name, "...", encrypted));
        }

        var inline = "pgp-004-inline-clearsigned.eml";
        var clearSigned = "-----BEGIN PGP SIGNED MESSAGE-----\nHash: SHA256\n\n" + CorpusText.English.Replace("\n-", "\n- -", StringComparison.Ordinal) + Armored("SIGNATURE", SeededBytes.FromText(inline), 180);
        yield return ToFile(inline, Create(inline, "Clear-signed note", Text(clearSigned)));
        var inlineEncrypted = "pgp-005-inline-encrypted.eml";
        yield return ToFile(inlineEncrypted, Create(inlineEncrypted, "Encrypted note", Text(Armored("MESSAGE", SeededBytes.FromText(inlineEncrypted), 1_200))));
    }

    private static Multipart Signed(MimeEntity content, bool pgp, string micalg, SeededBytes random)
    {
        var signature = pgp
            ? new MimePart("application", "pgp-signature") { Content = Ascii(Armored("SIGNATURE", random, 310)), ContentTransferEncoding = ContentEncoding.SevenBit, FileName = "signature.asc" }
            : Attachment("application", "pkcs7-signature", "smime.p7s", AttachmentFamily.Shaped(random, [0x30, 0x82, 0x06, 0x1B, 0x06, 0x09], 1_600));
        var signed = new Multipart("signed") { content, signature };
        signed.ContentType.Parameters.Add("protocol", pgp ? "application/pgp-signature" : "application/pkcs7-signature");
        signed.ContentType.Parameters.Add("micalg", pgp ? "pgp-" + micalg.Replace("-", string.Empty, StringComparison.Ordinal) : micalg);
        return signed;
    }

    private static MimeContent Ascii(string text) => new(new MemoryStream(Encoding.ASCII.GetBytes(text)));

    private static string Armored(string kind, SeededBytes random, int length)
    {
        var base64 = Convert.ToBase64String(random.NextBytes(length));
        var builder = new StringBuilder().Append("-----BEGIN PGP ").Append(kind).Append("-----\n\n");
        for (var i = 0; i < base64.Length; i += 64)
        {
            builder.Append(base64.AsSpan(i, Math.Min(64, base64.Length - i))).Append('\n');
        }

        return builder.Append('=').Append(base64.AsSpan(0, 4)).Append("\n-----END PGP ").Append(kind).Append("-----\n").ToString();
    }
}
