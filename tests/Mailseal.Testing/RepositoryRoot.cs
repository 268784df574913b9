namespace Mailseal.Testing;

/// <summary>The repository's root folder (the one holding Mailseal.slnx), found from the test binaries.</summary>
public static class RepositoryRoot
{
    private static readonly Lazy<string> Root = new(Find);

    public static string Path => Root.Value;

    /// <summary>A path under tests/TestData.</summary>
    public static string TestData(params string[] parts) =>
        System.IO.Path.Combine([Path, "tests", "TestData", .. parts]);

    private static string Find()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(directory.FullName, "Mailseal.slnx")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"No Mailseal.slnx above {AppContext.BaseDirectory}.");
    }
}
