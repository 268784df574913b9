namespace Mailseal.Core.Rules;

/// <summary>An attachment as rules see it: its file name (may be empty) and decoded size in bytes.</summary>
public sealed record AttachmentFact(string FileName, long Size)
{
    /// <summary>The extension without the dot, or "" when the name has none.</summary>
    public string Extension => Path.GetExtension(FileName) is { Length: > 1 } extension ? extension[1..] : "";
}
