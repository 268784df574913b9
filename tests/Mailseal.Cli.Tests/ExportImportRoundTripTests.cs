using System.Text.Json;
using Mailseal.Testing;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;

namespace Mailseal.Cli.Tests;

public sealed class ExportImportRoundTripTests : IDisposable
{
    private readonly TempDirectory _directory = new();

    [Fact]
    public async Task EveryKindConfigured_ExportImportIntoEmptyFolderExport_SameDocumentNoPrivateKey()
    {
        var data = _directory.Combine("data");
        var logo = _directory.Combine("logo.png");
        using (var image = new Image<Rgba32>(300, 100, new Rgba32(10, 120, 60)))
        {
            await image.SaveAsPngAsync(logo);
        }

        var outputs = new List<CliRun>
        {
            await CliRun.SucceedAsync(data, "keys", "new"),
            await CliRun.SucceedAsync(data, "config", "set", "--email-text", "Contoso intro", "--disclaimer-text", "Legal", "--portal-text", "Portal", "--image", logo),
            await CliRun.SucceedAsync(data, "config", "new", "--identity", "Legal", "--email-text", "From legal"),
            await CliRun.SucceedAsync(data, "rules", "new", "--name", "Encrypt outside", "--sent-to-scope", "NotInOrganization", "--apply-ome",
                "--apply-ome-branding-template", "Legal", "--except-if-subject-contains-words", "public"),
            await CliRun.SucceedAsync(data, "domains", "new", "--name", "contoso.com"),
            await CliRun.SucceedAsync(data, "users", "new", "--address", "ann@contoso.com", "--language", "de-DE", "--may-send-encrypted", "false"),
            await CliRun.SucceedAsync(data, "dkim", "new", "--domain", "contoso.com", "--selector", "s2026", "--size", "1024"),
        };
        var exported = _directory.Combine("exported.json");
        outputs.Add(await CliRun.SucceedAsync(data, "export", "--out", exported));

        var empty = _directory.Combine("empty");
        outputs.Add(await CliRun.SucceedAsync(empty, "import", exported, "--dry-run"));
        outputs.Add(await CliRun.SucceedAsync(empty, "import", exported));
        var reExported = await CliRun.SucceedAsync(empty, "export");
        outputs.Add(reExported);
        outputs.Add(await CliRun.SucceedAsync(empty, "dkim", "list", "--json"));

        Assert.Equal(await File.ReadAllBytesAsync(exported), reExported.StandardOutputBytes);
        using var document = JsonDocument.Parse(await File.ReadAllBytesAsync(exported));
        var root = document.RootElement;
        Assert.Equal(2, root.GetProperty("omeConfigurations").GetArrayLength());
        Assert.Equal(1, root.GetProperty("rules").GetArrayLength());
        Assert.Equal(1, root.GetProperty("acceptedDomains").GetArrayLength());
        Assert.Equal(1, root.GetProperty("users").GetArrayLength());
        var selector = Assert.Single(root.GetProperty("dkimSelectors").EnumerateArray());
        Assert.Equal(("contoso.com", "s2026", 1024), (selector.GetProperty("domain").GetString(), selector.GetProperty("selector").GetString(), selector.GetProperty("keySizeBits").GetInt32()));
        Assert.Contains("add    dkimSelector \"s2026._domainkey.contoso.com\"", outputs[^4].Output, StringComparison.Ordinal);
        var everything = string.Join("\n", outputs.Select(o => o.Output + o.Error + System.Text.Encoding.UTF8.GetString(o.StandardOutputBytes))) + await File.ReadAllTextAsync(exported);
        Assert.DoesNotContain("PRIVATE KEY", everything, StringComparison.Ordinal);
        Assert.DoesNotContain("protected", everything, StringComparison.OrdinalIgnoreCase);
    }

    public void Dispose() => _directory.Dispose();
}
