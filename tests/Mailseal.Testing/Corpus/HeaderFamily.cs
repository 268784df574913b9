using System.Globalization;
using MimeKit;
using static Mailseal.Testing.Corpus.CorpusMessage;

namespace Mailseal.Testing.Corpus;

/// <summary>Header-heavy messages: many fields, long folded fields, threads, and EAI (UTF-8) headers.</summary>
internal static class HeaderFamily
{
    public static IEnumerable<CorpusFile> Generate()
    {
        int[] counts = [200, 1_000, 2_500];
        for (var i = 0; i < counts.Length; i++)
        {
            var name = $"many-headers-{i + 1:D3}-{counts[i]}.eml";
            var message = Create(name, $"{counts[i]} header fields", Text(CorpusText.English));
            for (var n = 0; n < counts[i]; n++)
            {
                // At most 20 Received fields: MTAs bounce a message with more than about 50 as a mail loop.
                var header = n < 20
                    ? new Header("Received", string.Create(CultureInfo.InvariantCulture, $"from relay{n}.example.net ([192.0.2.{n + 1}]) by relay{n + 1}.example.net; hop {n}"))
                    : new Header(n % 2 == 0 ? "X-Trace-Hop" : "Comments", string.Create(CultureInfo.InvariantCulture, $"step {n} via node{n % 97}.example.net"));
                message.Headers.Insert(0, header);
            }

            yield return ToFile(name, message);
        }

        var references = "folded-header-001-references.eml";
        var thread = Create(references, "Re: long thread", Text(CorpusText.English));
        thread.References.AddRange(Enumerable.Range(1, 150).Select(n => MessageIdFor($"thread-part-{n}")));
        yield return ToFile(references, thread);

        var recipients = "folded-header-002-many-recipients.eml";
        var many = Create(recipients, "Team announcement", Text(CorpusText.English));
        many.To.AddRange(Enumerable.Range(1, 120).Select(CorpusPeople.Numbered));
        many.Cc.AddRange(Enumerable.Range(121, 60).Select(CorpusPeople.Numbered));
        yield return ToFile(recipients, many);

        var subject = "folded-header-003-long-subject.eml";
        yield return ToFile(subject, Create(subject, CorpusText.Repeat("A very long subject line that keeps going and going, ", 1_800), Text(CorpusText.English)));

        var custom = "folded-header-004-long-custom-field.eml";
        var customMessage = Create(custom, "Custom long field", Text(CorpusText.English));
        customMessage.Headers.Add("X-Classification-Path", string.Join("; ", Enumerable.Range(1, 200).Select(n => $"label-{n}=value{n}")));
        yield return ToFile(custom, customMessage);

        for (var i = 0; i < 5; i++)
        {
            var name = $"thread-{i + 1:D3}-reply.eml";
            var message = Create(name, string.Concat(Enumerable.Repeat("Re: ", i + 1)) + "Delivery schedule", Text($"Reply number {i + 1}.\n\n> " + CorpusText.English.Replace("\n", "\n> ", StringComparison.Ordinal) + "\n"));
            var ancestors = Enumerable.Range(0, i + 1).Select(n => MessageIdFor($"thread-root-{n}")).ToList();
            message.InReplyTo = ancestors[^1];
            message.References.AddRange(ancestors);
            if (i == 4)
            {
                message.Headers.Add("Thread-Topic", "Delivery schedule");
                message.Headers.Add("Thread-Index", Convert.ToBase64String(SeededBytes.FromText(name).NextBytes(27)));
            }

            yield return ToFile(name, message);
        }

        foreach (var file in InternationalFiles())
        {
            yield return file;
        }
    }

    /// <summary>RFC 6532 messages: UTF-8 in addresses, display names and subject, left raw in the header.</summary>
    private static IEnumerable<CorpusFile> InternationalFiles()
    {
        (string Display, string Address, string Subject, string Body)[] cases =
        [
            ("José Ñúñez", "josé.ñúñez@example.com", "Confirmación del envío", "Hola, el envío está confirmado.\n"),
            ("中村 恵美", "恵美@example.net", "打ち合わせの件", CorpusText.Japanese),
            ("Дмитрий Соколов", "дмитрий@example.org", "Отчёт готов", CorpusText.Russian),
            ("Søren Ågård", "søren@bücher.example.com", "Bücherliste für Århus", CorpusText.German),
            ("Zoë", "zoë@example.com", "Café ☕ tomorrow?", CorpusText.Emoji),
        ];
        for (var i = 0; i < cases.Length; i++)
        {
            var name = $"eai-{i + 1:D3}-utf8-headers.eml";
            var body = Text(cases[i].Body);
            body.ContentTransferEncoding = ContentEncoding.EightBit;
            var message = Create(name, cases[i].Subject, body);
            message.From[0] = new MailboxAddress(cases[i].Display, cases[i].Address);
            message.To.Add(new MailboxAddress("Ünal Ağaoğlu", "ünal@example.net"));
            yield return ToFile(name, message, international: true);
        }
    }
}
