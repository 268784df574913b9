using Mailseal.Testing.Corpus;

namespace Mailseal.Core.Tests.Corpus;

public class TestCorpusTests
{
    /// <summary>Every category the round-trip and gateway tests rely on, by file-name prefix.</summary>
    public static TheoryData<string> RequiredCategories =>
    [
        "alt-", "mixed-", "nested-rfc822-", "rfc822-in-rfc822-", "signed-", "cte-8bit-", "cte-binary-",
        "charset-iso2022jp-", "charset-koi8r-", "charset-big5-", "charset-windows1252-", "rfc2047-", "rfc2231-",
        "long-line-", "malformed-missing-boundary-", "malformed-bad-base64-", "malformed-no-header-block-",
        "lineend-bare-lf-", "lineend-mixed-", "nul-bytes-", "calendar-", "mdn-", "dsn-", "autoreply-", "smime-",
        "pgp-", "related-", "html-only-", "text-only-", "empty-body-", "many-headers-", "folded-header-", "eai-",
        "thread-", "qp-", "uuencode-", "tnef-", "deep-nesting-",
    ];

    [Fact]
    public void FileNames_Corpus_HasAtLeast170Messages()
    {
        Assert.True(TestCorpus.FileNames.Count >= 170, $"Only {TestCorpus.FileNames.Count} corpus files.");
    }

    [Theory]
    [MemberData(nameof(RequiredCategories))]
    public void InCategory_RequiredCategory_HasAtLeastTwoMessages(string prefix)
    {
        Assert.True(TestCorpus.InCategory(prefix).Count >= 2, $"{prefix} has {TestCorpus.InCategory(prefix).Count} messages.");
    }

    [Fact]
    public void FileNames_EveryFile_IsGeneratedOrListedAsHandWritten()
    {
        var generated = CorpusGenerator.GenerateAll().Select(file => file.Name).ToHashSet(StringComparer.Ordinal);
        var listed = File.ReadAllLines(Path.Combine(TestCorpus.TestDataDirectory, "corpus-handwritten.txt"))
            .Where(line => line.Length > 0 && !line.StartsWith('#'))
            .ToHashSet(StringComparer.Ordinal);

        var unaccounted = TestCorpus.FileNames.Where(name => !generated.Contains(name) && !listed.Contains(name)).ToList();
        var wronglyListed = listed.Where(name => generated.Contains(name) || !File.Exists(TestCorpus.PathOf(name))).ToList();

        Assert.Empty(unaccounted);
        Assert.Empty(wronglyListed);
        Assert.True(listed.Count >= 20, $"Only {listed.Count} hand-written files.");
    }

    [Fact]
    public void FileNames_Corpus_StaysSmall()
    {
        var sizes = TestCorpus.FileNames.Select(name => new FileInfo(TestCorpus.PathOf(name)).Length).ToList();

        Assert.True(sizes.Sum() < 6_000_000, $"Corpus is {sizes.Sum()} bytes.");
        Assert.True(sizes.Count(size => size >= 50_000) <= sizes.Count / 10, "More than a tenth of the corpus is 50 KB or larger.");
    }

    [Theory]
    [InlineData("alt-001-plain-html.eml", true)]
    [InlineData("charset-koi8r-001.eml", true)]
    [InlineData("eai-002-utf8-headers.eml", true)]
    [InlineData("dot-stuffing-001.eml", true)]
    [InlineData("long-line-1500-003.eml", false)]
    [InlineData("cte-binary-001.eml", false)]
    [InlineData("nul-bytes-001.eml", false)]
    [InlineData("lineend-bare-lf-001.eml", false)]
    [InlineData("lineend-mixed-001.eml", false)]
    [InlineData("lineend-no-final-newline-001.eml", false)]
    [InlineData("malformed-empty-file-001.eml", false)]
    public void IsSmtpCarriable_KnownFile_IsClassifiedRight(string fileName, bool expected)
    {
        Assert.Equal(expected, TestCorpus.IsSmtpCarriable(fileName));
    }

