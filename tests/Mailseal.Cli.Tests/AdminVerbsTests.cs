using System.Text.Json;
using Mailseal.Testing;
using Mailseal.Testing.Corpus;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;

namespace Mailseal.Cli.Tests;

/// <summary>Every admin verb of the command line, in tables and as --json, with its audit record.</summary>
public sealed class AdminVerbsTests : IDisposable
{
    private readonly TempDirectory _directory = new();

    private string DataDir => _directory.Combine("data");

    [Fact]
    public async Task Config_SetGetRevertNewRemove_AsExchangeDoes()
    {
        var logo = _directory.Combine("logo.png");
        await File.WriteAllBytesAsync(logo, Png());

        var set = await Run("config", "set", "--email-text", "Contoso intro", "--disclaimer-text", "Legal", "--portal-text", "Portal", "--image", logo);
        var table = await Run("config", "get");
        var reverted = await Run("config", "set", "--email-text", "", "--clear-image", "--json");
        var created = await Run("config", "new", "--identity", "Legal", "--email-text", "From legal");
        var removed = await Run("config", "remove", "--identity", "Legal");
        var all = await Run("config", "get", "--json");

        Assert.Contains("Contoso intro", set.Output, StringComparison.Ordinal);
        Assert.Contains("png, ", table.Output, StringComparison.Ordinal);
        using (var json = JsonDocument.Parse(reverted.Output))
        {
            var template = Assert.Single(json.RootElement.EnumerateArray());
            Assert.Equal(JsonValueKind.Null, template.GetProperty("emailText").ValueKind);
            Assert.Equal(JsonValueKind.Null, template.GetProperty("image").ValueKind);
            Assert.Equal("Legal", template.GetProperty("disclaimerText").GetString());
        }

        Assert.Contains("From legal", created.Output, StringComparison.Ordinal);
        Assert.Contains("removed OME configuration \"Legal\"", removed.Output, StringComparison.Ordinal);
        using var listed = JsonDocument.Parse(all.Output);
        Assert.Equal(["OME Configuration"], listed.RootElement.EnumerateArray().Select(t => t.GetProperty("identity").GetString()));
    }

    [Fact]
    public async Task Config_OverLimitOrWrongImage_OneLineNamingFieldAndLimit()
    {
        var notAnImage = _directory.Combine("logo.gif");
        await File.WriteAllTextAsync(notAnImage, "GIF89a");

        var text = await CliRun.InvokeAsync("config", "set", "--data-dir", DataDir, "--portal-text", new string('x', 129));
        var image = await CliRun.InvokeAsync("config", "set", "--data-dir", DataDir, "--image", notAnImage);
        var defaultRemoved = await CliRun.InvokeAsync("config", "remove", "--data-dir", DataDir, "--identity", "OME Configuration");

        Assert.Equal(1, text.ExitCode);
        Assert.Equal("mailseal: PortalText: must be at most 128 characters", text.Error.Trim());
        Assert.Equal(1, image.ExitCode);
        Assert.StartsWith("mailseal: Image: must be a png, jpg, bmp or tiff image", image.Error, StringComparison.Ordinal);
        Assert.Equal(1, defaultRemoved.ExitCode);
    }

