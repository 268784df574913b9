using System.Text;
using Mailseal.Protection.Envelope;
using Mailseal.Testing;
using Mailseal.Testing.Corpus;
using MimeKit;

namespace Mailseal.Cli.Tests;

public sealed class SealCommandTests : IDisposable
{
    private readonly TempDirectory _directory = new();

    public SealCommandTests()
    {
        Assert.Equal(0, CliRun.InvokeAsync("keys", "new", "--data-dir", DataDir).GetAwaiter().GetResult().ExitCode);
    }

    public static TheoryData<string> Files => TestCorpus.Files;

    public static TheoryData<long> LargeSizes => TestCorpus.LargeMessageSizes;

    private string DataDir => _directory.Combine("data");

    [Theory]
    [MemberData(nameof(Files))]
    public async Task SealThenUnseal_CorpusMessage_IdenticalBytes(string fileName)
    {
        var wrapper = _directory.Combine("wrapper.eml");
        var unsealed = _directory.Combine("unsealed.eml");

        var sealedRun = await CliRun.InvokeAsync(
            "seal", "--data-dir", DataDir, "--sender", "alice@example.org", "--recipient", "bob@example.net",
            "--in", TestCorpus.PathOf(fileName), "--out", wrapper);
        var unsealedRun = await CliRun.InvokeAsync("unseal", "--data-dir", DataDir, "--in", wrapper, "--out", unsealed);

        Assert.True(sealedRun.ExitCode == 0, sealedRun.ToString());
        Assert.True(unsealedRun.ExitCode == 0, unsealedRun.ToString());
        Assert.Equal(TestCorpus.ReadAllBytes(fileName), await File.ReadAllBytesAsync(unsealed));
    }

    [Theory]
    [MemberData(nameof(LargeSizes))]
    public async Task SealThenUnseal_LargeMessage_IdenticalBytes(long size)
    {
        var original = TestCorpus.LargeMessagePath(size);
        var wrapper = _directory.Combine("wrapper.eml");
        var unsealed = _directory.Combine("unsealed.eml");

        var sealedRun = await CliRun.InvokeAsync(
            "seal", "--data-dir", DataDir, "--sender", "alice@example.org", "--recipient", "bob@example.net", "--in", original, "--out", wrapper);
        var unsealedRun = await CliRun.InvokeAsync("unseal", "--data-dir", DataDir, "--in", wrapper, "--out", unsealed);

        Assert.True(sealedRun.ExitCode == 0, sealedRun.ToString());
        Assert.True(unsealedRun.ExitCode == 0, unsealedRun.ToString());
        await using var expected = File.OpenRead(original);
        await using var actual = File.OpenRead(unsealed);
        Assert.Equal(await System.Security.Cryptography.SHA256.HashDataAsync(expected), await System.Security.Cryptography.SHA256.HashDataAsync(actual));
    }

    [Fact]
    public async Task SealThenUnseal_StandardStreams_IdenticalBytes()
    {
        var original = TestCorpus.ReadAllBytes(TestCorpus.FileNames[0]);

        var sealedRun = await CliRun.InvokeAsync(
            original, "seal", "--data-dir", DataDir, "--sender", "alice@example.org", "--recipient", "bob@example.net", "--in", "-", "--out", "-");
        var unsealedRun = await CliRun.InvokeAsync(sealedRun.StandardOutputBytes, "unseal", "--data-dir", DataDir, "--in", "-", "--out", "-");

        Assert.Equal(0, unsealedRun.ExitCode);
        Assert.Equal(original, unsealedRun.StandardOutputBytes);
    }

