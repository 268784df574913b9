using System.Text.Json;

namespace Mailseal.Protection.Tests.Envelope;

/// <summary>Reads the marked parts of docs/envelope-format.md, so tests check the document itself.</summary>
internal static class FormatDocument
{
    private static readonly Lazy<string> Text = new(() => File.ReadAllText(RepositoryFiles.Path("docs", "envelope-format.md")));

    /// <summary>The fenced block right after <c>&lt;!-- example:NAME --&gt;</c>.</summary>
    public static string Block(string name)
    {
        var marker = Text.Value.IndexOf($"<!-- example:{name} -->", StringComparison.Ordinal);
        Assert.True(marker >= 0, $"No example block '{name}' in the document.");
        var open = Text.Value.IndexOf("```", marker, StringComparison.Ordinal);
        var start = Text.Value.IndexOf('\n', open) + 1;
        var end = Text.Value.IndexOf("\n```", start, StringComparison.Ordinal);
        return Text.Value[start..end];
    }

    public static byte[] Hex(string name) =>
        Convert.FromHexString(string.Concat(Block(name).Where(c => !char.IsWhiteSpace(c))));

    /// <summary>The rows of the recipient vector table: address, normal form, hash.</summary>
    public static IReadOnlyList<(string Address, string NormalForm, string Hash)> RecipientVectors()
    {
        var start = Text.Value.IndexOf("<!-- recipient-vectors:start -->", StringComparison.Ordinal);
        var end = Text.Value.IndexOf("<!-- recipient-vectors:end -->", StringComparison.Ordinal);
        Assert.True(start >= 0 && end > start, "No recipient vector table in the document.");
        return [.. Text.Value[start..end]
            .Split('\n')
            .Where(line => line.StartsWith("| `", StringComparison.Ordinal))
            .Select(line => line.Split('`'))
            .Select(cells => (
                JsonSerializer.Deserialize<string>(cells[1])!,
                JsonSerializer.Deserialize<string>(cells[3])!,
                cells[5]))];
    }
}
