using System.Security.Cryptography;
using System.Text.Json;
using System.Text.RegularExpressions;
using Mailseal.Testing;

namespace Mailseal.Cli.Tests;

public sealed class DkimCommandTests : IDisposable
{
    private readonly TempDirectory _directory = new();

    private string DataDir => _directory.Combine("data");

    [Fact]
    public async Task New_PrintsTheTxtRecordOfTheStoredKey()
    {
        var created = await CliRun.InvokeAsync("dkim", "new", "--data-dir", DataDir, "--domain", "example.com", "--selector", "s2026");
        var listed = await CliRun.InvokeAsync("dkim", "list", "--data-dir", DataDir, "--json");

        Assert.Equal(0, created.ExitCode);
        Assert.Equal(0, listed.ExitCode);
        var record = created.Output.Split('\n').Single(l => l.StartsWith("s2026._domainkey.example.com. IN TXT ", StringComparison.Ordinal));
        var strings = Regex.Matches(record, "\"([^\"]*)\"").Select(m => m.Groups[1].Value).ToList();
        Assert.All(strings, s => Assert.InRange(s.Length, 1, 255));
        using var json = JsonDocument.Parse(listed.Output);
        var key = Assert.Single(json.RootElement.EnumerateArray());
        Assert.Equal(key.GetProperty("txtValue").GetString(), string.Concat(strings));
        Assert.Equal(2048, key.GetProperty("keySizeBits").GetInt32());
        using var rsa = RSA.Create();
        rsa.ImportSubjectPublicKeyInfo(Convert.FromBase64String(string.Concat(strings)["v=DKIM1; k=rsa; p=".Length..]), out _);
        Assert.Equal(2048, rsa.KeySize);
        Assert.DoesNotContain("PRIVATE", created.Output + listed.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task New_SameSelectorTwice_FailsWithOneLine()
    {
        await CliRun.InvokeAsync("dkim", "new", "--data-dir", DataDir, "--domain", "example.com", "--selector", "s1", "--size", "1024");

        var again = await CliRun.InvokeAsync("dkim", "new", "--data-dir", DataDir, "--domain", "example.com", "--selector", "s1", "--size", "1024");

        Assert.NotEqual(0, again.ExitCode);
        Assert.StartsWith("mailseal: ", again.Error, StringComparison.Ordinal);
        Assert.Contains("s1", again.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task List_Empty_SaysHowToMakeOne()
    {
        var listed = await CliRun.InvokeAsync("dkim", "list", "--data-dir", DataDir);

        Assert.Equal(0, listed.ExitCode);
        Assert.Contains("mailseal dkim new", listed.Output, StringComparison.Ordinal);
    }

    public void Dispose() => _directory.Dispose();
}
