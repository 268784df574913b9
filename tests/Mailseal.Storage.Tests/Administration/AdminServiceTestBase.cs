using System.Security.Cryptography;
using Mailseal.Core.Administration;
using Mailseal.Delivery;
using Mailseal.Protection;
using Mailseal.Storage.Tests.Infrastructure;
using Mailseal.Testing.Databases;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;

namespace Mailseal.Storage.Tests.Administration;

/// <summary>The admin service wired as every host wires it, over a blank database of one provider.</summary>
public abstract class AdminServiceTestBase(PostgresTestDatabase postgres) : StorageTestBase(postgres)
{
    private readonly List<ServiceProvider> _providers = [];

    protected static AdminActor Actor { get; } = AdminActor.Cli("tester");

    protected async Task<ServiceProvider> OpenServicesAsync(StorageProvider provider)
    {
        var options = await NewDatabaseAsync(provider);
        // PostgreSQL storage never generates a key-encryption key: the operator supplies one, as here.
        var kekFile = Temp.Combine("kek-" + Guid.NewGuid().ToString("N"));
        await File.WriteAllBytesAsync(kekFile, RandomNumberGenerator.GetBytes(32));
        File.SetUnixFileMode(kekFile, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Storage:Provider"] = options.Provider.ToString(),
            ["Storage:ConnectionString"] = options.ConnectionString,
            ["Storage:DataDirectory"] = options.DataDirectory,
            ["Storage:KeyEncryptionKeyFile"] = kekFile,
        }).Build();
        var services = new ServiceCollection()
            .AddLogging()
            .AddMailsealStorage(configuration)
            .AddMailsealProtection(configuration)
            .AddMailsealDelivery(configuration)
            .AddMailsealAdministration()
            .BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
        _providers.Add(services);
        await services.GetRequiredService<MailsealStorage>().MigrateAsync();
        return services;
    }

    protected async Task<AdminService> OpenAdminAsync(StorageProvider provider) =>
        (await OpenServicesAsync(provider)).GetRequiredService<AdminService>();

    protected static byte[] Png(int width, int height)
    {
        using var image = new Image<Rgba32>(width, height, new Rgba32(31, 78, 121));
        using var output = new MemoryStream();
        image.SaveAsPng(output);
        return output.ToArray();
    }

    public override async Task DisposeAsync()
    {
        foreach (var services in _providers)
        {
            await services.DisposeAsync();
        }

        await base.DisposeAsync();
    }
}
