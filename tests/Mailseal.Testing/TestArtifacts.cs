namespace Mailseal.Testing;

/// <summary>
/// Where tests keep files worth looking at afterwards (screenshots): the folder named by
/// MAILSEAL_TEST_ARTIFACTS, or TestResults/artifacts at the repository root (ignored by git).
/// </summary>
public static class TestArtifacts
{
    public static string Directory
    {
        get
        {
            var configured = Environment.GetEnvironmentVariable("MAILSEAL_TEST_ARTIFACTS");
            var path = string.IsNullOrWhiteSpace(configured)
                ? System.IO.Path.Combine(RepositoryRoot.Path, "TestResults", "artifacts")
                : configured;
            System.IO.Directory.CreateDirectory(path);
            return path;
        }
    }

    public static string PathFor(string fileName) => System.IO.Path.Combine(Directory, fileName);
}
