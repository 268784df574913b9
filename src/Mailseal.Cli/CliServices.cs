using Mailseal.Core.Administration;
using Mailseal.Delivery;
using Mailseal.Protection;
using Mailseal.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;

namespace Mailseal.Cli;

/// <summary>
/// The services a command needs for one data folder, configured as `mailseal run` configures them
/// (environment variables MAILSEAL_Section__Key, then the command's options), with the schema migrated.
/// </summary>
internal static class CliServices
{
    public static async Task<ServiceProvider> OpenAsync(
        string dataDirectory, bool allowLegacyMode1, CancellationToken cancellationToken)
    {
        var overrides = new Dictionary<string, string?>
        {
            [$"{StorageOptions.SectionName}:{nameof(StorageOptions.DataDirectory)}"] = dataDirectory,
        };
        if (allowLegacyMode1)
        {
            overrides[$"{ProtectionOptions.SectionName}:{nameof(ProtectionOptions.AllowLegacyMode1)}"] = "true";
        }

        var configuration = new ConfigurationBuilder()
            .AddEnvironmentVariables("MAILSEAL_")
            .AddInMemoryCollection(overrides)
            .Build();

        var services = new ServiceCollection()
            .AddLogging(ConfigureLogging)
            .AddMailsealStorage(configuration)
            .AddMailsealProtection(configuration)
            .AddMailsealDelivery(configuration)
            .AddMailsealAdministration()
            .AddSingleton<SpoolFactory>(CliFiles.CreateMessageSpool)
            .BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });

        try
        {
            await services.GetRequiredService<MailsealStorage>().MigrateAsync(cancellationToken);
            return services;
        }
        catch
        {
            await services.DisposeAsync();
            throw;
        }
    }

    /// <summary>Warnings and errors on standard error, so that standard output carries only the command's data.</summary>
    private static void ConfigureLogging(ILoggingBuilder logging)
    {
        logging.SetMinimumLevel(LogLevel.Warning);
        logging.AddSimpleConsole(console => console.SingleLine = true);
        logging.Services.Configure<ConsoleLoggerOptions>(console => console.LogToStandardErrorThreshold = LogLevel.Trace);
    }
}
