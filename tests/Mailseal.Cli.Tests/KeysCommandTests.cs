using System.Security.Cryptography;
using System.Text.Json;
using Mailseal.Testing;

namespace Mailseal.Cli.Tests;

public sealed class KeysCommandTests : IDisposable
{
    private readonly TempDirectory _directory = new();

    private string DataDir => _directory.Combine("data");

    [Fact]
    public async Task New_ThenList_ThreeActiveKeysAndNoSecretPrinted()
    {
        var created = await CliRun.InvokeAsync("keys", "new", "--data-dir", DataDir);
        var listed = await CliRun.InvokeAsync("keys", "list", "--data-dir", DataDir, "--json");

        Assert.Equal(0, created.ExitCode);
        Assert.Equal(0, listed.ExitCode);
        using var json = JsonDocument.Parse(listed.Output);
        Assert.Equal(3, json.RootElement.GetArrayLength());
        Assert.All(json.RootElement.EnumerateArray(), k => Assert.Equal("active", k.GetProperty("state").GetString()));
        Assert.DoesNotContain("PRIVATE", created.Output + listed.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task New_Twice_FailsWithOneLine()
    {
        await CliRun.InvokeAsync("keys", "new", "--data-dir", DataDir);

        var again = await CliRun.InvokeAsync("keys", "new", "--data-dir", DataDir);

        Assert.NotEqual(0, again.ExitCode);
        Assert.StartsWith("mailseal: ", again.Error, StringComparison.Ordinal);
        Assert.Single(again.Error.TrimEnd().Split('\n'));
    }

    [Fact]
    public async Task Rotate_Signing_ListShowsOldRetiredAndNewActive()
    {
        await CliRun.InvokeAsync("keys", "new", "--data-dir", DataDir);

        var rotated = await CliRun.InvokeAsync("keys", "rotate", "--data-dir", DataDir, "--purpose", "signing");
        var listed = await CliRun.InvokeAsync("keys", "list", "--data-dir", DataDir);

        Assert.Equal(0, rotated.ExitCode);
        var signingRows = listed.Output.Split('\n').Where(l => l.Contains(" signing ", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, signingRows.Count);
        Assert.Contains(signingRows, r => r.Contains("retired", StringComparison.Ordinal));
        Assert.Contains(signingRows, r => r.Contains("active", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Mode1_WithoutTheLegacySwitch_RefusedWithAClearError()
    {
        var refused = await CliRun.InvokeAsync("keys", "new", "--data-dir", DataDir, "--mode", "1");

        Assert.Equal(1, refused.ExitCode);
        Assert.Contains("mode 1", refused.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Mode1_WithTheLegacySwitch_ListWarns()
    {
        var created = await CliRun.InvokeAsync("keys", "new", "--data-dir", DataDir, "--mode", "1", "--allow-legacy-mode1");
        var listed = await CliRun.InvokeAsync("keys", "list", "--data-dir", DataDir, "--allow-legacy-mode1");

        Assert.Equal(0, created.ExitCode);
        Assert.Contains("WARNING", created.Output, StringComparison.Ordinal);
        Assert.Equal(2, listed.Output.Split('\n').Count(l => l.Contains("WARNING: mode 1", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task ImportPem_Then_ExportPublic_PrintsThatPublicKey()
    {
        await CliRun.InvokeAsync("keys", "new", "--data-dir", DataDir);
        using var rsa = RSA.Create(3072);
        var pem = _directory.Combine("wrap.pem");
        await File.WriteAllTextAsync(pem, rsa.ExportPkcs8PrivateKeyPem());

        var imported = await CliRun.InvokeAsync("keys", "import", "--data-dir", DataDir, "--purpose", "wrapping", "--pem", pem);
        var exported = await CliRun.InvokeAsync("keys", "export-public", "--data-dir", DataDir);

        Assert.Equal(0, imported.ExitCode);
        Assert.Contains(rsa.ExportSubjectPublicKeyInfoPem(), exported.Output.ReplaceLineEndings("\n"), StringComparison.Ordinal);
        Assert.DoesNotContain("PRIVATE", exported.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ImportPkcs12_PasswordFromEnvironment_Imported()
    {
        await CliRun.InvokeAsync("keys", "new", "--data-dir", DataDir);
        using var rsa = RSA.Create(2048);
        var request = new System.Security.Cryptography.X509Certificates.CertificateRequest(
            "CN=Mailseal test", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));
        var pfx = _directory.Combine("sign.p12");
        await File.WriteAllBytesAsync(pfx, certificate.Export(System.Security.Cryptography.X509Certificates.X509ContentType.Pkcs12, "s3cret"));
        var variable = "MAILSEAL_TEST_P12_" + Guid.NewGuid().ToString("N");
        Environment.SetEnvironmentVariable(variable, "s3cret");
        try
        {
            var imported = await CliRun.InvokeAsync(
                "keys", "import", "--data-dir", DataDir, "--purpose", "signing", "--pkcs12", pfx, "--password-env", variable);

            Assert.Equal(0, imported.ExitCode);
            Assert.Contains("signing, mode 2, 2048 bits", imported.Output, StringComparison.Ordinal);
        }
        finally
        {
            Environment.SetEnvironmentVariable(variable, null);
        }
    }

    [Fact]
    public async Task Retire_UnknownKey_Fails()
    {
        await CliRun.InvokeAsync("keys", "new", "--data-dir", DataDir);

        var retired = await CliRun.InvokeAsync("keys", "retire", "--data-dir", DataDir, "sign-nope");

        Assert.Equal(1, retired.ExitCode);
        Assert.Contains("sign-nope", retired.Error, StringComparison.Ordinal);
    }

    public void Dispose() => _directory.Dispose();
}
