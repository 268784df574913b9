using System.Text.Json;
using Mailseal.Testing;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;

namespace Mailseal.Cli.Tests;

public sealed class ConfigurationDocumentCommandsTests : IDisposable
{
    private readonly TempDirectory _directory = new();

    [Fact]
    public async Task Export_EmptyDataFolder_DefaultTemplateWithDefaults()
    {
        var run = await CliRun.InvokeAsync("export", "--data-dir", _directory.Combine("data"));

        Assert.Equal(0, run.ExitCode);
        using var json = JsonDocument.Parse(run.StandardOutputBytes);
        var template = Assert.Single(json.RootElement.GetProperty("omeConfigurations").EnumerateArray());
        Assert.Equal("OME Configuration", template.GetProperty("identity").GetString());
        Assert.Equal(JsonValueKind.Null, template.GetProperty("emailText").ValueKind);
        Assert.Equal(3, json.RootElement.GetProperty("version").GetInt32());
    }

    [Fact]
    public async Task ImportIntoEmptyFolder_ThenExport_SameDocument()
    {
        var document = _directory.Combine("mailseal.json");
        await File.WriteAllTextAsync(document, DocumentWith("Contoso secure mail", LogoBase64()));
        var first = _directory.Combine("first");
        Assert.Equal(0, (await CliRun.InvokeAsync("import", "--data-dir", first, document)).ExitCode);
        var exported = _directory.Combine("exported.json");
        Assert.Equal(0, (await CliRun.InvokeAsync("export", "--data-dir", first, "--out", exported)).ExitCode);

        var second = _directory.Combine("second");
        var imported = await CliRun.InvokeAsync("import", "--data-dir", second, exported);
        var reExported = await CliRun.InvokeAsync("export", "--data-dir", second);

        Assert.Equal(0, imported.ExitCode);
        Assert.Equal(await File.ReadAllBytesAsync(exported), reExported.StandardOutputBytes);
        Assert.Contains("Contoso secure mail", await File.ReadAllTextAsync(exported), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Import_DryRun_ShowsChangesAndChangesNothing()
    {
        var data = _directory.Combine("data");
        var document = _directory.Combine("mailseal.json");
        await File.WriteAllTextAsync(document, DocumentWith("Contoso secure mail", null));

        var dryRun = await CliRun.InvokeAsync("import", "--data-dir", data, document, "--dry-run");
        var exported = await CliRun.InvokeAsync("export", "--data-dir", data);

        Assert.Equal(0, dryRun.ExitCode);
        Assert.Contains("update omeConfiguration \"OME Configuration\": DisclaimerText, PortalText", dryRun.Output, StringComparison.Ordinal);
        Assert.Contains("add    omeConfiguration \"Legal\"", dryRun.Output, StringComparison.Ordinal);
        Assert.Contains("(dry run)", dryRun.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("Contoso", System.Text.Encoding.UTF8.GetString(exported.StandardOutputBytes), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Import_TextOverTheLimit_RefusedNamingTheFieldAndNothingChanged()
    {
        var data = _directory.Combine("data");
        var document = _directory.Combine("mailseal.json");
        await File.WriteAllTextAsync(document, DocumentWith(new string('x', 129), null));

        var run = await CliRun.InvokeAsync("import", "--data-dir", data, document);
        var exported = await CliRun.InvokeAsync("export", "--data-dir", data);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("PortalText", run.Error, StringComparison.Ordinal);
        Assert.Contains("128", run.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("Legal", System.Text.Encoding.UTF8.GetString(exported.StandardOutputBytes), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Import_ImageThatIsNotAnImage_RefusedNamingTheImage()
    {
        var document = _directory.Combine("mailseal.json");
        await File.WriteAllTextAsync(document, DocumentWith("x", Convert.ToBase64String("GIF89a not really"u8.ToArray())));

        var run = await CliRun.InvokeAsync("import", "--data-dir", _directory.Combine("data"), document);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("Image", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Import_TemplateMissingFromDocument_Removed()
    {
        var data = _directory.Combine("data");
        var document = _directory.Combine("mailseal.json");
        await File.WriteAllTextAsync(document, DocumentWith("x", null));
        await CliRun.InvokeAsync("import", "--data-dir", data, document);
        await File.WriteAllTextAsync(document, """{"version":1,"omeConfigurations":[]}""");

        var run = await CliRun.InvokeAsync("import", "--data-dir", data, document);

        Assert.Contains("remove omeConfiguration \"Legal\"", run.Output, StringComparison.Ordinal);
        Assert.Contains("remove omeConfiguration \"OME Configuration\": reverts to the default texts and logo", run.Output, StringComparison.Ordinal);
    }

    public void Dispose() => _directory.Dispose();

    private static string DocumentWith(string portalText, string? image) => JsonSerializer.Serialize(new
    {
        version = 1,
        omeConfigurations = new object[]
        {
            new { identity = "OME Configuration", emailText = (string?)null, disclaimerText = "Confidential.", portalText, image },
            new { identity = "Legal", emailText = "From the legal team", disclaimerText = (string?)null, portalText = (string?)null, image = (string?)null },
        },
    });

    private static string LogoBase64()
    {
        using var image = new Image<Rgba32>(600, 200, new Rgba32(31, 78, 121));
        using var png = new MemoryStream();
        image.SaveAsPng(png);
        return Convert.ToBase64String(png.ToArray());
    }
}
