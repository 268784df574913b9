using System.Collections.Concurrent;

namespace Mailseal.Testing.Corpus;

/// <summary>
/// The message corpus under tests/TestData/corpus, found by walking up from the test's base directory to
/// the folder holding Mailseal.slnx (so <c>dotnet test</c> works from the repository root or any project),
/// plus the two large messages, generated on demand into a temporary folder once per test run.
/// </summary>
public static class TestCorpus
{
    /// <summary>Size of the "1 MB" message. Decimal megabytes, so neither message exceeds a 25 MB limit of either kind.</summary>
    public const long OneMegabyte = 1_000_000;

    /// <summary>Size of the "25 MB" message: exactly at, never over, a 25 MB (or 25 MiB) limit.</summary>
    public const long TwentyFiveMegabytes = 25_000_000;

    private const string SolutionFile = "Mailseal.slnx";

    private static readonly Lazy<string> Root = new(FindTestDataDirectory);
    private static readonly Lazy<TempDirectory> LargeFolder = new(CreateLargeFolder);
    private static readonly ConcurrentDictionary<long, Lazy<string>> LargeMessages = new();

    /// <summary>Absolute path of tests/TestData.</summary>
    public static string TestDataDirectory => Root.Value;

    /// <summary>Absolute path of tests/TestData/corpus.</summary>
    public static string CorpusDirectory => Path.Combine(TestDataDirectory, "corpus");

    /// <summary>File names of every committed corpus message (not the large ones), sorted ordinally.</summary>
    public static IReadOnlyList<string> FileNames =>
        [.. Directory.EnumerateFiles(CorpusDirectory, "*.eml").Select(path => Path.GetFileName(path)).Order(StringComparer.Ordinal)];

    /// <summary>Every committed corpus file name, as xunit theory data.</summary>
    public static TheoryData<string> Files => ToTheoryData(FileNames);

    /// <summary>Corpus file names that SMTP can carry unchanged (see <see cref="SmtpCarriability"/>).</summary>
    public static TheoryData<string> SmtpCarriableFiles => ToTheoryData(FileNames.Where(IsSmtpCarriable));

    /// <summary>
    /// Corpus file names that an MTA such as Postfix relays with nothing changed but its prepended trace
    /// fields (see <see cref="RelaySafety"/>): SMTP-carriable, with a complete header block.
    /// </summary>
    public static TheoryData<string> RelaySafeFiles => ToTheoryData(FileNames.Where(IsRelaySafe));

    /// <summary>Sizes of the large messages, for theories over <see cref="LargeMessagePath"/>.</summary>
    public static TheoryData<long> LargeMessageSizes => [OneMegabyte, TwentyFiveMegabytes];

    /// <summary>Absolute path of a corpus file given its name.</summary>
    public static string PathOf(string fileName)
    {
        ArgumentException.ThrowIfNullOrEmpty(fileName);
        if (fileName.Contains('/', StringComparison.Ordinal) || fileName.Contains('\\', StringComparison.Ordinal))
        {
            throw new ArgumentException("Give the corpus file name only, not a path.", nameof(fileName));
        }

        return Path.Combine(CorpusDirectory, fileName);
    }

    public static byte[] ReadAllBytes(string fileName) => File.ReadAllBytes(PathOf(fileName));

    /// <summary>File names whose category prefix is <paramref name="prefix"/> (for example "charset-koi8r-").</summary>
    public static IReadOnlyList<string> InCategory(string prefix) =>
        [.. FileNames.Where(name => name.StartsWith(prefix, StringComparison.Ordinal))];

    public static bool IsSmtpCarriable(string fileName) => SmtpCarriability.IsCarriable(ReadAllBytes(fileName));

    public static bool IsRelaySafe(string fileName) => RelaySafety.IsRelaySafe(ReadAllBytes(fileName));

    /// <summary>
    /// Path of a deterministic large message of exactly <paramref name="size"/> bytes, written on first use
    /// into a temporary folder that is deleted when the test process exits.
    /// </summary>
    public static string LargeMessagePath(long size)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(size, 4_096);
        return LargeMessages.GetOrAdd(size, s => new Lazy<string>(() => WriteLarge(s))).Value;
    }

    /// <summary>Writes the deterministic large message of exactly <paramref name="size"/> bytes to <paramref name="path"/>.</summary>
    public static void WriteLargeMessage(string path, long size)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        ArgumentOutOfRangeException.ThrowIfLessThan(size, 4_096);
        LargeMessageWriter.Write(path, size);
    }

    private static string WriteLarge(long size)
    {
        var path = LargeFolder.Value.Combine($"large-{size}.eml");
        LargeMessageWriter.Write(path, size);
        return path;
    }

    private static TempDirectory CreateLargeFolder()
    {
        var folder = new TempDirectory();
        AppDomain.CurrentDomain.ProcessExit += (_, _) => folder.Dispose();
        return folder;
    }

    private static TheoryData<string> ToTheoryData(IEnumerable<string> names)
    {
        var data = new TheoryData<string>();
        foreach (var name in names)
        {
            data.Add(name);
        }

        return data;
    }

    private static string FindTestDataDirectory()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, SolutionFile)))
            {
                var testData = Path.Combine(directory.FullName, "tests", "TestData");
                return Directory.Exists(testData)
                    ? testData
                    : throw new DirectoryNotFoundException($"{SolutionFile} found in {directory.FullName}, but tests/TestData is missing.");
            }
        }

        throw new DirectoryNotFoundException($"No {SolutionFile} above {AppContext.BaseDirectory}: cannot locate tests/TestData.");
    }
}
