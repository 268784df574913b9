using Mailseal.Delivery;
using Mailseal.Gateway.Front;
using Mailseal.Gateway.Pipeline;
using Mailseal.Protection;
using Mailseal.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Mailseal.Cli.Hosting;

/// <summary>
/// Builds the host of `mailseal run`. Configuration, later sources winning: the embedded default, appsettings.json
/// in the current folder, appsettings.json in the data folder, MAILSEAL_* environment variables
/// (MAILSEAL_Section__Key), then command-line arguments (--Section:Key=value).
/// </summary>
internal static class GatewayHost
{
    public static IHost Build(string dataDirectory, string[] arguments)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(EmbeddedDefaults.For(dataDirectory))
            .AddJsonFile(Path.Combine(Directory.GetCurrentDirectory(), "appsettings.json"), optional: true)
            .AddJsonFile(Path.Combine(dataDirectory, "appsettings.json"), optional: true)
            .AddEnvironmentVariables("MAILSEAL_")
            .AddCommandLine(arguments)
            .Build();
        if (string.IsNullOrEmpty(configuration["Gateway:Submission:Password"]))
        {
            var effectiveData = configuration["Storage:DataDirectory"] ?? dataDirectory;
            configuration["Gateway:Submission:Password"] = EmbeddedDefaults.SubmissionPassword(effectiveData);
        }

        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings { Args = arguments });
        builder.Configuration.AddConfiguration(configuration);
        builder.Logging.AddSimpleConsole(console =>
        {
            console.SingleLine = true;
            console.UseUtcTimestamp = true;
            console.TimestampFormat = "yyyy-MM-ddTHH:mm:ssZ ";
        });
        builder.Logging.AddConfiguration(configuration.GetSection("Logging"));
        builder.Services.AddMailsealStorage(configuration);
        builder.Services.AddHostedService<FirstStartKeys>();
        builder.Services.AddMailsealProtection(configuration);
        builder.Services.AddMailsealDelivery(configuration);
        builder.Services.AddMailsealPipeline(configuration);
        builder.Services.AddSingleton<SpoolFactory>(() => CliFiles.CreateSpool());
        builder.Services.AddMailsealGatewayFront(configuration);
        builder.Services.Configure<HostOptions>(options =>
        {
            // Long enough for the front to finish the transactions in flight (Gateway:ShutdownTimeout).
            options.ShutdownTimeout = configuration.GetValue("Gateway:ShutdownTimeout", TimeSpan.FromSeconds(30)) + TimeSpan.FromSeconds(5);
        });
        return builder.Build();
    }
}