    [Fact]
    public async Task Rules_NewSetEnableDisableRemoveList_ExchangeParameterNames()
    {
        await Run("rules", "new", "--name", "Encrypt outside", "--sent-to-scope", "NotInOrganization", "--apply-ome",
            "--except-if-subject-contains-words", "public", "newsletter");
        await Run("rules", "new", "--name", "Audit headers", "--priority", "0", "--mode", "Audit",
            "--header-contains-message-header", "X-Class", "--header-contains-words", "secret", "--set-header-name", "X-Seen", "--set-header-value", "1");
        await Run("rules", "set", "--identity", "Encrypt outside", "--except-if-subject-contains-words", "", "--priority", "0",
            "--apply-ome-branding-template", "Legal", "--stop-rule-processing");
        var disabled = await Run("rules", "disable", "--identity", "Audit headers");
        var json = await Run("rules", "list", "--json");
        var table = await Run("rules", "list");

        Assert.Contains("disabled rule \"Audit headers\" (priority 1, Disabled)", disabled.Output, StringComparison.Ordinal);
        using (var document = JsonDocument.Parse(json.Output))
        {
            var rules = document.RootElement.EnumerateArray().ToList();
            Assert.Equal(["Encrypt outside", "Audit headers"], rules.Select(r => r.GetProperty("name").GetString()));
            Assert.Empty(rules[0].GetProperty("exceptions").EnumerateArray());
            Assert.True(rules[0].GetProperty("stopRuleProcessing").GetBoolean());
            Assert.Equal("Legal", rules[0].GetProperty("actions").GetProperty("applyOMEBrandingTemplate").GetString());
            var header = Assert.Single(rules[1].GetProperty("conditions").EnumerateArray());
            Assert.Equal(("HeaderContainsWords", "X-Class"), (header.GetProperty("name").GetString(), header.GetProperty("header").GetString()));
            Assert.Equal("Audit", rules[1].GetProperty("mode").GetString());
        }

        Assert.Contains("ApplyOME(Legal)", table.Output, StringComparison.Ordinal);
        Assert.Contains("enabled rule", (await Run("rules", "enable", "--identity", "audit headers")).Output, StringComparison.Ordinal);
        Assert.Contains("removed rule", (await Run("rules", "remove", "--identity", "Encrypt outside")).Output, StringComparison.Ordinal);
        Assert.DoesNotContain("Encrypt outside", (await Run("rules", "list")).Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Rules_UnknownValue_RefusedNamingTheParameter()
    {
        var run = await CliRun.InvokeAsync("rules", "new", "--data-dir", DataDir, "--name", "x", "--except-if-sent-to-scope", "Mars");

        Assert.Equal(1, run.ExitCode);
        Assert.Equal("mailseal: ExceptIfSentToScope: must be InOrganization or NotInOrganization.", run.Error.Trim());
    }

    [Fact]
    public async Task RulesTest_Json_DecisionPerRecipient()
    {
        await Run("domains", "new", "--name", "contoso.com");
        await Run("rules", "new", "--name", "Encrypt outside", "--sent-to-scope", "NotInOrganization", "--apply-ome");

        var run = await Run("rules", "test", "--in", TestCorpus.PathOf("text-only-001.eml"), "--sender", "ann@contoso.com",
            "--recipient", "carol@fabrikam.com", "--recipient", "bob@contoso.com", "--json");

        using var json = JsonDocument.Parse(run.Output);
        var recipients = json.RootElement.GetProperty("evaluation").GetProperty("recipients").EnumerateArray().ToList();
        Assert.True(recipients.Single(r => r.GetProperty("recipient").GetString() == "carol@fabrikam.com").GetProperty("decision").GetProperty("applyOme").GetBoolean());
        Assert.False(recipients.Single(r => r.GetProperty("recipient").GetString() == "bob@contoso.com").GetProperty("decision").GetProperty("applyOme").GetBoolean());
        Assert.Equal(2, json.RootElement.GetProperty("evaluation").GetProperty("copies").GetArrayLength());
    }

    [Fact]
    public async Task DomainsAndUsers_NewSetListRemove()
    {
        await Run("domains", "new", "--name", "contoso.com");
        await Run("domains", "new", "--name", "fabrikam.com", "--type", "InternalRelay");
        await Run("users", "new", "--address", "ann@contoso.com", "--language", "de-DE", "--display-name", "Ann");
        var set = await Run("users", "set", "--address", "ann@contoso.com", "--may-send-encrypted", "false", "--language", "");
        var domains = await Run("domains", "list", "--json");
        var users = await Run("users", "list");
        await Run("domains", "remove", "--name", "fabrikam.com");
        await Run("users", "remove", "--address", "ann@contoso.com");

        Assert.Contains("ann@contoso.com  Ann           (default)  no", set.Output, StringComparison.Ordinal);
        using var json = JsonDocument.Parse(domains.Output);
        Assert.Equal(["contoso.com", "fabrikam.com"], json.RootElement.EnumerateArray().Select(d => d.GetProperty("domainName").GetString()));
        Assert.Contains("ann@contoso.com", users.Output, StringComparison.Ordinal);
        Assert.Equal("DOMAIN       TYPE\ncontoso.com  Authoritative", (await Run("domains", "list")).Output.ReplaceLineEndings("\n").Trim());
        Assert.Equal("[]", (await Run("users", "list", "--json")).Output.Trim());
    }

    [Fact]
    public async Task Report_EmptyAndBackwardsRange()
    {
        var empty = await Run("report", "--start", "2026-01-01", "--end", "2026-01-31", "--json");
        var backwards = await CliRun.InvokeAsync("report", "--data-dir", DataDir, "--start", "2026-02-01", "--end", "2026-01-01");

        Assert.Equal("[]", empty.Output.Trim());
        Assert.Equal("mailseal: EndDate: must not be before StartDate", backwards.Error.Trim());
    }

    [Fact]
    public async Task AdminKey_NewPrintsItOnceListNeverRevokeWorks()
    {
        var created = await Run("admin-key", "new", "--name", "ops");
        var secret = created.Output.Split('\n').Single(l => l.StartsWith("msk_", StringComparison.Ordinal)).Trim();
        var id = secret.Split('_')[1];
        var listed = await Run("admin-key", "list", "--json");
        var revoked = await Run("admin-key", "revoke", "--id", id);
        var table = await Run("admin-key", "list");

        Assert.DoesNotContain(secret[20..], listed.Output, StringComparison.Ordinal);
        using (var json = JsonDocument.Parse(listed.Output))
        {
            Assert.Equal(id, Assert.Single(json.RootElement.EnumerateArray()).GetProperty("id").GetString());
        }

        Assert.Contains($"revoked admin API key {id}", revoked.Output, StringComparison.Ordinal);
        Assert.DoesNotContain(secret[20..], table.Output, StringComparison.Ordinal);
        Assert.Matches(@$"{id}\s+ops\s+\S+ \S+\s+-\s+\d{{4}}-", table.Output);
    }

    [Fact]
    public async Task Audit_EveryChangeByTheCliActorWithoutSecrets()
    {
        await Run("keys", "new");
        await Run("config", "set", "--email-text", "Intro");
        await Run("dkim", "new", "--domain", "contoso.com", "--selector", "s1", "--size", "1024");
        var key = await Run("admin-key", "new", "--name", "ops");

        var audit = await Run("audit", "--json");
        var table = await Run("audit");

        using var json = JsonDocument.Parse(audit.Output);
        var records = json.RootElement.EnumerateArray().ToList();
        Assert.Equal(["AdminApiKey", "DkimKey", "OMEConfiguration", "TenantKey", "TenantKey", "TenantKey"],
            records.Select(r => r.GetProperty("objectKind").GetString()));
        Assert.All(records, r => Assert.Equal("cli:" + Environment.UserName, r.GetProperty("actor").GetString()));
        var secret = key.Output.Split('\n').Single(l => l.StartsWith("msk_", StringComparison.Ordinal)).Trim();
        Assert.DoesNotContain(secret[20..], audit.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("PRIVATE", audit.Output, StringComparison.Ordinal);
        Assert.Contains("OMEConfiguration", table.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task KeysAndDkim_MovedOntoTheService_JsonHasNoSecret()
    {
        await Run("keys", "new");
        var rotated = await Run("keys", "rotate", "--purpose", "signing");
        var keyId = rotated.Output.Split(' ')[1];
        var retired = await Run("keys", "retire", keyId);
        var keys = await Run("keys", "list", "--json");
        var dkim = await Run("dkim", "new", "--domain", "contoso.com", "--selector", "s1", "--size", "1024", "--json");

        Assert.Equal($"retired {keyId}", retired.Output.Trim());
        using var json = JsonDocument.Parse(keys.Output);
        Assert.Equal(4, json.RootElement.GetArrayLength());
        Assert.Equal("retired", json.RootElement.EnumerateArray().Single(k => k.GetProperty("id").GetString() == keyId).GetProperty("state").GetString());
        using var record = JsonDocument.Parse(dkim.Output);
        Assert.Equal("s1._domainkey.contoso.com", record.RootElement.GetProperty("dnsName").GetString());
        Assert.DoesNotContain("PRIVATE", keys.Output + dkim.Output + rotated.Output, StringComparison.Ordinal);
    }

    public void Dispose() => _directory.Dispose();

    private Task<CliRun> Run(params string[] args) => CliRun.SucceedAsync(DataDir, args);

    private static byte[] Png()
    {
        using var image = new Image<Rgba32>(120, 40, new Rgba32(200, 30, 30));
        using var output = new MemoryStream();
        image.SaveAsPng(output);
        return output.ToArray();
    }
}
