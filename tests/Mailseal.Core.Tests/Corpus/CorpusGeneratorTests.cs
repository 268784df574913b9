using Mailseal.Testing.Corpus;

namespace Mailseal.Core.Tests.Corpus;

public class CorpusGeneratorTests
{
    /// <summary>
    /// Guards the committed generated files against hand edits. With MAILSEAL_REGENERATE_CORPUS=1 it first
    /// rewrites them from the generator (the documented way to change the corpus), then compares as always.
    /// </summary>
    [Fact]
    public void GenerateAll_ComparedWithCommittedFiles_MatchesByteForByte()
    {
        if (Environment.GetEnvironmentVariable(CorpusGenerator.RegenerateVariable) == "1")
        {
            CorpusGenerator.WriteAll(TestCorpus.CorpusDirectory);
        }

        var generated = CorpusGenerator.GenerateAll();

        var differing = generated
            .Where(file => !File.Exists(TestCorpus.PathOf(file.Name)) || !TestCorpus.ReadAllBytes(file.Name).AsSpan().SequenceEqual(file.Content))
            .Select(file => file.Name)
            .ToList();
        Assert.True(generated.Count >= 130, $"Only {generated.Count} generated files.");
        Assert.Empty(differing);
    }

    [Fact]
    public void GenerateAll_TwoRuns_ProduceIdenticalBytes()
    {
        var first = CorpusGenerator.GenerateAll();
        var second = CorpusGenerator.GenerateAll();

        Assert.Equal(first.Select(file => file.Name), second.Select(file => file.Name));
        Assert.All(first.Zip(second), pair => Assert.Equal(pair.First.Content, pair.Second.Content));
    }

    [Fact]
    public void GenerateAll_EveryFile_HasTheUsualHeadersAndIsSmall()
    {
        foreach (var file in CorpusGenerator.GenerateAll())
        {
            var text = System.Text.Encoding.Latin1.GetString(file.Content);
            var headerEnd = text.IndexOf("\r\n\r\n", StringComparison.Ordinal);
            Assert.True(headerEnd > 0, $"{file.Name} has no header block");
            var headerBlock = "\r\n" + text[..headerEnd];
            foreach (var field in new[] { "From: ", "To: ", "Date: ", "Subject: ", "Message-ID: <", "MIME-Version: 1.0" })
            {
                Assert.True(headerBlock.Contains("\r\n" + field, StringComparison.OrdinalIgnoreCase), $"{file.Name} lacks {field}");
            }

            Assert.True(file.Content.Length < 500_000, $"{file.Name} is {file.Content.Length} bytes");
        }
    }

    [Fact]
    public void GenerateAll_ExceptBinaryAndLongLineCategories_IsSmtpCarriable()
    {
        var notCarriable = CorpusGenerator.GenerateAll()
            .Where(file => !file.Name.StartsWith("cte-binary-", StringComparison.Ordinal) && !file.Name.StartsWith("long-line-", StringComparison.Ordinal))
            .Select(file => (file.Name, Reason: SmtpCarriability.Explain(file.Content)))
            .Where(result => result.Reason is not null)
            .ToList();

        Assert.Empty(notCarriable);
    }

    [Fact]
    public void WriteAll_IntoEmptyFolder_WritesEveryGeneratedFile()
    {
        using var folder = new Mailseal.Testing.TempDirectory();

        CorpusGenerator.WriteAll(folder.Path);

        var generated = CorpusGenerator.GenerateAll();
        Assert.Equal(generated.Count, Directory.GetFiles(folder.Path).Length);
        Assert.All(generated, file => Assert.Equal(file.Content, File.ReadAllBytes(folder.Combine(file.Name))));
    }
}
