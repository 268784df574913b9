using Mailseal.Admin;
using Mailseal.Delivery;
using Mailseal.Gateway.Front;
using Mailseal.Gateway.Pipeline;
using Mailseal.Portal;
using Mailseal.Protection;
using Mailseal.Storage;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Mailseal.Cli.Hosting;

/// <summary>
/// Builds the one process of `mailseal run`: the gateway's listeners and the portal (Kestrel) over the same storage
/// and keys. Configuration, later sources winning: the embedded default, appsettings.json in the current folder,
/// appsettings.json in the data folder, MAILSEAL_* environment variables (MAILSEAL_Section__Key), then command-line
/// arguments (--Section:Key=value).
/// </summary>
internal static class MailsealHost
{
    /// <param name="dataDirectory">The data folder (Storage:DataDirectory unless configured otherwise).</param>
    /// <param name="arguments">--Section:Key=value settings.</param>
    /// <param name="overrideServices">For tests: replaces registrations (e.g. the clock) after everything else.</param>
    public static WebApplication Build(string dataDirectory, string[] arguments, Action<IServiceCollection>? overrideServices = null)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(EmbeddedDefaults.For(dataDirectory))
            .AddJsonFile(Path.Combine(Directory.GetCurrentDirectory(), "appsettings.json"), optional: true)
            .AddJsonFile(Path.Combine(dataDirectory, "appsettings.json"), optional: true)
            .AddEnvironmentVariables("MAILSEAL_")
            .AddCommandLine(arguments)
            .Build();
        var effectiveData = configuration["Storage:DataDirectory"] ?? dataDirectory;
        if (string.IsNullOrEmpty(configuration["Gateway:Submission:Password"]))
        {
            configuration["Gateway:Submission:Password"] = EmbeddedDefaults.SubmissionPassword(effectiveData);
        }

        // The portal in this process logs in to this process's Submission listener.
        if (string.IsNullOrEmpty(configuration["Portal:Submission:Password"]))
        {
            configuration["Portal:Submission:Password"] = configuration["Gateway:Submission:Password"];
        }

        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions { Args = arguments, ApplicationName = "mailseal" });
        builder.WebHost.UseKestrel();
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
        builder.Services.AddSingleton<SpoolFactory>(CliFiles.CreateMessageSpool);
        builder.Services.AddMailsealGatewayFront(configuration);
        builder.Services.AddMailsealPortal(configuration);
        builder.Services.AddMailsealAdmin(configuration);
        builder.Services.Configure<HostOptions>(options =>
        {
            // Long enough for the front to finish the transactions in flight (Gateway:ShutdownTimeout).
            options.ShutdownTimeout = configuration.GetValue("Gateway:ShutdownTimeout", TimeSpan.FromSeconds(30)) + TimeSpan.FromSeconds(5);
        });
        overrideServices?.Invoke(builder.Services);
        var app = builder.Build();
        // The admin listener's requests take their own pipeline; the portal's listener never sees the admin routes.
        app.UseMailsealAdminListener();
        app.UseMailsealPortal();
        return app;
    }
}
