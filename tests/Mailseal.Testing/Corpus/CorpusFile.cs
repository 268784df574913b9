namespace Mailseal.Testing.Corpus;

/// <summary>One message of the test corpus: its file name and its exact bytes.</summary>
/// <param name="Name">The file name, which starts with the category prefix (for example <c>alt-001-plain-html.eml</c>).</param>
/// <param name="Content">The exact bytes of the message as committed.</param>
public sealed record CorpusFile(string Name, byte[] Content);
