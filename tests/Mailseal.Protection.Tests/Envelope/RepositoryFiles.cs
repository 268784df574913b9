namespace Mailseal.Protection.Tests.Envelope;

/// <summary>Files of the repository (docs, test data), found from the test's output folder.</summary>
internal static class RepositoryFiles
{
    private static readonly Lazy<string> Root = new(FindRoot);

    public static string Path(params string[] parts) => System.IO.Path.Combine([Root.Value, .. parts]);

    private static string FindRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(folder.FullName, "Mailseal.slnx")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException("Mailseal.slnx not found above " + AppContext.BaseDirectory);
    }
}
