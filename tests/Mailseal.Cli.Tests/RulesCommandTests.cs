using Mailseal.Testing;
using Mailseal.Testing.Corpus;

namespace Mailseal.Cli.Tests;

public sealed class RulesCommandTests : IDisposable
{
    private const string Document = """
        {
          "version": 2,
          "acceptedDomains": [ { "domainName": "contoso.com", "type": "Authoritative" } ],
          "users": [
            { "address": "ann@contoso.com", "displayName": "Ann", "language": "de-DE", "maySendEncrypted": true },
            { "address": "eve@contoso.com", "displayName": "Eve", "language": null, "maySendEncrypted": false }
          ],
          "rules": [
            {
              "name": "Tag audit", "priority": 1, "mode": "Audit",
              "actions": { "setHeaderName": "X-Audit", "setHeaderValue": "1" }
            },
            {
              "name": "Encrypt outside", "priority": 0,
              "conditions": [ { "name": "SentToScope", "values": [ "NotInOrganization" ] } ],
              "exceptions": [ { "name": "ExceptIfSubjectContainsWords", "values": [ "public" ] } ],
              "actions": { "applyOME": true, "applyOMEBrandingTemplate": "Legal" }
            }
          ]
        }
        """;

    private readonly TempDirectory _directory = new();

    [Fact]
    public async Task Test_InternalAndExternal_ExplainsAndSplitsIntoTwoCopies()
    {
        var data = await ImportAsync();

        var run = await CliRun.InvokeAsync("rules", "test", "--data-dir", data, "--in", TestCorpus.PathOf("text-only-001.eml"),
            "--sender", "ann@contoso.com", "--recipient", "carol@fabrikam.com", "--recipient", "bob@contoso.com");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("rule \"Encrypt outside\" (priority 0, Enabled, Enforce)", run.Output, StringComparison.Ordinal);
        Assert.Contains("rule \"Tag audit\" (priority 1, Enabled, Audit)", run.Output, StringComparison.Ordinal);
        Assert.Contains("recipient carol@fabrikam.com is NotInOrganization", run.Output, StringComparison.Ordinal);
        Assert.Contains("recipient bob@contoso.com is InOrganization", run.Output, StringComparison.Ordinal);
        Assert.Contains("copies: 2", run.Output, StringComparison.Ordinal);
        Assert.Contains("apply OME with template \"Legal\" → carol@fabrikam.com", run.Output, StringComparison.Ordinal);
        Assert.Contains("deliver unchanged → bob@contoso.com", run.Output, StringComparison.Ordinal);
        Assert.Contains("\"Tag audit\" (Audit)", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Test_SenderNotAllowedToEncrypt_ShowsRejection()
    {
        var data = await ImportAsync();
        var message = _directory.Combine("m.eml");
        await File.WriteAllTextAsync(message, "From: eve@contoso.com\r\nTo: carol@fabrikam.com\r\nSubject: Figures\r\n\r\nBody\r\n");

        var run = await CliRun.InvokeAsync("rules", "test", "--data-dir", data, "--in", message,
            "--sender", "eve@contoso.com", "--recipient", "carol@fabrikam.com");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("copy 1: reject 5.7.1 \"Sender not allowed to send encrypted mail\" → carol@fabrikam.com", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Test_NoRecipient_UsageError()
    {
        var run = await CliRun.InvokeAsync("rules", "test", "--data-dir", _directory.Combine("data"), "--in", TestCorpus.PathOf("text-only-001.eml"),
            "--sender", "ann@contoso.com");

        Assert.NotEqual(0, run.ExitCode);
    }

    [Fact]
    public async Task Import_RulesDocument_ExportGivesItBackAndReimportChangesNothing()
    {
        var data = await ImportAsync();
        var exported = _directory.Combine("exported.json");
        Assert.Equal(0, (await CliRun.InvokeAsync("export", "--data-dir", data, "--out", exported)).ExitCode);

        var dryRun = await CliRun.InvokeAsync("import", "--data-dir", data, exported, "--dry-run");
        var second = _directory.Combine("second");
        Assert.Equal(0, (await CliRun.InvokeAsync("import", "--data-dir", second, exported)).ExitCode);
        var reExported = await CliRun.InvokeAsync("export", "--data-dir", second);

        Assert.Equal(0, dryRun.ExitCode);
        Assert.DoesNotContain("rule", dryRun.Output, StringComparison.Ordinal);
        Assert.Equal(await File.ReadAllBytesAsync(exported), reExported.StandardOutputBytes);
        var text = await File.ReadAllTextAsync(exported);
        Assert.True(text.IndexOf("Encrypt outside", StringComparison.Ordinal) < text.IndexOf("Tag audit", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Import_ChangedRules_DryRunListsChangesAndKeepsStore()
    {
        var data = await ImportAsync();
        var changed = _directory.Combine("changed.json");
        await File.WriteAllTextAsync(changed, Document
            .Replace("\"mode\": \"Audit\"", "\"mode\": \"AuditAndNotify\"", StringComparison.Ordinal)
            .Replace("\"name\": \"Encrypt outside\"", "\"name\": \"Seal outside\"", StringComparison.Ordinal)
            .Replace("\"domainName\": \"contoso.com\"", "\"domainName\": \"contoso.org\"", StringComparison.Ordinal));

        var dryRun = await CliRun.InvokeAsync("import", "--data-dir", data, changed, "--dry-run");
        var again = await CliRun.InvokeAsync("import", "--data-dir", data, changed, "--dry-run");

        Assert.Contains("update rule \"Tag audit\": mode", dryRun.Output, StringComparison.Ordinal);
        Assert.Contains("add    rule \"Seal outside\"", dryRun.Output, StringComparison.Ordinal);
        Assert.Contains("remove rule \"Encrypt outside\"", dryRun.Output, StringComparison.Ordinal);
        Assert.Contains("add    acceptedDomain \"contoso.org\"", dryRun.Output, StringComparison.Ordinal);
        Assert.Contains("remove acceptedDomain \"contoso.com\"", dryRun.Output, StringComparison.Ordinal);
        Assert.Equal(dryRun.Output, again.Output);
    }

    [Fact]
    public async Task Import_InvalidRule_RefusedNamingRuleAndParameterAndNothingChanged()
    {
        var data = await ImportAsync();
        var bad = _directory.Combine("bad.json");
        await File.WriteAllTextAsync(bad, Document.Replace("\"NotInOrganization\"", "\"Outside\"", StringComparison.Ordinal)
            .Replace("\"maySendEncrypted\": false", "\"maySendEncrypted\": true", StringComparison.Ordinal));

        var run = await CliRun.InvokeAsync("import", "--data-dir", data, bad);
        var check = await CliRun.InvokeAsync("import", "--data-dir", data, bad.Replace("bad", "doc", StringComparison.Ordinal), "--dry-run");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("Rule \"Encrypt outside\": SentToScope: must be InOrganization or NotInOrganization", run.Error, StringComparison.Ordinal);
        Assert.Equal("no changes", check.Output.Trim());
    }

    public void Dispose() => _directory.Dispose();

    private async Task<string> ImportAsync()
    {
        var data = _directory.Combine("data");
        var document = _directory.Combine("doc.json");
        await File.WriteAllTextAsync(document, Document);
        var run = await CliRun.InvokeAsync("import", "--data-dir", data, document);
        Assert.True(run.ExitCode == 0, run.ToString());
        return data;
    }
}
