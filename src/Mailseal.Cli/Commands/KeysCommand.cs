using System.CommandLine;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Mailseal.Core.Administration;
using Mailseal.Core.Keys;
using Mailseal.Protection.Keys;
using Microsoft.Extensions.DependencyInjection;

namespace Mailseal.Cli.Commands;

/// <summary>`mailseal keys new|list|rotate|retire|import|export-public`.</summary>
internal static class KeysCommand
{
    public static Command Build(CliConsole console)
    {
        var keys = new Command("keys", "Manage the tenant's keys: wrapping, signing and recipient-hash.");
        keys.Subcommands.Add(New(console));
        keys.Subcommands.Add(List(console));
        keys.Subcommands.Add(Rotate(console));
        keys.Subcommands.Add(Retire(console));
        keys.Subcommands.Add(Import(console));
        keys.Subcommands.Add(ExportPublic(console));
        return keys;
    }

    private static Command New(CliConsole console)
    {
        Option<int> mode = null!;
        Option<int?> size = null!;
        Option<string> organization = null!;
        var command = AdminCommand.Create("new", "Create the tenant and its first key of each purpose.", async (parse, admin, actor, ct) =>
        {
            if ((await admin.ListTenantKeysAsync(ct)).Count > 0)
            {
                throw new InvalidOperationException("This Mailseal already has keys: use `mailseal keys rotate` to replace them.");
            }

            var created = await admin.NewTenantKeysAsync(new NewTenantKeysRequest
            {
                Mode = ParseMode(parse.GetValue(mode)),
                KeySizeBits = parse.GetValue(size),
                OrganizationName = parse.GetValue(organization)!,
            }, actor, ct);
            KeyTable.WriteCreated(console.Output, created);
        }, withLegacyMode1: true);
        mode = command.With(ModeOption());
        size = command.With(SizeOption());
        organization = command.With(new Option<string>("--organization")
        {
            Description = "The organisation's name.",
            DefaultValueFactory = _ => "Mailseal",
        });
        return command;
    }

    private static Command List(CliConsole console)
    {
        Option<bool> json = null!;
        var command = AdminCommand.Create("list", "List every key with its state; mode-1 keys carry a warning.", async (parse, admin, _, ct) =>
        {
            var keys = await admin.ListTenantKeysAsync(ct);
            if (parse.GetValue(json))
            {
                CliJson.Write(console.Output, keys);
            }
            else
            {
                KeyTable.Write(console.Output, keys);
            }
        }, withLegacyMode1: true);
        json = command.With(CliOptions.Json());
        return command;
    }

    private static Command Rotate(CliConsole console)
    {
        Option<string[]> purposes = null!;
        Option<int> mode = null!;
        Option<int?> size = null!;
        var command = AdminCommand.Create("rotate", "Make new active keys; the replaced ones are retired from sealing and still unseal.", async (parse, admin, actor, ct) =>
        {
            var chosen = parse.GetValue(purposes) is { Length: > 0 } words ? words.Select(KeyNames.Parse).ToArray() : [];
            var created = await admin.NewTenantKeysAsync(new NewTenantKeysRequest
            {
                Purposes = chosen,
                Mode = ParseMode(parse.GetValue(mode)),
                KeySizeBits = parse.GetValue(size),
            }, actor, ct);
            KeyTable.WriteCreated(console.Output, created);
        }, withLegacyMode1: true);
        purposes = command.With(new Option<string[]>("--purpose")
        {
            Description = "wrapping, signing or recipient-hash (repeatable; default: all three).",
            AllowMultipleArgumentsPerToken = true,
        });
        mode = command.With(ModeOption());
        size = command.With(SizeOption());
        return command;
    }

    private static Command Retire(CliConsole console)
    {
        var id = new Argument<string>("id") { Description = "The key id (see `keys list`)." };
        var command = AdminCommand.Create("retire", "Retire a key from sealing without deleting it; it still unseals.", async (parse, admin, actor, ct) =>
        {
            var key = await admin.RetireTenantKeyAsync(parse.GetValue(id)!, actor, ct);
            console.Output.WriteLine($"retired {key.Id}");
        }, withLegacyMode1: true);
        command.Arguments.Add(id);
        return command;
    }

