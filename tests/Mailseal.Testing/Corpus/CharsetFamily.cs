using System.Text;
using MimeKit;
using static Mailseal.Testing.Corpus.CorpusMessage;

namespace Mailseal.Testing.Corpus;

/// <summary>Legacy charsets in bodies and headers, in each transfer encoding they are met with.</summary>
internal static class CharsetFamily
{
    private static readonly (string Prefix, string Charset, string Text, string Subject, ContentEncoding[] Encodings)[] Charsets =
    [
        ("iso2022jp", "iso-2022-jp", CorpusText.Japanese, "打ち合わせ日程の変更について", [ContentEncoding.SevenBit, ContentEncoding.Base64, ContentEncoding.QuotedPrintable]),
        ("koi8r", "koi8-r", CorpusText.Russian, "Отчёт по складу за февраль", [ContentEncoding.EightBit, ContentEncoding.Base64, ContentEncoding.QuotedPrintable]),
        ("big5", "big5", CorpusText.Chinese, "本季出貨清單", [ContentEncoding.EightBit, ContentEncoding.Base64, ContentEncoding.QuotedPrintable]),
        ("windows1252", "windows-1252", CorpusText.French + CorpusText.German, "Résumé – Übergabe „Büro“ 85 €", [ContentEncoding.EightBit, ContentEncoding.QuotedPrintable, ContentEncoding.Base64]),
    ];

    public static IEnumerable<CorpusFile> Generate()
    {
        foreach (var (prefix, charset, text, subject, encodings) in Charsets)
        {
            var encoding = EncodingOf(charset);
            for (var i = 0; i < encodings.Length; i++)
            {
                var name = $"charset-{prefix}-{i + 1:D3}.eml";
                var message = Create(name, string.Empty, Legacy(charset, text, encodings[i]));
                message.Headers.Replace(HeaderId.Subject, encoding, subject);
                yield return ToFile(name, message);
            }

            var htmlName = $"charset-{prefix}-004-html-alternative.eml";
            var html = Legacy(charset, $"<html><body><p>{text.Replace("\n", "<br>\n", StringComparison.Ordinal)}</p></body></html>\n", encodings[0], "html");
            var alternative = Create(htmlName, string.Empty, new MultipartAlternative { Legacy(charset, text, encodings[0]), html });
            alternative.Headers.Replace(HeaderId.Subject, encoding, subject);
            alternative.From[0] = new MailboxAddress(encoding, SenderName(prefix), "sender@example.net");
            yield return ToFile(htmlName, alternative);
        }

        foreach (var file in EncodedWordFiles())
        {
            yield return file;
        }
    }

    private static string SenderName(string prefix) => prefix switch
    {
        "iso2022jp" => "中村 恵美",
        "koi8r" => "Дмитрий Соколов",
        "big5" => "林 蔚婷",
        _ => "Zoë Müller-Besançon",
    };

    /// <summary>
    /// Takes the encoding from the code-page provider directly: MimeKit's lookup by name fails for these
    /// charsets when MimeKit was first used before the provider was registered (test order decides that).
    /// </summary>
    private static Encoding EncodingOf(string charset) =>
        CodePagesEncodingProvider.Instance.GetEncoding(charset) ?? Encoding.GetEncoding(charset);

    private static TextPart Legacy(string charset, string text, ContentEncoding encoding, string subtype = "plain")
    {
        var part = new TextPart(subtype);
        part.SetText(EncodingOf(charset), text);
        part.ContentTransferEncoding = encoding;
        return part;
    }

    /// <summary>RFC 2047 encoded words in headers and RFC 2231 parameter values for file names.</summary>
    private static IEnumerable<CorpusFile> EncodedWordFiles()
    {
        string[] subjects = ["Über die Rückgabe der Schlüssel", "Réunion : ordre du jour « final »", "会議資料の送付", "Отчёт", "Preis: 12 € — fällig 📅", "Sehr langer Betreff mit Umlauten, der über mehrere Zeilen gefaltet werden muss, weil er wirklich außergewöhnlich lang ist"];
        for (var i = 0; i < subjects.Length; i++)
        {
            var name = $"rfc2047-{i + 1:D3}-subject.eml";
            var message = Create(name, subjects[i], Text(CorpusText.English));
            message.From[0] = new MailboxAddress("Jürgen Weiß", "juergen.weiss@example.com");
            message.To.Add(new MailboxAddress("Zoë Ångström", "zoe@example.net"));
            yield return ToFile(name, message);
        }

        string[] fileNames = ["Übersicht März.pdf", "résumé final (v2).docx", "報告書_2026年3月.xlsx", "отчёт.zip", "A very long file name that needs continuation parameters in RFC 2231 because it is long — ß.pdf", "naïve café menu.txt"];
        for (var i = 0; i < fileNames.Length; i++)
        {
            yield return FileNameFile($"rfc2231-{i + 1:D3}-filename.eml", fileNames[i], ParameterEncodingMethod.Rfc2231);
            yield return FileNameFile($"rfc2047-{i + 7:D3}-filename.eml", fileNames[i], ParameterEncodingMethod.Rfc2047);
        }
    }

    private static CorpusFile FileNameFile(string name, string fileName, ParameterEncodingMethod method)
    {
        var attachment = Attachment("application", "octet-stream", fileName, SeededBytes.FromText(name).NextBytes(700));
        foreach (var parameter in attachment.ContentType.Parameters.Concat(attachment.ContentDisposition?.Parameters ?? []))
        {
            parameter.EncodingMethod = method;
        }

        return ToFile(name, Create(name, "Datei / file / ファイル", new Multipart("mixed") { Text(CorpusText.English), attachment }));
    }
}