    [Theory]
    [InlineData("alt-001-plain-html.eml", true)]
    [InlineData("many-headers-003-2500.eml", true)]
    [InlineData("malformed-missing-boundary-001.eml", true)]
    [InlineData("malformed-no-header-block-001.eml", false)]
    [InlineData("malformed-no-header-block-002.eml", false)]
    [InlineData("malformed-header-no-colon-001.eml", false)]
    [InlineData("malformed-duplicate-headers-001.eml", false)]
    [InlineData("mbox-from-line-001.eml", false)]
    [InlineData("nul-bytes-002.eml", false)]
    public void IsRelaySafe_KnownFile_IsClassifiedRight(string fileName, bool expected)
    {
        Assert.Equal(expected, TestCorpus.IsRelaySafe(fileName));
    }

    [Fact]
    public void RelaySafeFiles_Corpus_AreAllSmtpCarriable()
    {
        var relaySafe = TestCorpus.FileNames.Where(TestCorpus.IsRelaySafe).ToList();

        Assert.All(relaySafe, name => Assert.True(TestCorpus.IsSmtpCarriable(name), name));
        Assert.Equal(relaySafe.Count, TestCorpus.RelaySafeFiles.Count);
        Assert.InRange(relaySafe.Count, TestCorpus.SmtpCarriableFiles.Count - 10, TestCorpus.SmtpCarriableFiles.Count - 4);
    }

    [Fact]
    public void SmtpCarriableFiles_Corpus_IsMostButNotAllOfIt()
    {
        var carriable = TestCorpus.SmtpCarriableFiles.Count;

        Assert.InRange(carriable, TestCorpus.FileNames.Count / 2, TestCorpus.FileNames.Count - 15);
    }

    [Theory]
    [MemberData(nameof(TestCorpus.LargeMessageSizes), MemberType = typeof(TestCorpus))]
    public void LargeMessagePath_RequestedSize_HasExactlyThatSizeAndParses(long size)
    {
        var path = TestCorpus.LargeMessagePath(size);

        Assert.Equal(size, new FileInfo(path).Length);
        Assert.Same(path, TestCorpus.LargeMessagePath(size));
        Assert.True(SmtpCarriability.IsCarriable(File.ReadAllBytes(path)));
        using var message = MimeKit.MimeMessage.Load(path);
        var attachment = Assert.Single(message.Attachments.OfType<MimeKit.MimePart>());
        using var decoded = new MemoryStream();
        Assert.NotNull(attachment.Content);
        attachment.Content.DecodeTo(decoded);
        Assert.InRange(decoded.Length, size * 7 / 10, size * 3 / 4);
        Assert.Contains("large attachment", message.Subject, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void WriteLargeMessage_SameSizeTwice_WritesIdenticalBytes()
    {
        using var folder = new Mailseal.Testing.TempDirectory();

        TestCorpus.WriteLargeMessage(folder.Combine("first.eml"), 300_000);
        TestCorpus.WriteLargeMessage(folder.Combine("second.eml"), 300_000);

        Assert.Equal(File.ReadAllBytes(folder.Combine("first.eml")), File.ReadAllBytes(folder.Combine("second.eml")));
    }

    [Theory]
    [InlineData(4_096)]
    [InlineData(4_097)]
    [InlineData(4_098)]
    [InlineData(77_777)]
    public void WriteLargeMessage_AwkwardSize_HitsItExactly(long size)
    {
        using var folder = new Mailseal.Testing.TempDirectory();

        TestCorpus.WriteLargeMessage(folder.Combine("m.eml"), size);

        Assert.Equal(size, new FileInfo(folder.Combine("m.eml")).Length);
        Assert.True(SmtpCarriability.IsCarriable(File.ReadAllBytes(folder.Combine("m.eml"))));
    }

    [Fact]
    public void PathOf_NameWithDirectory_Throws()
    {
        Assert.Throws<ArgumentException>(() => TestCorpus.PathOf("../corpus/alt-001-plain-html.eml"));
    }
}
