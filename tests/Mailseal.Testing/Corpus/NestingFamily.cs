using MimeKit;
using static Mailseal.Testing.Corpus.CorpusMessage;

namespace Mailseal.Testing.Corpus;

/// <summary>Forwarded messages (message/rfc822), messages inside messages, and deep multipart nesting.</summary>
internal static class NestingFamily
{
    public static IEnumerable<CorpusFile> Generate()
    {
        for (var i = 0; i < 6; i++)
        {
            var name = $"nested-rfc822-{i + 1:D3}-forward.eml";
            var inner = Inner($"{name}-inner", i);
            var forward = new MessagePart { Message = inner };
            if (i % 2 == 1)
            {
                forward.ContentDisposition = new ContentDisposition(ContentDisposition.Attachment) { FileName = "forwarded.eml" };
            }

            var body = new Multipart("mixed") { Text("Forwarding this for your records.\n"), forward };
            yield return ToFile(name, Create(name, "Fwd: " + inner.Subject, body));
        }

        int[] depths = [2, 3, 5, 10];
        for (var i = 0; i < depths.Length; i++)
        {
            var name = $"rfc822-in-rfc822-{i + 1:D3}-depth-{depths[i]}.eml";
            var message = Inner($"{name}-innermost", i);
            for (var level = 1; level <= depths[i]; level++)
            {
                var wrapper = Create($"{name}-{level}", $"Fwd level {level}", new Multipart("mixed") { Text($"Level {level} forward.\n"), new MessagePart { Message = message } });
                message = wrapper;
            }

            yield return ToFile(name, Create(name, "Forward chain", new MessagePart { Message = message }));
        }

        (int Depth, string Subtype)[] deep = [(50, "mixed"), (20, "alternative"), (64, "related"), (100, "mixed")];
        for (var i = 0; i < deep.Length; i++)
        {
            var name = $"deep-nesting-{i + 1:D3}-{deep[i].Depth}-levels.eml";
            MimeEntity entity = Text($"Innermost text at depth {deep[i].Depth}.\n");
            for (var level = deep[i].Depth; level >= 1; level--)
            {
                var multipart = new Multipart(deep[i].Subtype) { entity };
                if (level % 5 == 0)
                {
                    multipart.Add(Text($"Sibling at level {level}.\n"));
                }

                entity = multipart;
            }

            yield return ToFile(name, Create(name, $"{deep[i].Depth} levels of multipart/{deep[i].Subtype}", entity));
        }
    }

    private static MimeMessage Inner(string seed, int variant)
    {
        MimeEntity body = (variant % 3) switch
        {
            0 => Text(CorpusText.English),
            1 => new MultipartAlternative { Text(CorpusText.English), Text(CorpusText.Html, "html") },
            _ => new Multipart("mixed") { Text(CorpusText.German), Attachment("application", "pdf", "angebot.pdf", AttachmentFamily.Shaped(SeededBytes.FromText(seed), "%PDF-1.4\n"u8.ToArray(), 3_000)) },
        };
        var inner = Create(seed, $"Original note {variant + 1}", body);
        inner.From[0] = CorpusPeople.Chiara;
        inner.To[0] = CorpusPeople.Ada;
        return inner;
    }
}
