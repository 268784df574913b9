using System.Security.Cryptography;
using Mailseal.Storage;

namespace Mailseal.Cli.Hosting;

/// <summary>
/// The embedded default of `mailseal run`: SQLite and keys in the data folder, listeners on 127.0.0.1 (SMTP 2525,
/// LMTP 2424, Submission 2587, the portal on http 5080), delivery to the data folder's outbox, the portal's mail
/// handed to the Submission listener. Every value can be overridden.
/// </summary>
internal static class EmbeddedDefaults
{
    public const string SubmissionUserName = "portal";
    public const string SubmissionPasswordFileName = "submission-password";

    /// <summary>Where the portal's own mail comes from until the operator names a real address.</summary>
    public const string ServiceAddress = "no-reply@localhost";

    public static Dictionary<string, string?> For(string dataDirectory) => new()
    {
        ["Storage:DataDirectory"] = dataDirectory,
        ["Gateway:Listeners:0:Name"] = "smtp",
        ["Gateway:Listeners:0:Protocol"] = "Smtp",
        ["Gateway:Listeners:0:Endpoint"] = "127.0.0.1:2525",
        ["Gateway:Listeners:1:Name"] = "lmtp",
        ["Gateway:Listeners:1:Protocol"] = "Lmtp",
        ["Gateway:Listeners:1:Endpoint"] = "127.0.0.1:2424",
        ["Gateway:Listeners:2:Name"] = "submission",
        ["Gateway:Listeners:2:Protocol"] = "Submission",
        ["Gateway:Listeners:2:Endpoint"] = "127.0.0.1:2587",
        ["Gateway:Submission:UserName"] = SubmissionUserName,
        ["Portal:ServiceAddress"] = ServiceAddress,
        ["Portal:Reply:ServiceAddress"] = ServiceAddress,
        ["Portal:Submission:Endpoint"] = "127.0.0.1:2587",
        ["Portal:Submission:UserName"] = SubmissionUserName,
    };

    /// <summary>
    /// The Submission password of the embedded default: made once, random, in a file only the owner can read,
    /// so that the portal on the same machine can read it and nothing else can.
    /// </summary>
    public static string SubmissionPassword(string dataDirectory)
    {
        DataDirectory.Ensure(dataDirectory);
        var path = Path.Combine(dataDirectory, SubmissionPasswordFileName);
        if (File.Exists(path))
        {
            return File.ReadAllText(path).Trim();
        }

        var password = Convert.ToBase64String(RandomNumberGenerator.GetBytes(24));
        using (var file = new FileStream(path, CliFiles.PrivateNewFile(FileOptions.None)))
        using (var writer = new StreamWriter(file))
        {
            writer.Write(password);
        }

        return password;
    }
}