    private static Command Import(CliConsole console)
    {
        var command = new Command("import", "Import an RSA private key (PEM or PKCS#12) as the new active wrapping or signing key.");
        var (dataDir, legacy) = AddCommonOptions(command);
        var purpose = new Option<string>("--purpose") { Description = "wrapping or signing.", Required = true };
        var pem = new Option<string?>("--pem") { Description = "A PEM file (PKCS#1, PKCS#8 or encrypted PKCS#8)." };
        var pkcs12 = new Option<string?>("--pkcs12") { Description = "A PKCS#12 (.pfx/.p12) file." };
        var passwordEnv = new Option<string?>("--password-env")
        {
            Description = "The environment variable that holds the file's password (never pass it on the command line).",
        };
        command.Options.Add(purpose);
        command.Options.Add(pem);
        command.Options.Add(pkcs12);
        command.Options.Add(passwordEnv);
        command.SetAction(async (parse, ct) =>
        {
            var password = parse.GetValue(passwordEnv) is { } variable
                ? Environment.GetEnvironmentVariable(variable) ?? throw new ArgumentException($"The environment variable {variable} is not set.")
                : null;
            using var key = await ReadPrivateKeyAsync(parse.GetValue(pem), parse.GetValue(pkcs12), password, ct);
            await using var services = await CliServices.OpenAsync(parse.GetValue(dataDir)!, parse.GetValue(legacy), ct);
            var record = await services.GetRequiredService<KeyManager>().ImportAsync(KeyNames.Parse(parse.GetValue(purpose)!), key, ct);
            var imported = new TenantKeyInfo(record.Id, record.Purpose, record.Mode, record.KeySizeBits, record.CreatedAt, null, "active", null);
            // Importing needs the private key object, so it is not an admin-service operation; it is audited all the same.
            await services.GetRequiredService<AuditTrail>().RecordAsync(AdminCommand.Actor, "Import", "TenantKey", record.Id, null, imported, ct);
            KeyTable.WriteCreated(console.Output, [imported]);
        });
        return command;
    }

    private static Command ExportPublic(CliConsole console)
    {
        var command = new Command("export-public", "Print public keys as PEM (the active wrapping and signing keys, or the one named).");
        var (dataDir, legacy) = AddCommonOptions(command);
        var id = new Argument<string?>("id") { Description = "A key id; default: the active wrapping and signing keys.", Arity = ArgumentArity.ZeroOrOne };
        command.Arguments.Add(id);
        command.SetAction(async (parse, ct) =>
        {
            await using var services = await CliServices.OpenAsync(parse.GetValue(dataDir)!, parse.GetValue(legacy), ct);
            var statuses = await services.GetRequiredService<KeyManager>().ListAsync(ct);
            var wanted = parse.GetValue(id) is { } keyId
                ? statuses.Where(s => s.Key.Id == keyId).ToList() is { Count: > 0 } found ? found : throw new ArgumentException($"There is no key {keyId}.")
                : statuses.Where(s => s.IsActive && s.Key.PublicKey.Length > 0).ToList();
            foreach (var status in wanted)
            {
                console.Output.WriteLine($"# {status.Key.Id} ({KeyNames.Describe(status.Key.Purpose)}, mode {(int)status.Key.Mode}, {status.Key.KeySizeBits} bits)");
                console.Output.WriteLine(KeyManager.ExportPublicPem(status.Key));
            }
        });
        return command;
    }

    private static async Task<RSA> ReadPrivateKeyAsync(string? pemPath, string? pkcs12Path, string? password, CancellationToken ct)
    {
        if ((pemPath is null) == (pkcs12Path is null))
        {
            throw new ArgumentException("Give exactly one of --pem and --pkcs12.");
        }

        if (pemPath is not null)
        {
            var text = await File.ReadAllTextAsync(pemPath, ct);
            var rsa = RSA.Create();
            if (password is null)
            {
                rsa.ImportFromPem(text);
            }
            else
            {
                rsa.ImportFromEncryptedPem(text, password);
            }

            return rsa;
        }

        var bytes = await File.ReadAllBytesAsync(pkcs12Path!, ct);
        using var certificate = X509CertificateLoader.LoadPkcs12(
            bytes, password, X509KeyStorageFlags.Exportable | X509KeyStorageFlags.EphemeralKeySet);
        using var inCertificate = certificate.GetRSAPrivateKey() ?? throw new ArgumentException("The PKCS#12 file holds no RSA private key.");
        // Copy the key out so that it outlives the certificate object.
        var copy = RSA.Create();
        copy.ImportParameters(inCertificate.ExportParameters(includePrivateParameters: true));
        return copy;
    }

    private static (Option<string> DataDir, Option<bool> Legacy) AddCommonOptions(Command command)
    {
        var dataDir = CliOptions.DataDirectory();
        var legacy = CliOptions.AllowLegacyMode1();
        command.Options.Add(dataDir);
        command.Options.Add(legacy);
        return (dataDir, legacy);
    }

    private static Option<int> ModeOption() => new("--mode")
    {
        Description = "Crypto mode: 2 (RSA with SHA-256, default) or 1 (RSA-1024 with SHA-1, legacy only).",
        DefaultValueFactory = _ => 2,
    };

    private static Option<int?> SizeOption() => new("--size")
    {
        Description = "RSA key size in bits: 2048 (default), 3072 or 4096; 1024 in mode 1.",
    };

    private static CryptoMode ParseMode(int mode) => mode switch
    {
        1 => CryptoMode.Mode1,
        2 => CryptoMode.Mode2,
        _ => throw new ArgumentException($"Crypto mode {mode} does not exist: use 2 (or 1 for legacy interoperability)."),
    };
}