    [Fact]
    public async Task Unseal_TamperedWrapper_UniformErrorAndNoOutputFile()
    {
        var wrapper = _directory.Combine("wrapper.eml");
        var unsealed = _directory.Combine("unsealed.eml");
        await CliRun.InvokeAsync(
            "seal", "--data-dir", DataDir, "--sender", "alice@example.org", "--recipient", "bob@example.net",
            "--in", TestCorpus.PathOf(TestCorpus.FileNames[0]), "--out", wrapper);
        var envelope = await ExtractEnvelopeAsync(wrapper);
        envelope[^5] ^= 1;
        var messageHtml = _directory.Combine("message.html");
        await File.WriteAllTextAsync(messageHtml, $"<!doctype html><form><input type=\"hidden\" name=\"envelope\" value=\"{Convert.ToBase64String(envelope)}\"></form>");

        var run = await CliRun.InvokeAsync("unseal", "--data-dir", DataDir, "--in", messageHtml, "--out", unsealed);

        Assert.Equal(1, run.ExitCode);
        Assert.Equal($"mailseal: {EnvelopeInvalidException.UniformMessage}", run.Error.Trim());
        Assert.False(File.Exists(unsealed));
        Assert.Empty(Directory.GetFiles(_directory.Path, "*.partial"));
    }

    [Fact]
    public async Task Unseal_AnotherTenantsEnvelope_UniformError()
    {
        var otherData = _directory.Combine("other");
        await CliRun.InvokeAsync("keys", "new", "--data-dir", otherData);
        var wrapper = _directory.Combine("wrapper.eml");
        await CliRun.InvokeAsync(
            "seal", "--data-dir", otherData, "--sender", "alice@example.org", "--recipient", "bob@example.net",
            "--in", TestCorpus.PathOf(TestCorpus.FileNames[0]), "--out", wrapper);

        var run = await CliRun.InvokeAsync("unseal", "--data-dir", DataDir, "--in", wrapper, "--out", _directory.Combine("out.eml"));

        Assert.Equal($"mailseal: {EnvelopeInvalidException.UniformMessage}", run.Error.Trim());
    }

    [Fact]
    public async Task Inspect_Wrapper_PrintsLicenseWithRecipientCountOnly()
    {
        var wrapper = _directory.Combine("wrapper.eml");
        await CliRun.InvokeAsync(
            "seal", "--data-dir", DataDir, "--sender", "alice@example.org", "--recipient", "bob@example.net", "--recipient", "carol@example.com",
            "--language", "de", "--in", TestCorpus.PathOf(TestCorpus.FileNames[0]), "--out", wrapper);

        var run = await CliRun.InvokeAsync("inspect", "--in", wrapper);

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("sender:             alice@example.org", run.Output, StringComparison.Ordinal);
        Assert.Contains("recipients:         2", run.Output, StringComparison.Ordinal);
        Assert.Contains("language:           de", run.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("bob@example.net", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Seal_UnknownTemplate_FailsAndWritesNothing()
    {
        var wrapper = _directory.Combine("wrapper.eml");

        var run = await CliRun.InvokeAsync(
            "seal", "--data-dir", DataDir, "--sender", "alice@example.org", "--recipient", "bob@example.net", "--template", "Nope",
            "--in", TestCorpus.PathOf(TestCorpus.FileNames[0]), "--out", wrapper);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("Nope", run.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(wrapper));
    }

    [Fact]
    public async Task Seal_TooManyRecipients_RefusedWithTheLimit()
    {
        var args = new List<string> { "seal", "--data-dir", DataDir, "--sender", "alice@example.org", "--in", TestCorpus.PathOf(TestCorpus.FileNames[0]), "--out", _directory.Combine("w.eml") };
        for (var i = 0; i < 501; i++)
        {
            args.AddRange(["--recipient", $"r{i}@example.net"]);
        }

        var run = await CliRun.InvokeAsync([.. args]);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("500", run.Error, StringComparison.Ordinal);
    }

    private static async Task<byte[]> ExtractEnvelopeAsync(string wrapperPath)
    {
        using var message = await MimeMessage.LoadAsync(wrapperPath);
        var part = message.Attachments.OfType<MimePart>().Single(p => p.FileName == "message.html");
        using var html = new MemoryStream();
        await part.Content!.DecodeToAsync(html);
        var text = Encoding.ASCII.GetString(html.ToArray());
        var start = text.IndexOf("value=\"", StringComparison.Ordinal) + 7;
        var end = text.IndexOf('"', start);
        return Convert.FromBase64String(text[start..end].ReplaceLineEndings(""));
    }

    public void Dispose() => _directory.Dispose();
}
