namespace Mailseal.Testing.Corpus;

/// <summary>
/// Regenerates the generated part of the committed corpus (tests/TestData/corpus). Output is
/// deterministic: fixed dates, Message-IDs, boundaries and seeded attachment bytes, CRLF line endings.
/// Hand-written files (malformed shapes MimeKit would not produce) are not touched.
/// Run with MAILSEAL_REGENERATE_CORPUS=1 through the corpus test in Mailseal.Core.Tests; see tests/TestData/README.md.
/// </summary>
public static class CorpusGenerator
{
    /// <summary>Environment variable that makes the corpus test rewrite the generated files before comparing.</summary>
    public const string RegenerateVariable = "MAILSEAL_REGENERATE_CORPUS";

    /// <summary>Every generated corpus file, in a stable order.</summary>
    public static IReadOnlyList<CorpusFile> GenerateAll()
    {
        IEnumerable<CorpusFile>[] families =
        [
            BodyShapeFamily.Generate(),
            AttachmentFamily.Generate(),
            CharsetFamily.Generate(),
            EncodingFamily.Generate(),
            NestingFamily.Generate(),
            SecurityFamily.Generate(),
            NotificationFamily.Generate(),
            HeaderFamily.Generate(),
        ];
        var files = families.SelectMany(family => family).ToList();
        var duplicate = files.GroupBy(file => file.Name, StringComparer.Ordinal).FirstOrDefault(group => group.Count() > 1);
        if (duplicate is not null)
        {
            throw new InvalidOperationException($"The corpus generator produced {duplicate.Key} twice.");
        }

        return files;
    }

    /// <summary>Writes every generated file into <paramref name="directory"/>, replacing files of the same name.</summary>
    public static void WriteAll(string directory)
    {
        ArgumentException.ThrowIfNullOrEmpty(directory);
        Directory.CreateDirectory(directory);
        foreach (var file in GenerateAll())
        {
            File.WriteAllBytes(Path.Combine(directory, file.Name), file.Content);
        }
    }
}
